/**
 * The ledger table: the chosen columns, server-side sorting on 办结时限 / 登记时间 / 编号 / 预警 (the sort is part of
 * the filter, so it lives in the URL), and rows that open the item page.
 */
import type { LedgerColumn, LedgerRow, LedgerSort } from '@luoshi/contracts';
import { urgencyLabels } from '@luoshi/contracts';
import { Progress, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAppLocale } from '../../app/i18n/i18n';
import { useSourceLabel } from '../source-policies/use-sources';
import { formatBeijingTime } from '../tasks/task-format';
import { TaskStatusTag } from '../tasks/task-tags';
import { withDefaultSort, type LedgerFilterValue } from './ledger-filter';
import { LastReport, LedgerDeadline, LedgerTitle } from './ledger-cells';
import { WarningDot } from './warning-dot';

type Column = TableColumnsType<LedgerRow>[number] & { key: LedgerColumn };

/** Columns the server can sort by, and the sort each stands for. */
const sortOfColumn: Partial<Record<LedgerColumn, LedgerSort>> = {
  deadline: 'deadline',
  createdAt: 'createdAt',
  serialNumber: 'serialNumber',
  warningLevel: 'warningLevel',
};

/** Every column the ledger can show, in display order; labels in the UI language. */
export function useLedgerColumns(): Column[] {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const sourceLabel = useSourceLabel();
  return [
    { key: 'warningLevel', title: t('ledger.warning'), width: 80, render: (_v, row) => <WarningDot row={row} /> },
    {
      key: 'serialNumber',
      title: t('tasks.serialNumber'),
      width: 140,
      render: (_v, row) => (
        <Link to={`/tasks/${row.id}`} onClick={(event) => event.stopPropagation()}>
          {row.serialNumber}
        </Link>
      ),
    },
    { key: 'title', title: t('tasks.title'), render: (_v, row) => <LedgerTitle row={row} /> },
    { key: 'source', title: t('tasks.source'), width: 120, render: (_v, row) => sourceLabel(row.source) },
    { key: 'status', title: t('common.status'), width: 110, render: (_v, row) => <TaskStatusTag status={row.status} /> },
    { key: 'urgency', title: t('tasks.urgency'), width: 90, render: (_v, row) => urgencyLabels[row.urgency][locale] },
    { key: 'deadline', title: t('tasks.deadline'), width: 130, render: (_v, row) => <LedgerDeadline row={row} /> },
    {
      key: 'originalDeadline',
      title: t('tasks.originalDeadline'),
      width: 120,
      // Only where an extension moved the deadline: the same date twice says nothing.
      render: (_v, row) => (row.originalDeadline && row.originalDeadline !== row.deadline ? row.originalDeadline : '—'),
    },
    { key: 'leadUnitName', title: t('tasks.leadUnit'), width: 160, ellipsis: true, render: (_v, row) => row.leadUnitName },
    {
      key: 'cooperatingUnitNames',
      title: t('ledger.cooperatingUnits'),
      width: 200,
      ellipsis: true,
      render: (_v, row) => row.cooperatingUnitNames.join('、') || '—',
    },
    {
      key: 'responsibleLeaderName',
      title: t('ledger.responsibleLeader'),
      width: 110,
      render: (_v, row) => row.responsibleLeaderName ?? '—',
    },
    { key: 'handlerName', title: t('ledger.handler'), width: 100, render: (_v, row) => row.handlerName ?? '—' },
    {
      key: 'progressPercent',
      title: t('ledger.progress'),
      width: 110,
      render: (_v, row) =>
        row.progressPercent === null ? (
          '—'
        ) : (
          <Progress percent={row.progressPercent} size="small" aria-label={`${t('ledger.progress')} ${row.progressPercent}%`} />
        ),
    },
    { key: 'depth', title: t('ledger.depth'), width: 70, render: (_v, row) => row.depth + 1 },
    { key: 'urgeCount', title: t('tasks.urgeCount'), width: 90, render: (_v, row) => row.urgeCount },
    { key: 'sendBackCount', title: t('tasks.sendBackCount'), width: 110, render: (_v, row) => row.sendBackCount },
    {
      key: 'lastReportAt',
      title: t('ledger.lastReportAt'),
      width: 150,
      render: (_v, row) => (row.lastReportAt ? formatBeijingTime(row.lastReportAt) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { key: 'lastReportText', title: t('ledger.lastReportText'), width: 240, render: (_v, row) => <LastReport row={row} /> },
    { key: 'createdAt', title: t('tasks.createdAt'), width: 150, render: (_v, row) => formatBeijingTime(row.createdAt) },
  ];
}

export function LedgerTable({
  rows,
  loading,
  columns: shown,
  filter,
  onSort,
}: {
  rows: readonly LedgerRow[];
  loading: boolean;
  columns: readonly LedgerColumn[];
  filter: LedgerFilterValue;
  onSort: (sort: LedgerSort | undefined, order: 'asc' | 'desc' | undefined) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { sort, order } = withDefaultSort(filter);
  const columns = useLedgerColumns()
    .filter((column) => shown.includes(column.key))
    .map((column) => {
      const sortsBy = sortOfColumn[column.key];
      if (!sortsBy) return column;
      return {
        ...column,
        sorter: true,
        sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[],
        sortOrder: sort === sortsBy ? (order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      };
    });
  const handleChange: TableProps<LedgerRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sortsBy = one?.columnKey ? sortOfColumn[one.columnKey as LedgerColumn] : undefined;
    if (!one?.order || !sortsBy) onSort(undefined, undefined);
    else onSort(sortsBy, one.order === 'ascend' ? 'asc' : 'desc');
  };
  return (
    <Table<LedgerRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('ledger.empty') }}
      tableLayout="fixed"
      // The title takes what the fixed columns leave, at least 180 px; the default columns fit 1440 px without scrolling.
      scroll={{ x: columns.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : 180), 0) }}
      onChange={handleChange}
      onRow={(row) => ({ onClick: () => void navigate(`/tasks/${row.id}`), style: { cursor: 'pointer' } })}
    />
  );
}
