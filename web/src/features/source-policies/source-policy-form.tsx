/**
 * The dialog of one 督办事项来源: its code (new sources only: items keep it for good), names, 简称 and whether new items
 * may take it, then its 办理时限与预警 settings — the numbers of the warning light, the 临期提醒 days and the
 * escalation ladder's working days (each rung later than the one before; the server says so too).
 */
import {
  defaultEscalationWorkingDays,
  defaultReminderWorkingDays,
  escalationRungLabels,
  escalationRungValues,
  type CreateSourceBody,
  type Source,
} from '@luoshi/contracts';
import { Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';

export const numberFields = [
  { key: 'workingDays', min: 1, max: 500 },
  { key: 'signForWorkingDays', min: 1, max: 30 },
  { key: 'yellowWorkingDays', min: 0, max: 60 },
  { key: 'yellowElapsedPercent', min: 50, max: 100 },
] as const;

const reminderChoices = [0, 1, 2, 3, 5, 7, 10];

/** A new source starts with the usual policy (签收 2, 黄灯 3 / 90%, 临期提醒 3 and 1, the default ladder). */
const blank: Source = {
  code: '',
  name: { 'zh-CN': '', en: '' },
  shortCode: '',
  active: true,
  workingDays: 20,
  signForWorkingDays: 2,
  yellowWorkingDays: 3,
  yellowElapsedPercent: 90,
  reminderWorkingDays: [...defaultReminderWorkingDays],
  escalationWorkingDays: defaultEscalationWorkingDays,
};

export function SourcePolicyForm({
  source,
  saving,
  onSave,
  onCancel,
}: {
  /** Null: a new source. */
  source: Source | null;
  saving: boolean;
  onSave: (values: CreateSourceBody) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const [form] = Form.useForm<Source>();
  const ladderInOrder = (index: number) => ({
    validator: (_rule: unknown, value: number | null) => {
      const before = escalationRungValues[index - 1];
      const previous = before ? (form.getFieldValue(['escalationWorkingDays', before]) as number | null) : null;
      return value !== null && previous !== null && value <= previous
        ? Promise.reject(new Error(t('sourcePolicies.ladderOrder')))
        : Promise.resolve();
    },
  });
  const required = { required: true, whitespace: true };
  return (
    <Modal
      open
      title={source ? `${t('sourcePolicies.editSource')} · ${source.name[locale]}` : t('sourcePolicies.addSource')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((values) => onSave({ ...values, code: source?.code ?? values.code }))}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={source ?? blank} requiredMark={false}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('sourcePolicies.code')}
              extra={source ? undefined : t('sourcePolicies.codeHint')}
              rules={source ? [] : [required, { pattern: /^[a-z][a-z0-9_]{1,31}$/, message: t('sourcePolicies.codeForm') }]}
            >
              <Input disabled={source !== null} maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shortCode" label={t('sourcePolicies.shortCode')} extra={t('sourcePolicies.shortCodeHint')} rules={[required]}>
              <Input maxLength={4} style={{ width: 120 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['name', 'zh-CN']} label={t('sourcePolicies.nameZh')} rules={[required]}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['name', 'en']} label={t('sourcePolicies.nameEn')} rules={[required]}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="active" label={t('sourcePolicies.active')} extra={t('sourcePolicies.activeHint')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Divider />
        <Row gutter={12}>
          {numberFields.map((field) => (
            <Col key={field.key} xs={24} md={12}>
              <Form.Item name={field.key} label={t(`sourcePolicies.${field.key}`)} rules={[{ required: true }]}>
                <InputNumber min={field.min} max={field.max} precision={0} style={{ width: 160 }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
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
