/**
 * The warning light of a ledger row: a coloured dot whose tooltip explains it. Reasons are shown by their code and
 * parameters until the warning computation's labels are available to the web.
 */
import type { LedgerRow } from '@luoshi/contracts';
import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const badgeStatus = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** One reason in words: its code, then its parameters (e.g. `deadline_near（days: 3）`). */
export function reasonText(reason: LedgerRow['warningReasons'][number]): string {
  const params = Object.entries(reason.params)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ');
  return params ? `${reason.code}（${params}）` : reason.code;
}

export function WarningDot({ row }: { row: Pick<LedgerRow, 'warningLevel' | 'warningReasons'> }) {
  const { t } = useTranslation();
  const label = t(`ledger.warnings.${row.warningLevel}`);
  const reasons = row.warningReasons.length ? row.warningReasons.map(reasonText).join('；') : t('ledger.noReasons');
  return (
    <Tooltip title={`${label}：${reasons}`}>
      <Badge status={badgeStatus[row.warningLevel]} text={label} aria-label={`${label}：${reasons}`} />
    </Tooltip>
  );
}
