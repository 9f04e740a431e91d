/** 批量催办: what the units are urged to do and how — the same fields as one item's 催办, once for the selection. */
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';

type Channel = 'system' | 'phone' | 'document' | 'on_site';
type Values = { reason: string; channel: Channel };
const channels: readonly Channel[] = ['system', 'phone', 'document', 'on_site'];

export function UrgeModal({
  count,
  pending,
  onCancel,
  onSubmit,
}: {
  count: number;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (values: Values) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open
      title={t('todo.urgeTitle', { count })}
      okText={t('todo.batchUrge')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'system' }}
        onFinish={(values) => onSubmit({ reason: values.reason.trim(), channel: values.channel })}
      >
        <Form.Item<Values>
          name="reason"
          label={t('todo.urgeReason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('todo.urgeReason') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder={t('todo.urgeReasonPlaceholder')} />
        </Form.Item>
        <Form.Item<Values> name="channel" label={t('todo.urgeChannel')}>
          <Select options={channels.map((c) => ({ value: c, label: t(`todo.channels.${c}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
