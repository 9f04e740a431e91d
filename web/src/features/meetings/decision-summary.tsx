/** "决定事项 11 项，已办结 6，正常推进 3，逾期 2" and each clause's progress tag, worded in the UI language. */
import type { DecisionProgress, DecisionSummary, MeetingSummary } from '@luoshi/contracts';
import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Tag tones dark enough on their light backgrounds for WCAG AA (antd's preset tag colours are about 3.4:1). */
const tones = {
  neutral: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
  green: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  orange: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  blue: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
} as const;
export type Tone = keyof typeof tones;

export function ToneTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Tag style={{ ...tones[tone], marginInlineEnd: 0 }}>{children}</Tag>;
}

const progressTone: Record<DecisionProgress, Tone> = {
  no_action: 'neutral',
  not_supervised: 'orange',
  done: 'green',
  on_track: 'blue',
  overdue: 'red',
};

export function ProgressTag({ progress }: { progress: DecisionProgress }) {
  const { t } = useTranslation();
  return <ToneTag tone={progressTone[progress]}>{t(`meetings.progress.${progress}`)}</ToneTag>;
}

/** The meeting's decisions in one line; the red part stands out when something is overdue. */
export function DecisionSummaryLine({ summary }: { summary: DecisionSummary }) {
  const { t } = useTranslation();
  // Only the parts that are not zero: "未立项 0" says nothing.
  const more = [
    summary.notSupervised > 0 ? t('meetings.summaryNotSupervised', { count: summary.notSupervised }) : '',
    summary.noAction > 0 ? t('meetings.summaryNoAction', { count: summary.noAction }) : '',
  ].join('');
  return (
    <Typography.Text type={summary.overdue > 0 ? 'danger' : undefined} data-testid="decision-summary">
      {t('meetings.summary', { ...summary })}
      {more}
    </Typography.Text>
  );
}

export function MinutesTag({ status }: { status: MeetingSummary['minutesStatus'] }) {
  const { t } = useTranslation();
  return <ToneTag tone={status === 'issued' ? 'green' : 'neutral'}>{t(`meetings.minutesStatus.${status}`)}</ToneTag>;
}
