/**
 * 我分管和批示的事项: each item where the leader is the 分管领导 or the instructing leader, open and red first, with
 * its live status, light, progress and the leader's latest 批示 — a table on wide screens, cards on phones.
 */
import { warningColourLabel, warningColourValues, type LeaderItem } from '@luoshi/contracts';
import { Badge, Card, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAppLocale } from '../../app/i18n/i18n';
import { TaskDeadline, TaskStatusTag } from '../tasks/task-tags';
import { warningBadgeStatus } from '../tasks/task-warning';

function Light({ item }: { item: LeaderItem }) {
  const locale = useAppLocale();
  const colour = warningColourValues[item.light] ?? 'green';
  return <Badge status={warningBadgeStatus[colour]} role="img" aria-label={warningColourLabel(colour, locale)} />;
}

function Roles({ item }: { item: LeaderItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.roles.map((role) => (
        <Tag key={role} color={role === 'responsible' ? 'blue' : 'purple'}>
          {t(`todo.leader.roles.${role}`)}
        </Tag>
      ))}
    </>
  );
}

const deadlineOf = (item: LeaderItem) => ({ deadline: item.deadline, deadlineWorkingDays: null, status: item.status });

export function LeaderItems({ rows, loading, narrow }: { rows: readonly LeaderItem[]; loading: boolean; narrow: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (narrow) {
    if (!loading && rows.length === 0) return <Typography.Text type="secondary">{t('todo.leader.itemsEmpty')}</Typography.Text>;
    return (
      <Flex vertical gap={8}>
        {rows.map((item) => (
          <Card key={item.taskId} size="small" loading={loading}>
            <Link to={`/tasks/${item.taskId}`} style={{ color: 'inherit', display: 'block' }}>
              <Flex gap={6} align="center" wrap>
                <Light item={item} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {item.serialNumber}
                </Typography.Text>
                <TaskStatusTag status={item.status} />
                <Roles item={item} />
              </Flex>
              <Typography.Paragraph strong ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
                {item.title}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.leadUnitName} · {t('tasks.deadline')} <TaskDeadline item={deadlineOf(item)} />
              </Typography.Text>
              {item.latestInstruction && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0', fontSize: 12 }}>
                  {t('todo.leader.latest')}
                  {t('tasks.labelSeparator')}
                  {item.latestInstruction}
                </Typography.Paragraph>
              )}
            </Link>
          </Card>
        ))}
      </Flex>
    );
  }
  const columns: TableColumnsType<LeaderItem> = [
    { title: t('warnings.light'), dataIndex: 'light', width: 64, render: (_v, item) => <Light item={item} /> },
    {
      title: t('tasks.serialNumber'),
      dataIndex: 'serialNumber',
      width: 140,
      render: (value: string, item) => (
        <Link to={`/tasks/${item.taskId}`} onClick={(event) => event.stopPropagation()}>
          {value}
        </Link>
      ),
    },
    { title: t('tasks.title'), dataIndex: 'title', ellipsis: true },
    { title: t('tasks.leadUnit'), dataIndex: 'leadUnitName', width: 180, ellipsis: true },
    { title: t('common.status'), dataIndex: 'status', width: 90, render: (_v, item) => <TaskStatusTag status={item.status} /> },
    {
      title: t('todo.leader.progress'),
      dataIndex: 'progressPercent',
      width: 70,
      render: (v: number | null) => (v === null ? '—' : `${v}%`),
    },
    { title: t('tasks.deadline'), dataIndex: 'deadline', width: 150, render: (_v, item) => <TaskDeadline item={deadlineOf(item)} /> },
    { title: t('todo.leader.latest'), dataIndex: 'latestInstruction', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: t('todo.leader.rolesTitle'), dataIndex: 'roles', width: 110, render: (_v, item) => <Roles item={item} /> },
  ];
  return (
    <Table<LeaderItem>
      rowKey="taskId"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('todo.leader.itemsEmpty') }}
      scroll={{ x: 1100 }}
      onRow={(item) => ({ onClick: () => void navigate(`/tasks/${item.taskId}`), style: { cursor: 'pointer' } })}
    />
  );
}
