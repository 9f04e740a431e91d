/**
 * The warning light (预警: 绿灯/黄灯/红灯) as a coloured dot with its word, and its explanation from the contracts
 * (`warningText`: "黄灯：距办结时限还有 3 个工作日"). The server computes it; the UI never decides a colour itself.
 */
import { warningColourLabel, warningText, type Warning, type WarningColour } from '@luoshi/contracts';
import { Badge, Tooltip, Typography } from 'antd';
import { useAppLocale } from '../../app/i18n/i18n';

/** Badge status per light (antd's semantic colours). */
export const warningBadgeStatus: Record<WarningColour, 'success' | 'warning' | 'error'> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

/** Bar and dot colours per light, as used by the Gantt. */
export const warningColours: Record<WarningColour, string> = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' };

/** The light as a dot and its word; hovering (or tapping) shows why. */
export function WarningLight({ warning }: { warning: Warning }) {
  const locale = useAppLocale();
  return (
    <Tooltip title={warningText(warning, locale)}>
      <Badge
        status={warningBadgeStatus[warning.colour]}
        text={warningColourLabel(warning.colour, locale)}
        style={{ whiteSpace: 'nowrap' }}
      />
    </Tooltip>
  );
}

/** The light with its full explanation written out, for the item page's header. */
export function WarningExplained({ warning }: { warning: Warning }) {
  const locale = useAppLocale();
  return (
    <span>
      <Badge status={warningBadgeStatus[warning.colour]} style={{ marginInlineEnd: 6 }} />
      <Typography.Text type={warning.colour === 'red' ? 'danger' : warning.colour === 'yellow' ? 'warning' : undefined}>
        {warningText(warning, locale)}
      </Typography.Text>
    </span>
  );
}
