/**
 * The edit dialog of one source type's 办理时限与预警 settings: the numbers of the warning light, the 临期提醒 days and
 * the escalation ladder's working days (each rung later than the one before; the server says so too).
 */
import { escalationRungLabels, escalationRungValues, taskSourceLabels, type SourcePolicy } from '@luoshi/contracts';
import { Form, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';

export const numberFields = [
  { key: 'workingDays', min: 1, max: 500 },
  { key: 'signForWorkingDays', min: 1, max: 30 },
  { key: 'yellowWorkingDays', min: 0, max: 60 },
  { key: 'yellowElapsedPercent', min: 50, max: 100 },
] as const;

const reminderChoices = [0, 1, 2, 3, 5, 7, 10];

export function SourcePolicyForm({
  policy,
  saving,
  onSave,
  onCancel,
}: {
  policy: SourcePolicy;
  saving: boolean;
  onSave: (policy: SourcePolicy) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const [form] = Form.useForm<SourcePolicy>();
  const ladderInOrder = (index: number) => ({
    validator: (_rule: unknown, value: number | null) => {
      const before = escalationRungValues[index - 1];
      const previous = before ? (form.getFieldValue(['escalationWorkingDays', before]) as number | null) : null;
      return value !== null && previous !== null && value <= previous
        ? Promise.reject(new Error(t('sourcePolicies.ladderOrder')))
        : Promise.resolve();
    },
  });
  return (
    <Modal
      open
      title={`${t('sourcePolicies.title')} · ${taskSourceLabels[policy.source][locale]}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((values) => onSave({ ...policy, ...values }))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={policy} requiredMark={false}>
        {numberFields.map((field) => (
          <Form.Item key={field.key} name={field.key} label={t(`sourcePolicies.${field.key}`)} rules={[{ required: true }]}>
            <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item
          name="reminderWorkingDays"
          label={t('sourcePolicies.reminderWorkingDays')}
          extra={t('sourcePolicies.reminderHint')}
          rules={[{ type: 'array', max: 5, message: t('sourcePolicies.reminderMax') }]}
        >
          <Select
            mode="multiple"
            options={reminderChoices.map((n) => ({
              value: n,
              label: n === 0 ? t('sourcePolicies.onTheDay') : t('sourcePolicies.daysBefore', { n }),
            }))}
          />
        </Form.Item>
        <Typography.Text strong>{t('sourcePolicies.escalationWorkingDays')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('sourcePolicies.ladderHint')}
        </Typography.Paragraph>
        {escalationRungValues.map((rung, index) => (
          <Form.Item
            key={rung}
            name={['escalationWorkingDays', rung]}
            label={escalationRungLabels[rung][locale]}
            dependencies={index > 0 ? [['escalationWorkingDays', escalationRungValues[index - 1]!]] : []}
            rules={[{ required: true }, ladderInOrder(index)]}
          >
            <InputNumber min={1} max={120} precision={0} addonAfter={t('sourcePolicies.workingDaysOverdue')} style={{ width: 220 }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
