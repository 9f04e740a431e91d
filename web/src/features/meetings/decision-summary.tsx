/** "决定事项 11 项，已办结 6，正常推进 3，逾期 2" and each clause's progress tag, worded in the UI language. */
import type { DecisionProgress, DecisionSummary, MeetingSummary } from '@luoshi/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const progressColour: Record<DecisionProgress, string> = {
  no_action: 'default',
  not_supervised: 'orange',
  done: 'green',
  on_track: 'blue',
  overdue: 'red',
};

export function ProgressTag({ progress }: { progress: DecisionProgress }) {
  const { t } = useTranslation();
  return <Tag color={progressColour[progress]}>{t(`meetings.progress.${progress}`)}</Tag>;
}

/** The meeting's decisions in one line; the red part stands out when something is overdue. */
export function DecisionSummaryLine({ summary }: { summary: DecisionSummary }) {
  const { t } = useTranslation();
  const more = summary.notSupervised + summary.noAction > 0 ? t('meetings.summaryMore', { ...summary }) : '';
  return (
    <Typography.Text type={summary.overdue > 0 ? 'danger' : undefined} data-testid="decision-summary">
      {t('meetings.summary', { ...summary })}
      {more}
    </Typography.Text>
  );
}

export function MinutesTag({ status }: { status: MeetingSummary['minutesStatus'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'issued' ? 'green' : 'default'}>{t(`meetings.minutesStatus.${status}`)}</Tag>;
}
