/**
 * 基本信息 of a unit: an edit form for the system administrator, a read-only list for everyone else. Saving sends
 * the version the form was opened with; if someone saved in between, the record is reloaded and the form reset.
 */
import type { Unit } from '@luoshi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, InputNumber, Popconfirm, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { unitQuery, useUpdateUnit } from './org.api';

type Values = { name: string; shortName?: string; sortOrder: number; isSupervisionOffice: boolean };

function ReadOnlyUnit({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      bordered
      items={[
        { key: 'name', label: t('org.unit.name'), children: unit.name },
        { key: 'short', label: t('org.unit.shortName'), children: unit.shortName ?? '—' },
        { key: 'kind', label: t('org.unit.kind'), children: t(`org.unitKinds.${unit.kind}`) },
        { key: 'division', label: t('org.unit.division'), children: unit.divisionName },
        { key: 'sort', label: t('org.unit.sortOrder'), children: unit.sortOrder },
        { key: 'office', label: t('org.unit.isSupervisionOffice'), children: unit.isSupervisionOffice ? t('common.yes') : t('common.no') },
        {
          key: 'status',
          label: t('common.status'),
          children: unit.isDisabled ? <Tag>{t('common.disabled')}</Tag> : <Tag color="success">{t('common.active')}</Tag>,
        },
      ]}
    />
  );
}

/** The tab body; `canEdit` is true for system_admin only. */
export function UnitBasicTab({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  return canEdit ? <UnitEditForm unit={unit} /> : <ReadOnlyUnit unit={unit} />;
}

function UnitEditForm({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUnit();
  const handleError = useApiErrorHandler();

  const reload = () => void client.invalidateQueries({ queryKey: unitQuery(unit.id).queryKey });
  const save = (values: Values) =>
    update.mutate(
      {
        target: unit,
        body: {
          name: values.name,
          shortName: values.shortName?.trim() ? values.shortName : null,
          sortOrder: values.sortOrder,
          isSupervisionOffice: values.isSupervisionOffice,
        },
      },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (error) => handleError(error, { form, onConflict: reload }),
      },
    );
  const toggleDisabled = () =>
    update.mutate(
      { target: unit, body: { isDisabled: !unit.isDisabled } },
      { onSuccess: () => void message.success(t('common.saved')), onError: (error) => handleError(error, { onConflict: reload }) },
    );

  return (
    <Form<Values>
      key={`${unit.id}:${unit.version}`}
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{
        name: unit.name,
        shortName: unit.shortName ?? undefined,
        sortOrder: unit.sortOrder,
        isSupervisionOffice: unit.isSupervisionOffice,
      }}
      onFinish={save}
    >
      <Form.Item
        name="name"
        label={t('org.unit.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('org.unit.name') }) }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="shortName" label={t('org.unit.shortName')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('org.unit.kind')}>
        <Input value={t(`org.unitKinds.${unit.kind}`)} disabled />
      </Form.Item>
      <Form.Item label={t('org.unit.division')}>
        <Input value={unit.divisionName} disabled />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('org.unit.sortOrder')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="isSupervisionOffice" label={t('org.unit.isSupervisionOffice')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <Popconfirm
          title={t(unit.isDisabled ? 'common.confirmEnable' : 'common.confirmDisable', { name: unit.name })}
          onConfirm={toggleDisabled}
        >
          <Button danger={!unit.isDisabled}>{unit.isDisabled ? t('common.enable') : t('common.disable')}</Button>
        </Popconfirm>
      </Space>
    </Form>
  );
}
