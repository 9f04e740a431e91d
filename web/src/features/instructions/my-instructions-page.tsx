/**
 * /instructions 我的批示: every item where the signed-in government leader is the 分管领导 or the instructing leader,
 * with its live status and their latest 批示; everything they instructed, newest first, with the live status and
 * 办结时限 of each item and of the item a 批示 spawned; and 作出批示. A table on wide screens, cards on phones.
 */
import { PageContainer } from '../../app/page-container';
import type { Instruction } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Grid, Spin, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { formatBeijingTime } from '../tasks/task-format';
import { TaskDeadline, TaskStatusTag } from '../tasks/task-tags';
import { SpawnedItem } from './instruction-section';
import { myInstructionsQuery, myLeaderItemsQuery } from './instructions.api';
import { LeaderItems } from './leader-items';
import { NewInstructionModal } from './new-instruction-modal';

/** The item's 办结时限 in the shape `TaskDeadline` reads (overdue in red while the item is open). */
function deadlineOf(row: Instruction) {
  return { deadline: row.taskDeadline, deadlineWorkingDays: null, status: row.taskStatus };
}

function InstructionTable({ rows, loading }: { rows: readonly Instruction[]; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<Instruction> = [
    {
      title: t('instructions.givenAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (_value, row) => formatBeijingTime(row.createdAt),
    },
    {
      title: t('tasks.serialNumber'),
      dataIndex: 'taskSerialNumber',
      width: 130,
      render: (value: string, row) => (
        <Link to={`/tasks/${row.taskId}`} onClick={(event) => event.stopPropagation()}>
          {value}
        </Link>
      ),
    },
    { title: t('tasks.title'), dataIndex: 'taskTitle', ellipsis: true },
    { title: t('instructions.text'), dataIndex: 'text', ellipsis: true },
    { title: t('common.status'), dataIndex: 'taskStatus', width: 90, render: (_value, row) => <TaskStatusTag status={row.taskStatus} /> },
    { title: t('tasks.deadline'), dataIndex: 'taskDeadline', width: 150, render: (_value, row) => <TaskDeadline item={deadlineOf(row)} /> },
    {
      title: t('instructions.child'),
      dataIndex: 'childSerialNumber',
      width: 190,
      render: (_value, row) => (
        <span onClick={(event) => event.stopPropagation()}>{row.childTaskId ? <SpawnedItem instruction={row} /> : '—'}</span>
      ),
    },
  ];
  return (
    <Table<Instruction>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('instructions.mineEmpty') }}
      scroll={{ x: 1000 }}
      onRow={(row) => ({ onClick: () => void navigate(`/tasks/${row.taskId}`), style: { cursor: 'pointer' } })}
    />
  );
}

function InstructionCards({ rows }: { rows: readonly Instruction[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {rows.map((row) => (
        <Card key={row.id} size="small">
          <Link to={`/tasks/${row.taskId}`} style={{ color: 'inherit', display: 'block' }}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.taskSerialNumber}
              </Typography.Text>
              <TaskStatusTag status={row.taskStatus} />
            </Flex>
            <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
              {row.taskTitle}
            </Typography.Paragraph>
            <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: '0 0 4px', whiteSpace: 'pre-wrap' }}>
              {row.text}
            </Typography.Paragraph>
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="secondary">{t('tasks.deadline')} </Typography.Text>
              <TaskDeadline item={deadlineOf(row)} />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('instructions.givenAt')} {formatBeijingTime(row.createdAt)}
            </Typography.Text>
          </Link>
          {row.childTaskId && (
            <Flex gap={6} align="center" wrap style={{ fontSize: 12, marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('instructions.child')}
                {t('tasks.labelSeparator')}
              </Typography.Text>
              <SpawnedItem instruction={row} />
            </Flex>
          )}
        </Card>
      ))}
    </Flex>
  );
}

/** The page: the items the leader oversees or instructed on (live status), and every 批示 given. */
export function MyInstructionsPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const isNarrow = Grid.useBreakpoint().md === false;
  const mine = useQuery(myInstructionsQuery());
  const items = useQuery(myLeaderItemsQuery());
  // /instructions?issue=1 (the home page's 作出批示) opens the form at once.
  const [issuing, setIssuing] = useState(() => new URLSearchParams(window.location.search).get('issue') === '1');
  const rows = mine.data ?? [];
  const failed = mine.isError ? mine : items.isError ? items : null;
  return (
    <PageContainer
      title={t('instructions.mine')}
      content={<Typography.Text type="secondary">{t('instructions.mineIntro')}</Typography.Text>}
      extra={
        <Button type="primary" icon={<EditOutlined />} onClick={() => setIssuing(true)}>
          {t('todo.leader.issue')}
        </Button>
      }
    >
      {failed && (
        <Alert
          type="error"
          showIcon
          title={errorText(failed.error, locale)}
          action={<Button onClick={() => void failed.refetch()}>{t('common.retry')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      <Tabs
        items={[
          {
            key: 'items',
            label: t('todo.leader.itemsTab'),
            children: <LeaderItems rows={items.data ?? []} loading={items.isPending} narrow={isNarrow} />,
          },
          {
            key: 'history',
            label: t('todo.leader.historyTab'),
            children: isNarrow ? (
              <Spin spinning={mine.isPending}>
                {rows.length > 0 || mine.isPending ? <InstructionCards rows={rows} /> : <Empty description={t('instructions.mineEmpty')} />}
              </Spin>
            ) : (
              <InstructionTable rows={rows} loading={mine.isPending} />
            ),
          },
        ]}
      />
      {issuing && <NewInstructionModal items={items.data ?? []} onClose={() => setIssuing(false)} />}
    </PageContainer>
  );
}
