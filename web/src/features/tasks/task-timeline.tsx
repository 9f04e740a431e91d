/**
 * 时间线: every event of the item (lifecycle, 分解子事项, 时间节点, other modules), oldest first — when (Beijing time),
 * who and from which unit, what, and why.
 */
import { escalationRungLabels, type EscalationRung, type TaskStatus } from '@luoshi/contracts';
import { Empty, Flex, Rate, Timeline, Typography, type TimelineProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskEvent } from './tasks.api';
import { takesReason } from './task-actions';
import { eventDetails, type EventDetails } from './task-event-details';
import { eventTypeLabel, formatBeijingTime } from './task-format';
import { TaskStatusTag } from './task-tags';

const colours: Partial<Record<string, string>> = {
  return: 'red',
  send_back: 'red',
  withdraw: 'gray',
  reject_assignment: 'red',
  reject_change: 'red',
  approve_assignment: 'green',
  approve_change: 'orange',
  resume: 'green',
  submit_for_approval: 'orange',
  request_suspension: 'orange',
  request_termination: 'orange',
  request_withdrawal: 'orange',

  urge: 'orange',
  reminded: 'orange',
  escalated: 'red',
  milestone_deleted: 'gray',
  approve_completion: 'green',
  evaluate: 'green',
  archive: 'green',
};

function StatusChange({ from, to }: { from: TaskStatus | null; to: TaskStatus | null }) {
  if (!to || from === to) return null;
  return (
    <Flex gap={4} align="center" wrap>
      {from && (
        <>
          <TaskStatusTag status={from} />
          <span aria-hidden>→</span>
        </>
      )}
      <TaskStatusTag status={to} />
    </Flex>
  );
}

/** The new facts of 恢复办理, 分解子事项, 时间节点 and a waived 申请办结. */
function ExtraFacts({ details }: { details: EventDetails }) {
  const { t } = useTranslation();
  return (
    <>
      {details.resumed && (
        <Typography.Text>
          {details.resumed.deadline
            ? t('taskEvents.resumed', { days: details.resumed.pausedWorkingDays, deadline: details.resumed.deadline })
            : t('taskEvents.resumedNoDeadline', { days: details.resumed.pausedWorkingDays })}
        </Typography.Text>
      )}
      {details.children && details.children.length > 0 && (
        <Typography.Text>
          <Typography.Text type="secondary">{t('taskEvents.brokenDown')}</Typography.Text>
          {details.children.map((child, index) => (
            <span key={child.id}>
              {index > 0 && '、'}
              <Link to={`/tasks/${child.id}`}>{child.serialNumber}</Link> {child.leadUnitName}
            </span>
          ))}
        </Typography.Text>
      )}
      {details.milestone && (
        <Typography.Text>
          {t('taskEvents.milestone', { title: details.milestone.title, date: details.milestone.plannedDate })}
        </Typography.Text>
      )}
      {details.waivedOpenChildren && <Typography.Text type="warning">{t('taskEvents.waived')}</Typography.Text>}
      {details.step && <StepFacts step={details.step} />}
    </>
  );
}

/** What a sweep step was about: days left, days overdue, the 签收 due date, rungs passed while the sweep was down. */
function StepFacts({ step }: { step: NonNullable<EventDetails['step']> }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const text =
    step.rung === 'sign_for'
      ? t('taskEvents.signForOverdue', { date: step.keyDate, days: step.workingDays })
      : step.rung.startsWith('due_')
        ? step.workingDays <= 0
          ? t('taskEvents.dueToday', { date: step.keyDate })
          : t('taskEvents.dueIn', { date: step.keyDate, days: step.workingDays })
        : t('taskEvents.overdueBy', { date: step.keyDate, days: step.workingDays });
  const passed = step.passed
    .filter((rung): rung is EscalationRung => Object.hasOwn(escalationRungLabels, rung))
    .map((rung) => escalationRungLabels[rung][locale]);
  return (
    <>
      <Typography.Text>{text}</Typography.Text>
      {passed.length > 0 && <Typography.Text type="secondary">{t('taskEvents.passed', { rungs: passed.join('、') })}</Typography.Text>}
    </>
  );
}

function EventBody({ event }: { event: TaskEvent }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const details = eventDetails(event.type, event.data);
  const reasonLabel = takesReason(event.type) ? t(`tasks.reasonLabels.${event.type}`) : t('tasks.timelineReason');
  const who = [event.actorName ?? t('tasks.timelineSystem'), event.actorUnitName].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong>{eventTypeLabel(event.type, locale, event.data)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBeijingTime(event.at)}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {who}
      </Typography.Text>
      <StatusChange from={event.fromStatus} to={event.toStatus} />
      <ExtraFacts details={details} />
      {details.channel && (
        <Typography.Text>
          {t('tasks.channel')}
          {t('tasks.labelSeparator')}
          {t(`tasks.channels.${details.channel}`)}
        </Typography.Text>
      )}
      {event.reason && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">
            {reasonLabel}
            {t('tasks.labelSeparator')}
          </Typography.Text>
          {event.reason}
        </Typography.Paragraph>
      )}
      {details.summary && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">
            {t('tasks.summary')}
            {t('tasks.labelSeparator')}
          </Typography.Text>
          {details.summary}
        </Typography.Paragraph>
      )}
      {details.evaluation && (
        <Flex gap={12} wrap>
          {(['quality', 'timeliness', 'satisfaction'] as const).map((key) => (
            <span key={key} style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text type="secondary">{t(`tasks.${key}`)} </Typography.Text>
              <Rate disabled value={details.evaluation?.[key]} style={{ fontSize: 12 }} />
            </span>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** The timeline. */
export function TaskTimeline({ events }: { events: readonly TaskEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) {
    return <Empty description={t('tasks.timelineEmpty')} />;
  }
  const items: TimelineProps['items'] = events.map((event) => ({
    key: event.id,
    color: colours[event.type] ?? 'blue',
    content: <EventBody event={event} />,
  }));
  return <Timeline items={items} />;
}
