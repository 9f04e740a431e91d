/**
 * Cells the ledger's table and its phone cards share: the title with a sub-item's parent number and lead unit (six
 * sub-items of one item share its title), the 办结时限 with overdue in working days (the count the item page and the
 * export give), and the newest report's 本期进展 with its time.
 */
import type { LedgerRow } from '@luoshi/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBeijingTime } from '../tasks/task-format';

/** The title; a sub-item adds "上级 云督〔2026〕3号 · 昆明市人民政府" beneath it. */
export function LedgerTitle({ row }: { row: Pick<LedgerRow, 'title' | 'parentSerialNumber' | 'leadUnitName' | 'depth'> }) {
  const { t } = useTranslation();
  return (
    <Flex vertical style={{ paddingInlineStart: row.depth * 12, minWidth: 0 }}>
      <Typography.Text ellipsis={{ tooltip: row.title }}>{row.title}</Typography.Text>
      {row.parentSerialNumber && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
          {t('ledger.subItemOf', { serial: row.parentSerialNumber })} · {row.leadUnitName}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 办结时限, or "交办后 N 个工作日" before 交办; a late open item adds "逾期 N 个工作日". */
export function LedgerDeadline({ row }: { row: Pick<LedgerRow, 'deadline' | 'deadlineWorkingDays' | 'overdueWorkingDays'> }) {
  const { t } = useTranslation();
  if (!row.deadline) {
    return <>{row.deadlineWorkingDays !== null ? t('tasks.workingDaysAfterAssign', { count: row.deadlineWorkingDays }) : '—'}</>;
  }
  if (row.overdueWorkingDays === null) return <>{row.deadline}</>;
  return (
    <Flex vertical gap={2} align="flex-start">
      <Typography.Text type="danger">{row.deadline}</Typography.Text>
      <Tag color="error" style={{ marginInlineEnd: 0 }}>
        {t('tasks.overdueWorkingDays', { days: row.overdueWorkingDays })}
      </Tag>
    </Flex>
  );
}

/** The newest report's text (two lines, the whole on hover) and when it came; a dash when there is none. */
export function LastReport({ row, rows = 2 }: { row: Pick<LedgerRow, 'lastReportText' | 'lastReportAt'>; rows?: number }) {
  if (!row.lastReportText) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Paragraph ellipsis={{ rows, tooltip: row.lastReportText }} style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
        {row.lastReportText}
      </Typography.Paragraph>
      {row.lastReportAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBeijingTime(row.lastReportAt)}
        </Typography.Text>
      )}
    </Flex>
  );
}
