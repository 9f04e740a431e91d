/**
 * 子事项 on the item page (一级督一级): every sub-item the reader may see, with its lead unit, status and light,
 * progress and deadline, each row opening the sub-item; the parent's roll-up mode; and 分解子事项 for a 督查员 while the item can
 * still be broken down. The section stays hidden for items without sub-items that the reader cannot break down.
 */
import { ApartmentOutlined } from '@ant-design/icons';
import type { Task } from '@luoshi/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { subtasksQuery, type TaskDetail } from './tasks.api';
import { canBreakDown } from './task-breakdown';
import { carriesLight } from './task-format';
import { TaskDeadline, TaskStatusTag } from './task-tags';
import { WarningLight } from './task-warning';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const TaskBreakdownModal = lazyDialog(() => import('./task-breakdown-modal').then((m) => m.TaskBreakdownModal));

function useColumns(parent: TaskDetail): TableColumnsType<Task> {
  const { t } = useTranslation();
  return [
    {
      title: t('tasks.serialNumber'),
      dataIndex: 'serialNumber',
      width: 160,
      render: (value: string, row) => (
        <Flex vertical>
          <Link to={`/tasks/${row.id}`} onClick={(event) => event.stopPropagation()}>
            {value}
          </Link>
          {row.title !== parent.title && (
            <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: row.title }}>
              {row.title}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('tasks.leadUnit'), dataIndex: 'leadUnitName', ellipsis: { showTitle: true } },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (_value, row) => (
        <Flex vertical gap={2} align="flex-start">
          <TaskStatusTag status={row.status} />
          {carriesLight(row.status) && <WarningLight warning={row.warning} overdueWorkingDays={row.overdueWorkingDays} />}
        </Flex>
      ),
    },
    {
      title: t('subtasks.progress'),
      dataIndex: 'progressPercent',
      width: 110,
      render: (value: number | null) => (value === null ? '—' : <Progress percent={value} size="small" style={{ margin: 0 }} />),
    },
    { title: t('tasks.deadline'), dataIndex: 'deadline', width: 120, render: (_value, row) => <TaskDeadline item={row} /> },
  ];
}

/** The section. */
export function TaskSubtasksSection({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [breakingDown, setBreakingDown] = useState<number | null>(null);
  const children = useInfiniteQuery({ ...subtasksQuery(item.id), enabled: item.childCount > 0 });
  const columns = useColumns(item);
  const mayBreakDown = canBreakDown(item, hasAnyRole(user, 'supervisor'));
  if (item.childCount === 0 && !mayBreakDown) return null;

  const rows = children.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      size="small"
      title={t('subtasks.title')}
      extra={
        mayBreakDown && (
          <Button size="small" icon={<ApartmentOutlined />} onClick={() => setBreakingDown(Date.now())}>
            {t('subtasks.breakDown')}
          </Button>
        )
      }
    >
      {item.childCount === 0 ? (
        <Typography.Text type="secondary">{t('subtasks.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t('subtasks.summary', { count: item.childCount, open: item.openChildCount })}</Typography.Text>
            <Tag style={{ marginInlineEnd: 0 }}>
              {t('subtasks.rollupMode')}
              {t('tasks.labelSeparator')}
              {t(`subtasks.rollupModes.${item.rollupMode}`)}
            </Tag>
          </Flex>
          {children.isError ? (
            <Alert type="error" showIcon title={errorText(children.error, locale)} />
          ) : (
            <Table<Task>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={rows}
              loading={children.isPending}
              pagination={false}
              scroll={{ x: 620 }}
              onRow={(row) => ({ onClick: () => void navigate(`/tasks/${row.id}`), style: { cursor: 'pointer' } })}
            />
          )}
          {children.hasNextPage && (
            <Button onClick={() => void children.fetchNextPage()} loading={children.isFetchingNextPage}>
              {t('subtasks.loadMore')}
            </Button>
          )}
        </Flex>
      )}
      {breakingDown !== null && <TaskBreakdownModal key={breakingDown} parent={item} onClose={() => setBreakingDown(null)} />}
    </Card>
  );
}
