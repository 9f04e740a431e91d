/**
 * The 时间节点 of an item as a table: name and 阶段目标, planned date and percent, who is responsible, and whether it
 * was reached (a report named it), is overdue or still upcoming. 修改 / 删除 show when the reader may plan
 * (`canEdit`); a reached milestone stays (the server refuses to remove it).
 */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { formatBeijingTime } from '../tasks/task-format';
import { milestoneState, type MilestoneState } from './milestone-form';
import { useMilestoneWrite, type Milestone } from './roadmap.api';

const stateColours: Record<MilestoneState, string> = { reached: 'success', overdue: 'error', upcoming: 'default' };

/** 已完成 (with the day a report said so), 已逾期 or 未到期. */
function StateTag({ milestone }: { milestone: Milestone }) {
  const { t } = useTranslation();
  const state = milestoneState(milestone);
  const reachedOn = milestone.reachedAt ? ` ${formatBeijingTime(milestone.reachedAt).slice(5, 10)}` : '';
  return (
    <Tag color={stateColours[state]} style={{ marginInlineEnd: 0 }}>
      {t(`roadmap.${state}`)}
      {reachedOn}
    </Tag>
  );
}

/** The table; `onEdit` opens the dialog for one milestone. */
export function MilestoneTable({
  taskId,
  version,
  items,
  canEdit,
  onEdit,
}: {
  taskId: string;
  version: number;
  items: readonly Milestone[];
  canEdit: boolean;
  onEdit: (milestone: Milestone) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const write = useMilestoneWrite(taskId, version);
  const handleError = useApiErrorHandler();

  const remove = (milestone: Milestone) =>
    void modal.confirm({
      title: t('roadmap.removeConfirm', { title: milestone.title }),
      okText: t('roadmap.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        write.mutateAsync({ kind: 'remove', id: milestone.id }).then(
          () => void message.success(t('roadmap.removed')),
          (error: unknown) => handleError(error),
        ),
    });

  const columns: TableColumnsType<Milestone> = [
    {
      title: t('roadmap.milestoneTitle'),
      dataIndex: 'title',
      width: 190,
      render: (title: string, row) => (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{title}</Typography.Text>
            <StateTag milestone={row} />
          </Flex>
          {row.goal && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
              {t('roadmap.goal')}
              {t('tasks.labelSeparator')}
              {row.goal}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('roadmap.plannedDate'), dataIndex: 'plannedDate', width: 100 },
    { title: t('roadmap.plannedPercent'), dataIndex: 'plannedPercent', width: 76, render: (value: number) => `${value}%` },
    {
      title: t('roadmap.responsible'),
      key: 'responsible',
      width: 120,
      render: (_value, row) => [row.responsibleUnitName, row.responsiblePersonName].filter(Boolean).join(' / ') || '—',
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      // Kept in view while a phone scrolls the table sideways.
      fixed: 'right',
      render: (_value, row) => (
        <Flex gap={4}>
          <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('roadmap.edit')} onClick={() => onEdit(row)} />
          {!row.reachedAt && (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('roadmap.remove')}
              onClick={() => remove(row)}
            />
          )}
        </Flex>
      ),
    });
  }
  return (
    <Table<Milestone>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      // No horizontal scroller around an empty table: a scroll region with nothing to focus is out of a keyboard's reach.
      scroll={items.length ? { x: canEdit ? 566 : 486 } : undefined}
      locale={{ emptyText: t('roadmap.noMilestones') }}
    />
  );
}
