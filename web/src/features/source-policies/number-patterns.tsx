/**
 * 督办编号格式: each government in the administrator's scope numbers its items by its own pattern ({unit}督〔{year}〕{seq}号
 * unless set); `{year}` the year, `{seq}` the running number, `{short}` the source's 简称, `{unit}` the government's
 * prefix (昆 for 昆明市人民政府). The dialog previews the number the next item would get, with the same function the
 * server uses.
 */
import { formatItemNumber, numberPattern, type NumberPatternSetting } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { numberPatternsQuery, useSetNumberPattern } from './source-policies.api';

const example = { year: new Date().getFullYear(), seq: 12, short: '批' };

/** The example values for one government (its own `{unit}` prefix). */
function exampleOf(setting: NumberPatternSetting) {
  return { ...example, unit: setting.numberPrefix ?? '' };
}

function PatternDialog({ setting, onClose }: { setting: NumberPatternSetting; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSetNumberPattern();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ pattern: string }>();
  const pattern = Form.useWatch('pattern', form) ?? setting.pattern;
  const valid = numberPattern.safeParse(pattern).success;
  return (
    <Modal
      open
      title={`${t('sourcePolicies.numberPattern')} · ${setting.unitName}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() =>
        void form.validateFields().then(({ pattern: next }) =>
          save.mutate(
            { unitId: setting.unitId, pattern: next.trim() },
            {
              onSuccess: () => {
                void message.success(t('sourcePolicies.patternSaved'));
                onClose();
              },
              onError: (error) => handleError(error, { form }),
            },
          ),
        )
      }
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ pattern: setting.pattern }} requiredMark={false}>
        <Form.Item
          name="pattern"
          label={t('sourcePolicies.numberPattern')}
          extra={t('sourcePolicies.patternHint')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                numberPattern.safeParse(value ?? '').success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('sourcePolicies.patternInvalid'))),
            },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {t('sourcePolicies.patternExample')}
        {valid ? formatItemNumber(pattern.trim(), exampleOf(setting)) : '—'}
      </Typography.Text>
    </Modal>
  );
}

/** The governments' patterns (system administrator only: the list is read and written by that role). */
export function NumberPatterns() {
  const { t } = useTranslation();
  const patterns = useQuery(numberPatternsQuery);
  const [editing, setEditing] = useState<NumberPatternSetting | null>(null);
  const columns: TableColumnsType<NumberPatternSetting> = [
    { title: t('sourcePolicies.government'), dataIndex: 'unitName' },
    {
      title: t('sourcePolicies.numberPattern'),
      key: 'pattern',
      render: (_v, row) => (
        <>
          <Typography.Text code>{row.pattern}</Typography.Text> {row.isDefault && <Tag>{t('sourcePolicies.patternDefault')}</Tag>}
        </>
      ),
    },
    { title: t('sourcePolicies.example'), key: 'example', render: (_v, row) => formatItemNumber(row.pattern, exampleOf(row)) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, row) => (
        <Button size="small" onClick={() => setEditing(row)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<NumberPatternSetting>
        rowKey="unitId"
        size="middle"
        loading={patterns.isPending}
        dataSource={patterns.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      />
      {editing && <PatternDialog setting={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
