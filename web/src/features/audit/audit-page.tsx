/** /admin/audit 审计日志 (audit_admin): filtered, keyset-paged event list with before/after and an integrity check. */
import { PageContainer } from '../../app/page-container';
import type { AuditEvent } from '@luoshi/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { auditEventsQuery, useVerifyAuditLog, type AuditFilter } from './audit.api';
import { AuditDiff } from './audit-diff';
import { AuditFilters } from './audit-filters';
import { AuditVerifyButton, AuditVerifyResultBanner } from './audit-verify';

function EventDetail({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'object', label: t('audit.objectType'), children: event.objectType ?? '—' },
          { key: 'request', label: t('audit.requestId'), children: event.requestId ?? '—' },
          {
            key: 'agent',
            label: t('audit.userAgent'),
            children: <Typography.Text ellipsis={{ tooltip: event.userAgent }}>{event.userAgent ?? '—'}</Typography.Text>,
          },
        ]}
      />
      <AuditDiff before={event.before} after={event.after} />
    </>
  );
}

/** The page. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useInfiniteQuery(auditEventsQuery(filter));
  const verify = useVerifyAuditLog();
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<AuditEvent> = [
    { title: '#', dataIndex: 'id', width: 80 },
    {
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      width: 160,
      render: (value: string) => dayjs(value).format('YYYY-MM-DD HH:mm:ss'),
    },
    { title: t('audit.eventType'), dataIndex: 'eventType', render: (_value, row) => t(`auditEventTypes.${row.eventType}`) },
    { title: t('audit.actor'), dataIndex: 'actorUsername', width: 120, render: (value: string | null) => value ?? t('audit.system') },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (_value, row) => <Tag color={row.outcome === 'success' ? 'success' : 'error'}>{t(`audit.outcomes.${row.outcome}`)}</Tag>,
    },
    { title: t('audit.objectId'), dataIndex: 'objectId', ellipsis: true, render: (value: string | null) => value ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (value: string | null) => value ?? '—' },
  ];

  return (
    <PageContainer title={t('menu.audit')} extra={<AuditVerifyButton verify={verify} />}>
      {verify.data && <AuditVerifyResultBanner result={verify.data} onClose={() => verify.reset()} />}
      <AuditFilters onSearch={setFilter} />
      {events.isError && <Alert type="error" showIcon title={errorText(events.error, locale)} style={{ marginBottom: 12 }} />}
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={events.isPending}
        pagination={false}
        scroll={{ x: 960 }}
        expandable={{ expandedRowRender: (event) => <EventDetail event={event} /> }}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        {events.hasNextPage ? (
          <Button loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.loaded', { count: rows.length })}
          </Typography.Text>
        </div>
      </div>
    </PageContainer>
  );
}
