/** The item page's header facts: parties, 上级事项, 办结时限 (and 原定时限 when moved), counters and the 评价. */
import type { Task } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, Rate, Tag, Typography, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { taskQuery } from './tasks.api';
import { useSourceLabel } from '../source-policies/use-sources';
import { formatBeijingTime } from './task-format';
import { TaskDeadline, UrgencyTag } from './task-tags';
import { WhoActs } from '../todo/who-acts';

function Evaluation({ evaluation }: { evaluation: NonNullable<Task['evaluation']> }) {
  const { t } = useTranslation();
  const rows = [
    ['quality', evaluation.quality],
    ['timeliness', evaluation.timeliness],
    ['satisfaction', evaluation.satisfaction],
  ] as const;
  return (
    <Flex vertical gap={2}>
      {rows.map(([key, value]) => (
        <span key={key} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary">{t(`tasks.${key}`)} </Typography.Text>
          <Rate disabled value={value} style={{ fontSize: 14 }} aria-label={t('tasks.rating', { value })} />
        </span>
      ))}
    </Flex>
  );
}

/**
 * 上级事项 of a sub-item: its number and title once read; a reader who may not see the parent (a county looking at its
 * part of a province item) gets the plain label, not a link to a page that would say "not found".
 */
function ParentLink({ parentId }: { parentId: string }) {
  const { t } = useTranslation();
  const parent = useQuery({ ...taskQuery(parentId), staleTime: 60_000 });
  if (parent.isError) return <>{t('subtasks.parentHidden')}</>;
  return <Link to={`/tasks/${parentId}`}>{parent.data ? `${parent.data.serialNumber} ${parent.data.title}` : t('subtasks.parent')}</Link>;
}

/** The facts as a responsive Descriptions (one column on phones). */
export function TaskSummary({ item }: { item: Task }) {
  const { t } = useTranslation();
  const sourceLabel = useSourceLabel();
  const items: DescriptionsProps['items'] = [
    { key: 'source', label: t('tasks.source'), children: sourceLabel(item.source) },
    { key: 'urgency', label: t('tasks.urgency'), children: <UrgencyTag urgency={item.urgency} /> },
    { key: 'lead', label: t('tasks.leadUnit'), children: item.leadUnitName },
    { key: 'whoActs', label: t('todo.whoActs.title'), children: <WhoActs taskId={item.id} /> },
    {
      key: 'cooperating',
      label: t('tasks.cooperatingUnits'),
      children:
        item.cooperatingUnits.length > 0
          ? item.cooperatingUnits.map((unit) => (
              <Tag key={unit.unitId} style={{ marginBlock: 2 }}>
                {unit.unitName}
              </Tag>
            ))
          : '—',
    },
    { key: 'leader', label: t('tasks.responsibleLeader'), children: item.responsibleLeaderName ?? '—' },
    { key: 'handler', label: t('tasks.handler'), children: item.handlerName ?? '—' },
    { key: 'deadline', label: t('tasks.deadline'), children: <TaskDeadline item={item} /> },
  ];
  if (item.originalDeadline && item.originalDeadline !== item.deadline) {
    items.push({ key: 'original', label: t('tasks.originalDeadline'), children: item.originalDeadline });
  }
  items.push(
    { key: 'frequency', label: t('tasks.reportingFrequency'), children: t(`tasks.reportingFrequencies.${item.reportingFrequency}`) },
    { key: 'supervising', label: t('tasks.supervisingUnit'), children: item.supervisingUnitName },
    { key: 'sendBack', label: t('tasks.sendBackCount'), children: item.sendBackCount },
    { key: 'urge', label: t('tasks.urgeCount'), children: item.urgeCount },
    { key: 'created', label: t('tasks.createdAt'), children: formatBeijingTime(item.createdAt) },
  );
  if (item.assignedAt) {
    items.push({ key: 'assigned', label: t('tasks.assignedAt'), children: formatBeijingTime(item.assignedAt) });
  }
  if (item.completedAt) {
    items.push({ key: 'completed', label: t('tasks.completedAt'), children: formatBeijingTime(item.completedAt) });
  }
  if (item.parentId) {
    items.push({
      key: 'parent',
      label: t('subtasks.parent'),
      children: <ParentLink parentId={item.parentId} />,
    });
  }
  if (item.relatedTaskId) {
    items.push({
      key: 'related',
      label: t('tasks.relatedTask'),
      children: <Link to={`/tasks/${item.relatedTaskId}`}>{t('tasks.relatedTask')}</Link>,
    });
  }
  if (item.evaluation) {
    items.push({ key: 'evaluation', label: t('tasks.evaluation'), children: <Evaluation evaluation={item.evaluation} /> });
  }
  return <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, xl: 2 }} items={items} />;
}
