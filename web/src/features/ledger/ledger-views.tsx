/** 我的视图: pick a saved filter + columns, save the current one under a name, delete the picked one. */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import type { LedgerColumn, LedgerView } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { ApiError } from '../../app/api/api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import type { LedgerFilterValue } from './ledger-filter';
import { ledgerViewsQuery, useDeleteLedgerView, useSaveLedgerView } from './ledger.api';

export function LedgerViews({
  filter,
  columns,
  onApply,
}: {
  filter: LedgerFilterValue;
  columns: readonly LedgerColumn[];
  onApply: (view: LedgerView) => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const views = useQuery(ledgerViewsQuery());
  const save = useSaveLedgerView();
  const remove = useDeleteLedgerView();
  const [pickedId, setPickedId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const picked = views.data?.find((v) => v.id === pickedId);

  const submit = async ({ name }: { name: string }) => {
    try {
      const view = await save.mutateAsync({ name, query: filter, columns: [...columns] });
      setPickedId(view.id);
      setSaving(false);
      form.resetFields();
      void message.success(t('ledger.viewSaved'));
    } catch (error) {
      // A name already used by one of the user's views is shown on the name field itself.
      if (error instanceof ApiError && error.code === 'DUPLICATE') form.setFields([{ name: ['name'], errors: [errorText(error, locale)] }]);
      else void message.error(errorText(error, locale));
    }
  };

  return (
    <Flex gap={8} align="center" wrap>
      <Select<string>
        allowClear
        value={pickedId}
        loading={views.isPending}
        placeholder={t('ledger.viewPlaceholder')}
        aria-label={t('ledger.views')}
        options={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        onChange={(id) => {
          setPickedId(id);
          const view = views.data?.find((v) => v.id === id);
          if (view) onApply(view);
        }}
        style={{ width: 200 }}
      />
      {picked && (
        <Popconfirm
          title={t('ledger.confirmDeleteView', { name: picked.name })}
          onConfirm={() =>
            remove.mutate(picked.id, {
              onSuccess: () => setPickedId(undefined),
              onError: (error) => void message.error(errorText(error, locale)),
            })
          }
        >
          <Button icon={<DeleteOutlined />} aria-label={t('ledger.deleteView')} title={t('ledger.deleteView')} />
        </Popconfirm>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>
        {t('ledger.saveView')}
      </Button>
      <Modal
        open={saving}
        title={t('ledger.saveView')}
        okText={t('common.save')}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item
            name="name"
            label={t('ledger.viewName')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('ledger.viewName') }) }, { max: 64 }]}
          >
            <Input maxLength={64} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
