/** SQL for warnings and roll-up: the facts an item's light depends on, and writing the computed light back. */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { taskDeadlineDefaults, taskMilestones, tasks } from '../../db/schema/index.js';
import { executeRows, type Db } from '../../platform/db.js';
import { defaultThresholds, type WarningThresholds } from './warnings.rules.js';

export interface WarningFactsRow {
  id: string;
  status: string;
  source: string;
  assignedAt: Date | null;
  deadline: string | null;
  reportingFrequency: string;
  lastReportAt: Date | null;
  progressPercent: number | null;
  parentId: string | null;
  rollupMode: string | null;
  warningLevel: number;
}

export async function findWarningFacts(db: Db, id: string): Promise<WarningFactsRow | null> {
  const rows = await db
    .select({
      id: tasks.id,
      status: tasks.status,
      source: tasks.source,
      assignedAt: tasks.assignedAt,
      deadline: tasks.deadline,
      reportingFrequency: tasks.reportingFrequency,
      lastReportAt: tasks.lastReportAt,
      progressPercent: tasks.progressPercent,
      parentId: tasks.parentId,
      rollupMode: tasks.rollupMode,
      warningLevel: tasks.warningLevel,
    })
    .from(tasks)
    .where(eq(tasks.id, id));
  return rows[0] ?? null;
}

export interface ChildRow {
  status: string;
  warningLevel: number;
  progressPercent: number | null;
  weight: number;
}

export async function listChildren(db: Db, parentId: string): Promise<ChildRow[]> {
  return db
    .select({ status: tasks.status, warningLevel: tasks.warningLevel, progressPercent: tasks.progressPercent, weight: tasks.weight })
    .from(tasks)
    .where(eq(tasks.parentId, parentId));
}

export async function listMilestoneFacts(db: Db, taskId: string) {
  return db
    .select({
      title: taskMilestones.title,
      plannedDate: taskMilestones.plannedDate,
      plannedPercent: taskMilestones.plannedPercent,
      reachedAt: taskMilestones.reachedAt,
    })
    .from(taskMilestones)
    .where(eq(taskMilestones.taskId, taskId))
    .orderBy(asc(taskMilestones.plannedDate));
}

export async function thresholdsFor(db: Db, source: string): Promise<WarningThresholds> {
  const rows = await db
    .select({
      signForWorkingDays: taskDeadlineDefaults.signForWorkingDays,
      yellowWorkingDays: taskDeadlineDefaults.yellowWorkingDays,
      yellowElapsedPercent: taskDeadlineDefaults.yellowElapsedPercent,
    })
    .from(taskDeadlineDefaults)
    .where(eq(taskDeadlineDefaults.source, source));
  return rows[0] ?? defaultThresholds;
}

/** Every source's thresholds, for pages that show many items. */
export async function allThresholds(db: Db): Promise<Map<string, WarningThresholds>> {
  const rows = await db.select().from(taskDeadlineDefaults);
  return new Map(rows.map((r) => [r.source, r]));
}

/** Writes the derived fields; the item's version is not touched (nobody edited it, so no open page goes stale). */
export async function writeDerived(
  db: Db,
  id: string,
  derived: { warningLevel: number; warningReasons: unknown; warningOn: string; progressPercent?: number | null },
): Promise<void> {
  await db.update(tasks).set(derived).where(eq(tasks.id, id));
}

/** A report arrived: when, the progress it states (if any), and the milestone it says was reached (by title). */
export async function recordReport(db: Db, taskId: string, report: { at: Date; percent: number | null; milestone: string | null }) {
  await db
    .update(tasks)
    .set({ lastReportAt: report.at, ...(report.percent !== null ? { progressPercent: report.percent } : {}) })
    .where(eq(tasks.id, taskId));
  if (report.milestone) {
    await db
      .update(taskMilestones)
      .set({ reachedAt: report.at })
      .where(and(eq(taskMilestones.taskId, taskId), eq(taskMilestones.title, report.milestone.trim()), isNull(taskMilestones.reachedAt)));
  }
}

/** Where a pass over stale lights has got to: the last item handled, in (depth desc, id desc) order. */
export interface StaleCursor {
  depth: number;
  id: string;
}

/**
 * Items whose light was last computed before `today`, deepest first (sub-items are fresh when parents roll up), after
 * `after`. Walks `tasks_light_due_idx` (the items that can have a light) in (depth, id) order, so each batch starts
 * where the previous one ended instead of sorting every candidate again — at a million items the sort was a second
 * per batch of 200.
 */
export async function listStale(db: Db, today: string, limit: number, after: StaleCursor | null = null): Promise<StaleCursor[]> {
  return db
    .select({ id: tasks.id, depth: tasks.depth })
    .from(tasks)
    .where(
      and(
        or(inArray(tasks.status, ['assigned', 'accepted', 'in_progress']), sql`${tasks.warningLevel} > 0`),
        or(isNull(tasks.warningOn), lt(tasks.warningOn, today)),
        after ? sql`(${tasks.depth}, ${tasks.id}) < (${after.depth}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(tasks.depth), desc(tasks.id))
    .limit(limit);
}

/** The unit paths that decide who may hear about a change to the item (live updates respect scope). */
export async function unitPathsOf(db: Db, taskId: string) {
  const rows = await executeRows<{ supervising: string; lead: string; cooperating: string[] | null }>(
    db,
    sql`select su.path as supervising, lu.path as lead,
          (select array_agg(cu.path) from task_cooperations tc join units cu on cu.id = tc.unit_id where tc.task_id = t.id) as cooperating
        from tasks t join units su on su.id = t.supervising_unit_id join units lu on lu.id = t.lead_unit_id
        where t.id = ${taskId}`,
  );
  const row = rows[0];
  return row ? { supervisingUnitPath: row.supervising, leadUnitPath: row.lead, cooperatingUnitPaths: row.cooperating ?? [] } : null;
}
