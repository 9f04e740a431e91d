/**
 * The warning light of a ledger row: a coloured dot whose tooltip explains it ("黄灯：距办结时限还有 3 个工作日"),
 * worded by the warning contracts. A reason code those contracts do not know (stored by a newer server) is shown
 * by its code and parameters rather than hidden.
 */
import { warningCodeValues, warningReasonText, type LedgerRow, type WarningCode } from '@luoshi/contracts';
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import type { AppLocale } from '../../app/i18n/types';

const badgeStatus = { green: 'success', yellow: 'warning', red: 'error' } as const;

function isWarningCode(code: string): code is WarningCode {
  return (warningCodeValues as readonly string[]).includes(code);
}

/** One reason in words in the UI language. */
export function reasonText(reason: LedgerRow['warningReasons'][number], locale: AppLocale): string {
  const { code } = reason;
  if (isWarningCode(code)) return warningReasonText({ code, params: reason.params }, locale);
  const params = Object.entries(reason.params)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return params ? `${code}（${params}）` : code;
}

/**
 * The light with its reasons. A late item's reason counts working days past 办结时限 (`overdueWorkingDays`, the count
 * the deadline column, the item page and the export give), not the calendar days the stored reason carries.
 */
export function WarningDot({ row }: { row: Pick<LedgerRow, 'warningLevel' | 'warningReasons'> & { overdueWorkingDays?: number | null } }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const label = t(`ledger.warnings.${row.warningLevel}`);
  const separator = locale === 'zh-CN' ? '；' : '; ';
  const inWords = (reason: LedgerRow['warningReasons'][number]) =>
    reason.code === 'deadline_overdue' && typeof row.overdueWorkingDays === 'number'
      ? t('ledger.overdueReason', { deadline: reason.params.deadline ?? '', days: row.overdueWorkingDays })
      : reasonText(reason, locale);
  const reasons = row.warningReasons.length ? row.warningReasons.map(inWords).join(separator) : t('ledger.noReasons');
  const text = `${label}${locale === 'zh-CN' ? '：' : ': '}${reasons}`;
  return (
    <Tooltip title={text}>
      <Badge status={badgeStatus[row.warningLevel]} text={label} role="img" aria-label={text} />
    </Tooltip>
  );
}
