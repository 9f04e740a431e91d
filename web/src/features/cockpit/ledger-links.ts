/**
 * Where each cockpit figure leads: the 督查工作台账 (`/ledger`) filtered to exactly the items the figure counts. The
 * ledger reads these URL search params: `status` (repeatable), `warning` (green | yellow | red), `leadUnitId` (that
 * unit's subtree), `source`, `responsibleLeaderId`, `deadlineFrom`/`deadlineTo`, and for the month figures
 * `assignedFrom`/`assignedTo` and `completedFrom`/`completedTo` (Shanghai dates, both ends included).
 */
import {
  cockpitCompletedStatuses,
  cockpitCountedStatuses,
  cockpitOpenStatuses,
  type TaskStatus,
  type WarningColour,
} from '@luoshi/contracts';

export interface LedgerFilter {
  status?: readonly TaskStatus[];
  warning?: WarningColour;
  leadUnitId?: string | null;
  assignedFrom?: string;
  assignedTo?: string;
  completedFrom?: string;
  completedTo?: string;
}

/** `/ledger?…` for a filter; empty parts are left out, statuses keep the lifecycle order. */
export function ledgerUrl(filter: LedgerFilter): string {
  const params = new URLSearchParams();
  for (const status of filter.status ?? []) params.append('status', status);
  if (filter.warning) params.set('warning', filter.warning);
  if (filter.leadUnitId) params.set('leadUnitId', filter.leadUnitId);
  for (const key of ['assignedFrom', 'assignedTo', 'completedFrom', 'completedTo'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `/ledger?${search}` : '/ledger';
}

/** The status groups the cockpit counts, by the figure's wording. */
export const statusGroups = {
  /** 督办事项总数 (everything 交办). */
  total: cockpitCountedStatuses,
  /** 在办 */
  open: cockpitOpenStatuses,
  /** 已办结 (and 评价, 归档) */
  completed: cockpitCompletedStatuses,
} as const;

export type StatusGroup = keyof typeof statusGroups;

/** A group's items, optionally of one unit's subtree. */
export function groupUrl(group: StatusGroup, leadUnitId?: string | null): string {
  return ledgerUrl({ status: statusGroups[group], leadUnitId });
}

/** 在办 items with one light colour (warnings only mean something while an item is open). */
export function warningUrl(warning: WarningColour, leadUnitId?: string | null): string {
  return ledgerUrl({ status: cockpitOpenStatuses, warning, leadUnitId });
}

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) throw new RangeError(`not a month: ${month}`);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** Items 交办 in a month (whatever their status now), or 办结 in it. */
export function monthUrl(kind: 'assigned' | 'completed', month: string): string {
  const { from, to } = monthRange(month);
  return kind === 'assigned'
    ? ledgerUrl({ status: cockpitCountedStatuses, assignedFrom: from, assignedTo: to })
    : ledgerUrl({ status: cockpitCompletedStatuses, completedFrom: from, completedTo: to });
}

/** 办结 since 1 January of `today`'s year. */
export function completedThisYearUrl(today: string): string {
  return ledgerUrl({ status: cockpitCompletedStatuses, completedFrom: `${today.slice(0, 4)}-01-01`, completedTo: today });
}
