/**
 * /meetings 会议: the meetings the reader may see (their government's, or those with an agenda item of their unit),
 * newest first, each with its decisions' progress in one line. A table on wide screens, cards on phones; organisers
 * convene a meeting here.
 */
import type { MeetingSummary } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Grid, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { PageContainer } from '../../app/page-container';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { ConveneModal } from './convene-modal';
import { DecisionSummaryLine, MinutesTag } from './decision-summary';
import { meetingListQuery, meetingTypesQuery } from './meetings.api';

function useTypeName() {
  const locale = useAppLocale();
  const types = useQuery(meetingTypesQuery());
  return (code: string) => {
    const type = types.data?.find((ty) => ty.code === code);
    return type ? (locale === 'en' ? type.nameEn : type.nameZh) : code;
  };
}

function MeetingTable({ rows, loading }: { rows: readonly MeetingSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const typeName = useTypeName();
  const columns: TableColumnsType<MeetingSummary> = [
    { title: t('meetings.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('meetings.title'),
      dataIndex: 'title',
      render: (_value, row) => (
        <Link to={`/meetings/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {row.governmentName}
          {row.title}
        </Link>
      ),
    },
    { title: t('meetings.type'), dataIndex: 'type', width: 130, render: (value: string) => typeName(value) },
    { title: t('meetings.agendaCount'), dataIndex: 'agendaCount', width: 70 },
    { title: t('meetings.decisions'), dataIndex: 'decisions', render: (_value, row) => <DecisionSummaryLine summary={row.decisions} /> },
    {
      title: t('meetings.minutes'),
      dataIndex: 'minutesStatus',
      width: 120,
      render: (_value, row) => <MinutesTag status={row.minutesStatus} />,
    },
  ];
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('meetings.empty') }}
      scroll={{ x: 900 }}
      onRow={(row) => ({ onClick: () => void navigate(`/meetings/${row.id}`), style: { cursor: 'pointer' } })}
    />
  );
}

function MeetingCards({ rows }: { rows: readonly MeetingSummary[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Empty description={t('meetings.empty')} />;
  return (
    <Flex vertical gap={8}>
      {rows.map((row) => (
        <Card key={row.id} size="small">
          <Link to={`/meetings/${row.id}`} style={{ color: 'inherit', display: 'block' }}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.heldOn}
              </Typography.Text>
              <MinutesTag status={row.minutesStatus} />
            </Flex>
            <Typography.Text strong>
              {row.governmentName}
              {row.title}
            </Typography.Text>
            <div>
              <DecisionSummaryLine summary={row.decisions} />
            </div>
          </Link>
        </Card>
      ))}
    </Flex>
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [type, setType] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  const types = useQuery(meetingTypesQuery());
  const list = useQuery(meetingListQuery(type ? { type } : {}));
  const rows = list.data ?? [];
  const canConvene = hasAnyRole(user, 'meeting_staff', 'supervisor');
  return (
    <PageContainer
      title={t('meetings.title')}
      content={t('meetings.intro')}
      extra={
        canConvene && (
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('meetings.convene')}
          </Button>
        )
      }
    >
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('meetings.type')}
          allowClear
          placeholder={t('meetings.allTypes')}
          value={type}
          onChange={setType}
          style={{ minWidth: 180 }}
          options={(types.data ?? []).map((ty) => ({ value: ty.code, label: locale === 'en' ? ty.nameEn : ty.nameZh }))}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, locale)} style={{ marginBottom: 12 }} />}
      {screens.md ? <MeetingTable rows={rows} loading={list.isPending} /> : list.isPending ? <Spin /> : <MeetingCards rows={rows} />}
      {open && (
        <ConveneModal open={open} onClose={() => setOpen(false)} onConvened={(meeting) => void navigate(`/meetings/${meeting.id}`)} />
      )}
    </PageContainer>
  );
}
