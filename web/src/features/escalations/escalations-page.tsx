/**
 * /escalations 通报候选与约谈建议: the overdue items of the reader's subtree that the escalation ladder has put on the
 * 督查通报 candidate list, or for which it recommends a 约谈 of the lead unit's leaders — what the 督查室 takes into the
 * next bulletin and what the 分管领导 decides on. The system fills both lists; nobody types them.
 */
import { PageContainer } from '../../app/page-container';
import { escalationRungLabels, type EscalationCandidate } from '@luoshi/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useLiveRefresh } from '../../app/live';
import { useSourceLabel } from '../source-policies/use-sources';
import { formatBeijingTime } from '../tasks/task-format';
import { escalationCandidatesQuery, type CandidateList } from './escalations.api';

export function EscalationsPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const sourceLabel = useSourceLabel();
  const [list, setList] = useState<CandidateList>('bulletin');
  const query = useInfiniteQuery(escalationCandidatesQuery(list));
  useLiveRefresh(['tasks', 'escalations']);
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<EscalationCandidate> = [
    {
      title: t('escalations.item'),
      key: 'item',
      render: (_v, row) => (
        <Flex vertical>
          <Link to={`/tasks/${row.taskId}`}>{row.title}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.serialNumber} · {sourceLabel(row.source)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('escalations.leadUnit'), dataIndex: 'leadUnitName' },
    { title: t('escalations.leader'), dataIndex: 'responsibleLeaderName', render: (v: string | null) => v ?? '—' },
    { title: t('escalations.deadline'), dataIndex: 'deadline' },
    {
      title: t('escalations.overdue'),
      dataIndex: 'overdueWorkingDays',
      render: (days: number) => <Typography.Text type="danger">{t('escalations.days', { days })}</Typography.Text>,
    },
    {
      title: t('escalations.rung'),
      key: 'rung',
      render: (_v, row) => <Tag color={row.rung === 'interview' ? 'red' : 'orange'}>{escalationRungLabels[row.rung][locale]}</Tag>,
    },
    { title: t('escalations.reachedAt'), dataIndex: 'reachedAt', render: (at: string) => formatBeijingTime(at) },
  ];

  return (
    <PageContainer title={t('escalations.title')}>
      <Alert
        type="info"
        showIcon
        title={t(list === 'bulletin' ? 'escalations.bulletinIntro' : 'escalations.interviewIntro')}
        style={{ marginBottom: 16 }}
      />
      <Segmented<CandidateList>
        value={list}
        onChange={setList}
        options={[
          { value: 'bulletin', label: t('escalations.bulletin') },
          { value: 'interview', label: t('escalations.interview') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {query.isError ? <Alert type="error" showIcon title={errorText(query.error, locale)} /> : null}
      <Table<EscalationCandidate>
        rowKey="taskId"
        size="middle"
        loading={query.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t(list === 'bulletin' ? 'escalations.emptyBulletin' : 'escalations.emptyInterview') }}
      />
      {query.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </PageContainer>
  );
}
