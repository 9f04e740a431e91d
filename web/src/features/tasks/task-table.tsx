/** The list on wider screens: a table whose rows open the item page. */
import type { Task } from '@luoshi/contracts';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSourceLabel } from '../source-policies/use-sources';
import { TaskDeadline, TaskStatusTag, UrgencyTag } from './task-tags';

/** The table; `emptyText` differs between 我的待办 and the full list. */
export function TaskTable({ items, loading, emptyText }: { items: readonly Task[]; loading: boolean; emptyText: string }) {
  const { t } = useTranslation();
  const sourceLabel = useSourceLabel();
  const navigate = useNavigate();
  const columns: TableColumnsType<Task> = [
    {
      title: t('tasks.serialNumber'),
      dataIndex: 'serialNumber',
      width: 150,
      render: (value: string, row) => (
        // A real link too, so keyboard users and "open in new tab" work.
        <Link to={`/tasks/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {value}
        </Link>
      ),
    },
    {
      title: t('tasks.title'),
      dataIndex: 'title',
      ellipsis: true,
      // A sub-item shares its parent's title: its parent's number and its own lead unit tell it apart.
      render: (_value, row) => (
        <>
          {row.title}
          {row.parentSerialNumber && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('ledger.subItemOf', { serial: row.parentSerialNumber })} · {row.leadUnitName}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('tasks.source'), dataIndex: 'source', width: 130, render: (_value, row) => sourceLabel(row.source) },
    { title: t('tasks.leadUnit'), dataIndex: 'leadUnitName', width: 180, ellipsis: true },
    { title: t('common.status'), dataIndex: 'status', width: 110, render: (_value, row) => <TaskStatusTag status={row.status} /> },
    { title: t('tasks.deadline'), dataIndex: 'deadline', width: 190, render: (_value, row) => <TaskDeadline item={row} /> },
    { title: t('tasks.urgency'), dataIndex: 'urgency', width: 100, render: (_value, row) => <UrgencyTag urgency={row.urgency} /> },
  ];
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      scroll={{ x: 1000 }}
      onRow={(row) => ({ onClick: () => void navigate(`/tasks/${row.id}`), style: { cursor: 'pointer' } })}
    />
  );
}
