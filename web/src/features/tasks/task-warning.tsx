/**
 * The warning light (预警: 绿灯/黄灯/红灯) as a coloured dot with its word, and its explanation from the contracts
 * (`warningText`: "黄灯：距办结时限还有 3 个工作日"). The server computes it; the UI never decides a colour itself.
 */
import { warningColourLabel, warningReasonText, type Warning, type WarningColour } from '@luoshi/contracts';
import { Badge, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import type { AppLocale } from '../../app/i18n/types';

/**
 * The light's explanation ("红灯：已超过办结时限（2026-11-13）16 个工作日"). A late item's reason counts working days
 * past 办结时限 (`overdueWorkingDays`, the count of its deadline, the lists and the export), not the calendar days the
 * stored reason carries.
 */
export function explainWarning(warning: Warning, locale: AppLocale, t: TFunction, overdueWorkingDays?: number | null): string {
  const label = warningColourLabel(warning.colour, locale);
  const colon = locale === 'zh-CN' ? '：' : ': ';
  if (warning.reasons.length === 0) return `${label}${colon}${t('ledger.noReasons')}`;
  const reasons = warning.reasons.map((reason) =>
    reason.code === 'deadline_overdue' && typeof overdueWorkingDays === 'number'
      ? t('ledger.overdueReason', { deadline: reason.params.deadline ?? '', days: overdueWorkingDays })
      : warningReasonText(reason, locale),
  );
  return `${label}${colon}${reasons.join(locale === 'zh-CN' ? '；' : '; ')}`;
}

/** Badge status per light (antd's semantic colours). */
export const warningBadgeStatus: Record<WarningColour, 'success' | 'warning' | 'error'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

/** Bar and dot colours per light, as used by the Gantt. */
export const warningColours: Record<WarningColour, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };

/** The light as a dot and its word; hovering (or tapping) shows why. */
export function WarningLight({ warning, overdueWorkingDays }: { warning: Warning; overdueWorkingDays?: number | null }) {
  const locale = useAppLocale();
  const { t } = useTranslation();
  return (
    <Tooltip title={explainWarning(warning, locale, t, overdueWorkingDays)}>
      <Badge
        status={warningBadgeStatus[warning.colour]}
        text={warningColourLabel(warning.colour, locale)}
        style={{ whiteSpace: 'nowrap' }}
      />
    </Tooltip>
  );
}

/** The light with its full explanation written out, for the item page's header. */
export function WarningExplained({ warning, overdueWorkingDays }: { warning: Warning; overdueWorkingDays?: number | null }) {
  const locale = useAppLocale();
  const { t } = useTranslation();
  return (
    <span>
      <Badge status={warningBadgeStatus[warning.colour]} style={{ marginInlineEnd: 6 }} />
      <Typography.Text type={warning.colour === 'red' ? 'danger' : warning.colour === 'yellow' ? 'warning' : undefined}>
        {explainWarning(warning, locale, t, overdueWorkingDays)}
      </Typography.Text>
    </span>
  );
}
