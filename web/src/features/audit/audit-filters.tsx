/** The audit search form: event type, actor, object id, outcome and time range. */
import { auditEventTypeValues } from '@luoshi/contracts';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from './audit.api';

type Values = Omit<AuditFilter, 'from' | 'to'> & { from?: Dayjs | null; to?: Dayjs | null };

function blankToUndefined(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

/** The form; `onSearch` receives the filter to query with. */
export function AuditFilters({ onSearch }: { onSearch: (filter: AuditFilter) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = (values: Values) =>
    onSearch({
      eventType: values.eventType,
      actor: blankToUndefined(values.actor),
      objectId: blankToUndefined(values.objectId),
      outcome: values.outcome,
      from: values.from?.toISOString(),
      to: values.to?.toISOString(),
    });

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} style={{ marginBottom: 8 }}>
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="eventType" label={t('audit.eventType')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={auditEventTypeValues.map((type) => ({ value: type, label: t(`auditEventTypes.${type}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="objectId" label={t('audit.objectId')}>
            <Input allowClear maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              options={[
                { value: 'success', label: t('audit.outcomes.success') },
                { value: 'failure', label: t('audit.outcomes.failure') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="from" label={t('audit.from')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="to" label={t('audit.to')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.query')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
