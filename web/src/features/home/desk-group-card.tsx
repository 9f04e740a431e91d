/**
 * One group of the 工作台 as a card: each entry is the item's number and title as links (one tap to the item page,
 * where the step is taken), the step awaiting the reader, how many working days are left, and — for a B角 — whose
 * item they stand in for. Built as a wrapping list so it reads on a 390 px phone as on a desk.
 */
import { warningColourLabel, warningColourValues, type DeskEntry, type DeskGroup } from '@luoshi/contracts';
import { Badge, Card, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppLocale } from '../../app/i18n/i18n';
import { actionLabelFor, type PendingChange } from '../tasks/task-format';
import { TaskStatusTag } from '../tasks/task-tags';
import { warningBadgeStatus } from '../tasks/task-warning';
import { dueState } from './desk-order';

const changes: readonly string[] = ['suspend', 'terminate', 'withdraw'];

/** "剩 3 个工作日" / "今天到期" / "超期 2 个工作日", coloured by how near it is. */
function DueText({ entry }: { entry: DeskEntry }) {
  const { t } = useTranslation();
  const state = dueState(entry);
  if (!state) return null;
  if (state.kind === 'late') return <Tag color="error">{t('home.desk.daysLate', { count: state.days })}</Tag>;
  if (state.kind === 'today') return <Tag color="warning">{t('home.desk.dueToday')}</Tag>;
  return <Tag color={state.days <= 2 ? 'warning' : undefined}>{t('home.desk.daysLeft', { count: state.days })}</Tag>;
}

/** One entry as a list row; `prefix` (the 待办 centre's checkbox) goes before it. */
export function DeskItem({ group, entry, prefix }: { group: DeskGroup; entry: DeskEntry; prefix?: ReactNode }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const colour = warningColourValues[entry.light] ?? 'green';
  const to = `/tasks/${entry.taskId}`;
  const change = entry.reason && changes.includes(entry.reason) ? (entry.reason as PendingChange) : null;
  const dueLabel = group.kind === 'sign_for' ? 'signForBy' : group.kind === 'report_due' ? 'reportBy' : 'deadline';
  return (
    <List.Item>
      {prefix}
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <Badge status={warningBadgeStatus[colour]} role="img" aria-label={warningColourLabel(colour, locale)} />
          <Link to={to}>{entry.serialNumber}</Link>
          {entry.action && <Tag color="processing">{actionLabelFor(entry.action, change, locale)}</Tag>}
          {entry.reason && !entry.action && <Tag>{t(`home.desk.reasons.${entry.reason}`)}</Tag>}
          {group.kind === 'my_instruction' && <TaskStatusTag status={entry.status} />}
          {entry.standsInFor && <Tag color="orange">{t('home.desk.standsIn', { name: entry.standsInFor })}</Tag>}
          <DueText entry={entry} />
        </Flex>
        <Link to={to} style={{ overflowWrap: 'anywhere' }}>
          {entry.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {entry.leadUnitName}
          {entry.dueDate && ` · ${t(`home.desk.${dueLabel}`)} ${entry.dueDate}`}
        </Typography.Text>
        {entry.note && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, fontSize: 12 }}>
            {entry.leaderName ? t('home.desk.instructedBy', { name: entry.leaderName }) : ''}
            {entry.note}
          </Typography.Paragraph>
        )}
      </Flex>
    </List.Item>
  );
}

/** The card of one group, its count in the corner and a pointer to the full list when capped. */
export function DeskGroupCard({ group }: { group: DeskGroup }) {
  const { t } = useTranslation();
  const more = group.total > group.entries.length;
  return (
    <Card
      size="small"
      title={t(`home.desk.kinds.${group.kind}`)}
      extra={<Badge count={group.total} overflowCount={999} color={group.kind === 'sign_for' || group.kind === 'redo' ? 'red' : 'blue'} />}
    >
      <List<DeskEntry>
        size="small"
        dataSource={group.entries}
        rowKey="key"
        renderItem={(entry) => <DeskItem group={group} entry={entry} />}
        footer={
          more ? (
            <Typography.Text type="secondary">
              {t('home.desk.more', { total: group.total, shown: group.entries.length })} <Link to="/todo">{t('home.desk.seeAll')}</Link>
            </Typography.Text>
          ) : undefined
        }
      />
    </Card>
  );
}
