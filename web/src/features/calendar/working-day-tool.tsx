/** 工作日计算: from a date, N working days on (negative N counts back), as the deadline rules compute it. */
import { Alert, Button, Card, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useAddWorkingDays } from './calendar.api';

type Values = { from: Dayjs; add: number };

/** The calculator card. */
export function WorkingDayTool() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const compute = useAddWorkingDays();
  const result = compute.data;
  return (
    <Card title={t('calendar.toolTitle')}>
      <Typography.Paragraph type="secondary">{t('calendar.toolHint')}</Typography.Paragraph>
      <Form<Values>
        layout="vertical"
        initialValues={{ from: dayjs(), add: 3 }}
        onFinish={(values) => compute.mutate({ from: values.from.format('YYYY-MM-DD'), add: values.add })}
      >
        <Space wrap align="end">
          <Form.Item name="from" label={t('calendar.from')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="add" label={t('calendar.add')} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
            <InputNumber min={-2000} max={2000} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" loading={compute.isPending}>
              {t('calendar.compute')}
            </Button>
          </Form.Item>
        </Space>
      </Form>
      {compute.isError && <Alert type="error" showIcon title={errorText(compute.error, locale)} />}
      {result && compute.variables && (
        <Alert
          type={result.date ? 'success' : 'warning'}
          showIcon
          title={
            result.date
              ? t('calendar.result', {
                  from: result.from,
                  count: compute.variables.add,
                  date: result.date,
                  weekday: dayjs(result.date).format('dddd'),
                })
              : t('calendar.noResult')
          }
        />
      )}
    </Card>
  );
}
