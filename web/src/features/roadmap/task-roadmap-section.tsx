/**
 * 路线图 on the item page (REQUIREMENTS S2): actual progress against the 序时进度 of today, the 时间节点 (added, changed
 * and removed by the 督查室 or the lead unit while the item is open), and the Gantt of the item with its sub-items.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskDetail } from '../tasks/tasks.api';
import { GanttChart } from './gantt-chart';
import { isBehindPlan } from './gantt-geometry';
import { MilestoneTable } from './milestone-table';
import { itemRoadmapQuery, milestonesQuery, type Milestone, type MilestoneList } from './roadmap.api';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const MilestoneModal = lazyDialog(() => import('./milestone-modal').then((m) => m.MilestoneModal));

/** 实际进度 as a bar with a marker at today's 序时进度, and the figure beside it (red when behind). */
function PlanAgainstActual({ list }: { list: MilestoneList }) {
  const { t } = useTranslation();
  const planned = list.plannedPercentToday;
  const behind = isBehindPlan({ progressPercent: list.progressPercent, plannedPercent: planned });
  const actual = Math.min(100, Math.max(0, list.progressPercent ?? 0));
  return (
    <Flex gap="8px 24px" wrap align="center">
      <Flex gap={8} align="center">
        <Typography.Text type="secondary">{t('roadmap.actual')}</Typography.Text>
        <div
          role="img"
          aria-label={`${t('roadmap.actual')} ${actual}%`}
          style={{ position: 'relative', width: 180, height: 8, borderRadius: 4, background: 'rgba(0,0,0,0.06)' }}
        >
          <div style={{ width: `${actual}%`, height: '100%', borderRadius: 4, background: behind ? '#ff4d4f' : '#1677ff' }} />
          {planned !== null && (
            <div style={{ position: 'absolute', left: `calc(${planned}% - 1px)`, top: -4, height: 16, width: 2, background: '#262626' }} />
          )}
        </div>
        <Typography.Text>{list.progressPercent === null ? '—' : `${actual}%`}</Typography.Text>
      </Flex>
      <span>
        <Typography.Text type="secondary">
          {t('roadmap.plannedToday')}
          {t('tasks.labelSeparator')}
        </Typography.Text>
        {planned === null ? t('roadmap.notPlanned') : `${planned}%`}
        {behind && (
          <Tag color="error" style={{ marginInlineStart: 8 }}>
            {t('roadmap.behind')}
          </Tag>
        )}
      </span>
    </Flex>
  );
}

/** The section. */
export function TaskRoadmapSection({ item }: { item: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const milestones = useQuery(milestonesQuery(item.id, item.version));
  const gantt = useQuery(itemRoadmapQuery(item.id, item.version));
  const [editing, setEditing] = useState<{ milestone: Milestone | null; at: number } | null>(null);
  const canEdit = milestones.data?.canEdit ?? false;

  return (
    <Card
      size="small"
      title={t('roadmap.title')}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({ milestone: null, at: Date.now() })}>
            {t('roadmap.add')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        {milestones.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : milestones.isError ? (
          <Alert type="error" showIcon title={errorText(milestones.error, locale)} />
        ) : (
          <>
            <PlanAgainstActual list={milestones.data} />
            <MilestoneTable
              taskId={item.id}
              version={item.version}
              items={milestones.data.items}
              canEdit={canEdit}
              onEdit={(milestone) => setEditing({ milestone, at: Date.now() })}
            />
          </>
        )}
        <Typography.Text strong>{t('roadmap.gantt')}</Typography.Text>
        {gantt.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : gantt.isError ? (
          <Alert type="error" showIcon title={errorText(gantt.error, locale)} />
        ) : (
          <GanttChart rows={gantt.data.items} today={gantt.data.today} />
        )}
      </Flex>
      {editing && <MilestoneModal key={editing.at} task={item} milestone={editing.milestone} onClose={() => setEditing(null)} />}
    </Card>
  );
}
