/** Ledger rows as the API shows them: light, with names resolved and the warning as a colour with its reasons. */
import type { LedgerRow, LedgerView, TaskStatus } from '@luoshi/contracts';
import { ledgerFilter, ledgerColumnSchema } from '@luoshi/contracts';
import type { LedgerDbRow, LedgerViewRecord } from './ledger.repository.js';
import { warningOfLevel } from './ledger.rules.js';

type Reason = LedgerRow['warningReasons'][number];

/** The stored reasons, keeping only well-formed entries (the column is jsonb written by the warning computation). */
export function reasonsOf(stored: unknown): Reason[] {
  if (!Array.isArray(stored)) return [];
  const reasons: Reason[] = [];
  for (const entry of stored as unknown[]) {
    if (!entry || typeof entry !== 'object' || typeof (entry as { code?: unknown }).code !== 'string') continue;
    const { code, level, params } = entry as { code: string; level?: unknown; params?: unknown };
    const kept: Record<string, string | number> = {};
    if (params && typeof params === 'object') {
      for (const [key, value] of Object.entries(params)) if (typeof value === 'string' || typeof value === 'number') kept[key] = value;
    }
    reasons.push({ code, ...(typeof level === 'number' ? { level } : {}), params: kept });
  }
  return reasons;
}

function namesOf(value: LedgerDbRow['cooperating_unit_names']): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/**
 * A row as sent. `overdueDays` counts an open late item's working days past 办结时限 (`overdueWorkingDaysOf` with the
 * working-day calendar; the service loads the calendar only when a page has a late item).
 */
export function presentLedgerRow(
  row: LedgerDbRow,
  overdueDays: (row: { status: string; deadline: string | null }) => number | null,
): LedgerRow {
  return {
    id: row.id,
    serialNumber: row.serial_number,
    title: row.title,
    source: row.source,
    status: row.status as TaskStatus,
    urgency: row.urgency as LedgerRow['urgency'],
    deadline: row.deadline,
    deadlineWorkingDays: row.deadline_working_days === null ? null : Number(row.deadline_working_days),
    originalDeadline: row.original_deadline,
    leadUnitId: row.lead_unit_id,
    leadUnitName: row.lead_unit_name,
    cooperatingUnitNames: namesOf(row.cooperating_unit_names),
    responsibleLeaderId: row.responsible_leader_id,
    responsibleLeaderName: row.responsible_leader_name,
    handlerName: row.handler_name,
    progressPercent: row.progress_percent === null ? null : Number(row.progress_percent),
    warningLevel: warningOfLevel(Number(row.warning_level)),
    warningReasons: reasonsOf(row.warning_reasons),
    depth: Number(row.depth),
    parentId: row.parent_id,
    parentSerialNumber: row.parent_serial_number,
    overdueWorkingDays: overdueDays(row),
    lastReportText: row.last_report_text,
    urgeCount: Number(row.urge_count),
    sendBackCount: Number(row.send_back_count),
    lastReportAt: row.last_report_at,
    createdAt: row.created_at,
  };
}

/** A saved view; a stored query that no longer parses (after a contract change) shows as no filter. */
export function presentView(record: LedgerViewRecord): LedgerView {
  const query = ledgerFilter.safeParse(record.query);
  const columns = ledgerColumnSchema.array().safeParse(record.columns);
  return {
    id: record.id,
    name: record.name,
    query: query.success ? query.data : {},
    columns: columns.success ? columns.data : null,
    createdAt: record.createdAt.toISOString(),
  };
}
