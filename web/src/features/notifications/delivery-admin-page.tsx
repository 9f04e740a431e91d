/**
 * /admin/notifications 通知投递: for the system administrator, deliveries by status (given up ones can be retried);
 * for the system administrator and unit leaders, the group bots (钉钉/企业微信/飞书) of a unit. Bot URLs and
 * secrets are write-only: the list shows the URL with its token masked.
 */
import { PageContainer } from '../../app/page-container';
import {
  deliveryStatusSchema,
  webhookPlatformLabels,
  webhookPlatformSchema,
  type CreateWebhookBody,
  type DeliveryStatus,
  type NotificationDelivery,
  type WebhookEndpoint,
} from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { UnitPicker } from '../org/unit-picker';
import { formatBeijingTime } from '../tasks/task-format';
import { deliveriesQuery, useCreateWebhook, useDeleteWebhook, useRetryDelivery, webhooksQuery } from './delivery-admin.api';

const statusColors: Record<DeliveryStatus, string> = {
  pending: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'warning',
  dead: 'error',
};

function Deliveries() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const handleError = useApiErrorHandler();
  const [status, setStatus] = useState<DeliveryStatus | undefined>('dead');
  const list = useQuery(deliveriesQuery(status));
  const retry = useRetryDelivery();
  const columns: TableColumnsType<NotificationDelivery> = [
    { title: t('notifications.createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatBeijingTime(v) },
    { title: t('notifications.recipient'), dataIndex: 'recipientName', width: 160, ellipsis: true },
    { title: t('notifications.message'), dataIndex: 'title', ellipsis: true },
    { title: t('notifications.target'), dataIndex: 'target', width: 200, ellipsis: true },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: DeliveryStatus, row) => (
        <Tag color={statusColors[v]}>
          {t(`notifications.status.${v}`)}
          {row.attempts ? ` ×${row.attempts}` : ''}
        </Tag>
      ),
    },
    { title: t('notifications.lastError'), dataIndex: 'lastError', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      width: 90,
      render: (_v, row) =>
        row.status === 'dead' ? (
          <Button size="small" onClick={() => retry.mutate(row.id, { onError: (error) => handleError(error) })}>
            {t('common.retry')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card
      title={t('notifications.deliveries')}
      extra={
        <Select<DeliveryStatus>
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          placeholder={t('common.status')}
          options={deliveryStatusSchema.options.map((value) => ({ value, label: t(`notifications.status.${value}`) }))}
        />
      }
    >
      {list.isError ? <Alert type="error" showIcon title={errorText(list.error, locale)} /> : null}
      <Table<NotificationDelivery>
        rowKey="id"
        size="small"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
      />
    </Card>
  );
}

function UnitBots({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<CreateWebhookBody>();
  const bots = useQuery(webhooksQuery(unitId));
  const create = useCreateWebhook(unitId);
  const remove = useDeleteWebhook(unitId);
  const columns: TableColumnsType<WebhookEndpoint> = [
    {
      title: t('notifications.platform'),
      dataIndex: 'platform',
      width: 130,
      render: (v: WebhookEndpoint['platform']) => webhookPlatformLabels[v][locale],
    },
    { title: 'URL', dataIndex: 'urlMasked', ellipsis: true },
    { title: t('notifications.signed'), dataIndex: 'hasSecret', width: 80, render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    {
      title: t('common.actions'),
      width: 90,
      render: (_v, row) => (
        <Popconfirm
          title={t('notifications.confirmRemoveBot')}
          onConfirm={() => remove.mutate(row.id, { onError: (error) => handleError(error) })}
        >
          <Button size="small" danger>
            {t('common.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  const submit = (values: CreateWebhookBody) =>
    create.mutate(
      { ...values, secret: values.secret?.trim() || undefined },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('common.created'));
        },
        onError: (error) => handleError(error, { form }),
      },
    );
  return (
    <>
      {bots.isError ? <Alert type="error" showIcon title={errorText(bots.error, locale)} /> : null}
      <Table<WebhookEndpoint>
        rowKey="id"
        size="small"
        loading={bots.isPending}
        columns={columns}
        dataSource={bots.data?.items ?? []}
        pagination={false}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ platform: 'dingtalk' }}>
        <Form.Item name="platform" label={t('notifications.platform')}>
          <Select options={webhookPlatformSchema.options.map((value) => ({ value, label: webhookPlatformLabels[value][locale] }))} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('notifications.botUrl')}
          rules={[{ required: true, type: 'url', message: t('common.required', { field: 'URL' }) }]}
        >
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
        </Form.Item>
        <Form.Item name="secret" label={t('notifications.botSecret')} extra={t('notifications.botSecretHint')}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('notifications.addBot')}
        </Button>
      </Form>
    </>
  );
}

export function DeliveryAdminPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | undefined>(user.scopeUnitId);
  return (
    <PageContainer title={t('notifications.admin')}>
      <Row gutter={[16, 16]}>
        {hasAnyRole(user, 'system_admin') ? (
          <Col xs={24}>
            <Deliveries />
          </Col>
        ) : null}
        <Col xs={24} lg={14}>
          <Card title={t('notifications.bots')}>
            <Typography.Paragraph type="secondary">{t('notifications.botsHint')}</Typography.Paragraph>
            <div style={{ marginBottom: 16, maxWidth: 420 }}>
              <UnitPicker value={unitId} onChange={setUnitId} />
            </div>
            {unitId ? <UnitBots key={unitId} unitId={unitId} /> : null}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
