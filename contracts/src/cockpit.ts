/**
 * 领导驾驶舱 (leader cockpit, issue 4 item 6): the figures a leader glances at between meetings — items by status and
 * warning light, by 州市 and by provincial department, and completion over time — over the items in the reader's
 * scope. The status groups below are shared with the web, so a figure and the filtered ledger it links to count the
 * same items.
 */
import { z } from 'zod';
import { taskStatusSchema, type TaskStatus } from './tasks.js';

/** 在办: with the lead unit and not yet completed. Only these items carry a meaningful warning light. */
export const cockpitOpenStatuses = ['assigned', 'accepted', 'in_progress', 'completion_requested'] as const satisfies readonly TaskStatus[];

/** 已办结 and what follows it (评价, 归档). */
export const cockpitCompletedStatuses = ['completed', 'evaluated', 'archived'] as const satisfies readonly TaskStatus[];

/**
 * 督办事项总数: every item that has been 交办 — drafts (拟办) and withdrawn drafts (已撤销) are the 督查室's own
 * preparation, not yet anybody's task, so the leader's totals leave them out.
 */
export const cockpitCountedStatuses = [
  ...cockpitOpenStatuses,
  ...cockpitCompletedStatuses,
  'suspended',
  'terminated',
] as const satisfies readonly TaskStatus[];

const count = z.number().int().nonnegative();

/** Counts of one group of items (a 州市, the 省直部门, one department). */
const groupCounts = {
  /** Items in `cockpitCountedStatuses`. */
  total: count,
  /** 在办 items. */
  open: count,
  /** 在办 items with a yellow light. */
  yellow: count,
  /** 在办 items with a red light (overdue, 逾期). */
  red: count,
  /** Items in `cockpitCompletedStatuses`. */
  completed: count,
};

/**
 * A 州市 (the prefecture whose government the lead unit lies under), or the 省直部门 group: items led by the
 * province's own departments (or by the provincial government itself).
 */
export const cockpitArea = z.object({
  kind: z.enum(['prefecture', 'provincial_departments']),
  /** The prefecture government (the ledger's `leadUnitId`); null for the 省直部门 group. */
  unitId: z.uuid().nullable(),
  /** The 州市 as on the map (the division name, e.g. 昆明市), or the government unit's name when it has none. */
  name: z.string(),
  /** GB/T 2260 code of the prefecture (e.g. 530100), which is also the map feature's id. */
  divisionCode: z.string().nullable(),
  ...groupCounts,
});
export type CockpitArea = z.infer<typeof cockpitArea>;

/** A provincial department (省直部门) with the items led by it or its internal divisions. */
export const cockpitDepartment = z.object({
  unitId: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  ...groupCounts,
});
export type CockpitDepartment = z.infer<typeof cockpitDepartment>;

/** One calendar month (Asia/Shanghai): items 交办 and items 办结 in it. */
export const cockpitMonth = z.object({
  /** 'YYYY-MM' */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  assigned: count,
  completed: count,
});
export type CockpitMonth = z.infer<typeof cockpitMonth>;

export const cockpitSummary = z.object({
  /** Today in Asia/Shanghai ('YYYY-MM-DD'), the day the figures are for. */
  today: z.string(),
  /** Items in `cockpitCountedStatuses`. */
  total: count,
  /** 在办 items. */
  open: count,
  /** Items 办结 since 1 January of this year (Asia/Shanghai). */
  completedThisYear: count,
  /** Every status, zeros included, drafts and withdrawn items too. */
  byStatus: z.array(z.object({ status: taskStatusSchema, count })),
  /** Warning lights of the 在办 items. */
  byWarning: z.object({ green: count, yellow: count, red: count }),
  /** Every 州市 in scope (also those without items), then the 省直部门 group when it has items or is in scope. */
  byArea: z.array(cockpitArea),
  /** The provincial departments with the most 在办 items (at most `cockpitDepartmentsMax`). */
  byDepartment: z.array(cockpitDepartment),
  /** The last 12 months, oldest first, the current month last. */
  byMonth: z.array(cockpitMonth),
});
export type CockpitSummary = z.infer<typeof cockpitSummary>;

export const cockpitDepartmentsMax = 15;
export const cockpitMonthsBack = 12;
