/**
 * The ledger on a phone: one card per item, most urgent first (the ledger's default order) — the light, number and
 * status, the title (with a sub-item's parent number and unit), lead unit, 办结时限 with overdue working days, and
 * the newest report's text. A tap anywhere on the card opens the item.
 */
import type { LedgerRow } from '@luoshi/contracts';
import { Card, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskStatusTag } from '../tasks/task-tags';
import { LastReport, LedgerDeadline, LedgerTitle } from './ledger-cells';
import { WarningDot } from './warning-dot';

const edgeColours = { red: '#cf1322', yellow: '#d48806', green: 'transparent' } as const;

export function LedgerCards({ rows }: { rows: readonly LedgerRow[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} role="list" aria-label={t('ledger.title')}>
      {rows.map((row) => (
        <Link key={row.id} to={`/tasks/${row.id}`} style={{ color: 'inherit' }} role="listitem">
          <Card size="small" hoverable style={{ borderInlineStart: `4px solid ${edgeColours[row.warningLevel]}` }}>
            <Flex vertical gap={4}>
              <Flex justify="space-between" align="center" gap={8}>
                <WarningDot row={row} />
                <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                  {row.serialNumber}
                </Typography.Text>
                <TaskStatusTag status={row.status} />
              </Flex>
              <Typography.Text strong>
                <LedgerTitle row={{ ...row, depth: 0 }} />
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {row.leadUnitName}
              </Typography.Text>
              <Flex justify="space-between" align="center" gap={8} style={{ fontSize: 12 }}>
                <span>
                  <Typography.Text type="secondary">{t('tasks.deadline')} </Typography.Text>
                  <LedgerDeadline row={row} />
                </span>
                {row.progressPercent !== null && (
                  <Progress
                    percent={row.progressPercent}
                    size="small"
                    style={{ width: 110, margin: 0 }}
                    aria-label={`${t('ledger.progress')} ${row.progressPercent}%`}
                  />
                )}
              </Flex>
              <div style={{ fontSize: 12 }}>
                <LastReport row={row} rows={2} />
              </div>
            </Flex>
          </Card>
        </Link>
      ))}
    </Flex>
  );
}
