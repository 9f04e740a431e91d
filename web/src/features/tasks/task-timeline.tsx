/** 时间线: every event of the item, oldest first — when (Beijing time), who and from which unit, what, and why. */
import type { TaskStatus } from '@luoshi/contracts';
import { Empty, Flex, Rate, Timeline, Typography, type TimelineProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskEvent } from './tasks.api';
import { takesReason, urgeChannels, type UrgeChannel } from './task-actions';
import { eventTypeLabel, formatBeijingTime } from './task-format';
import { TaskStatusTag } from './task-tags';

/** The parts of an event's `data` worth showing; anything else is ignored (the shape is open). */
type EventDetails = { summary?: string; channel?: UrgeChannel; evaluation?: { quality: number; timeliness: number; satisfaction: number } };

function detailsOf(data: unknown): EventDetails {
  if (!data || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  const details: EventDetails = {};
  if (typeof record.summary === 'string') details.summary = record.summary;
  if (typeof record.channel === 'string' && (urgeChannels as readonly string[]).includes(record.channel)) {
    details.channel = record.channel as UrgeChannel;
  }
  const evaluation = record.evaluation as Record<string, unknown> | undefined;
  if (
    evaluation &&
    typeof evaluation.quality === 'number' &&
    typeof evaluation.timeliness === 'number' &&
    typeof evaluation.satisfaction === 'number'
  ) {
    details.evaluation = { quality: evaluation.quality, timeliness: evaluation.timeliness, satisfaction: evaluation.satisfaction };
  }
  return details;
}

const colours: Partial<Record<string, string>> = {
  return: 'red',
  send_back: 'red',
  withdraw: 'gray',
  reject_assignment: 'red',
  reject_change: 'red',
  approve_assignment: 'green',
  approve_change: 'orange',
  request_suspension: 'orange',
  request_termination: 'orange',
  request_withdrawal: 'orange',

  urge: 'orange',
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

function EventBody({ event }: { event: TaskEvent }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const details = detailsOf(event.data);
  const reasonLabel = takesReason(event.type) ? t(`tasks.reasonLabels.${event.type}`) : t('tasks.timelineReason');
  const who = [event.actorName ?? t('tasks.timelineSystem'), event.actorUnitName].filter(Boolean).join(' · ');
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong>{eventTypeLabel(event.type, locale)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBeijingTime(event.at)}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {who}
      </Typography.Text>
      <StatusChange from={event.fromStatus} to={event.toStatus} />
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
