/** 新增下级单位: name, short name, type, division (default: the parent's) and 督查室 flag. */
import { unitKindSchema, type Unit, type UnitKind } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { divisionsQuery, useCreateUnit } from './org.api';

type Values = {
  name: string;
  shortName?: string;
  kind: UnitKind;
  divisionCode: string;
  sortOrder?: number;
  isSupervisionOffice: boolean;
};

/** The modal; `onCreated` receives the new unit so the page can select it. */
export function UnitCreateModal({
  parent,
  open,
  onClose,
  onCreated,
}: {
  parent: Unit;
  open: boolean;
  onClose: () => void;
  onCreated?: (unit: Unit) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const handleError = useApiErrorHandler();
  const divisions = useQuery({ ...divisionsQuery(parent.divisionCode), enabled: open });

  const divisionOptions = [
    { value: parent.divisionCode, label: t('org.divisionSameAsParent', { name: parent.divisionName }) },
    ...(divisions.data ?? []).map((d) => ({ value: d.code, label: d.name })),
  ];

  const submit = (values: Values) =>
    create.mutate(
      {
        parentId: parent.id,
        name: values.name,
        shortName: values.shortName?.trim() ? values.shortName : undefined,
        kind: values.kind,
        divisionCode: values.divisionCode === parent.divisionCode ? undefined : values.divisionCode,
        sortOrder: values.sortOrder ?? undefined,
        isSupervisionOffice: values.isSupervisionOffice,
      },
      {
        onSuccess: (unit) => {
          void message.success(t('common.created'));
          form.resetFields();
          onCreated?.(unit);
          onClose();
        },
        onError: (error) => handleError(error, { form }),
      },
    );

  return (
    <Modal
      open={open}
      title={`${t('org.createSubUnit')} · ${parent.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'department', divisionCode: parent.divisionCode, isSupervisionOffice: false }}
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
        <Form.Item name="kind" label={t('org.unit.kind')} rules={[{ required: true }]}>
          <Select options={unitKindSchema.options.map((kind) => ({ value: kind, label: t(`org.unitKinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="divisionCode" label={t('org.unit.division')}>
          <Select options={divisionOptions} loading={divisions.isFetching} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('org.unit.sortOrder')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isSupervisionOffice" label={t('org.unit.isSupervisionOffice')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
