/** SQL for warnings and roll-up: the facts an item's light depends on, and writing the computed light back. */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
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

const factColumns = {
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
};

export async function findWarningFacts(db: Db, id: string): Promise<WarningFactsRow | null> {
  const rows = await db.select(factColumns).from(tasks).where(eq(tasks.id, id));
  return rows[0] ?? null;
}

/** The facts of many items at once (the daily refresh's batch). */
export async function findWarningFactsOf(db: Db, ids: readonly string[]): Promise<WarningFactsRow[]> {
  return db
    .select(factColumns)
    .from(tasks)
    .where(inArray(tasks.id, [...ids]));
}

/** The sub-items of many parents at once, by parent. */
export async function listChildrenOf(db: Db, parentIds: readonly string[]): Promise<Map<string, (ChildRow & { id: string })[]>> {
  const rows = await db
    .select({
      id: tasks.id,
      parentId: tasks.parentId,
      status: tasks.status,
      warningLevel: tasks.warningLevel,
      progressPercent: tasks.progressPercent,
      weight: tasks.weight,
    })
    .from(tasks)
    .where(inArray(tasks.parentId, [...parentIds]));
  const byParent = new Map<string, (ChildRow & { id: string })[]>();
  for (const { parentId, ...child } of rows) if (parentId) byParent.set(parentId, [...(byParent.get(parentId) ?? []), child]);
  return byParent;
}

/** The milestones of many items at once, each item's in date order (the daily refresh, the 推进图). */
export async function milestoneFactsOf(db: Db, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({
      taskId: taskMilestones.taskId,
      title: taskMilestones.title,
      plannedDate: taskMilestones.plannedDate,
      plannedPercent: taskMilestones.plannedPercent,
      reachedAt: taskMilestones.reachedAt,
    })
    .from(taskMilestones)
    .where(inArray(taskMilestones.taskId, [...taskIds]))
    .orderBy(asc(taskMilestones.plannedDate));
}

/** The same, by item. */
export async function listMilestoneFactsOf(db: Db, taskIds: readonly string[]) {
  const byTask = new Map<string, Omit<Awaited<ReturnType<typeof milestoneFactsOf>>[number], 'taskId'>[]>();
  for (const { taskId, ...milestone } of await milestoneFactsOf(db, taskIds))
    byTask.set(taskId, [...(byTask.get(taskId) ?? []), milestone]);
  return byTask;
}

export interface DerivedWrite {
  id: string;
  warningLevel: number;
  warningReasons: unknown;
  /** A parent's progress is the roll-up of its sub-items; an item without sub-items keeps its reported progress. */
  hasChildren: boolean;
  progressPercent: number | null;
}

/** The daily refresh's batch in one statement (the item's version is not touched, as in `writeDerived`). */
export async function writeDerivedMany(db: Db, rows: readonly DerivedWrite[], warningOn: string): Promise<void> {
  if (rows.length === 0) return;
  await executeRows(
    db,
    sql`update tasks t set warning_level = v.level, warning_reasons = v.reasons, warning_on = ${warningOn}::date,
          progress_percent = case when v.has_children then v.progress else t.progress_percent end
        from jsonb_to_recordset(${JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            level: r.warningLevel,
            reasons: r.warningReasons,
            has_children: r.hasChildren,
            progress: r.progressPercent,
          })),
        )}::jsonb) as v(id uuid, level smallint, reasons jsonb, has_children boolean, progress smallint)
        where t.id = v.id`,
  );
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

/** The predicate of `tasks_light_due_idx`: the items that can have a light (written as the index has it). */
const lightDue = sql`(status in ('assigned', 'accepted', 'in_progress') or warning_level > 0)`;

/** The deepest level holding an item that can have a light (the end of `tasks_light_due_idx`). */
export async function deepestLightDepth(db: Db): Promise<number> {
  const rows = await executeRows<{ depth: number | null }>(db, sql`select max(depth) as depth from tasks where ${lightDue}`);
  return Number(rows[0]?.depth ?? -1);
}

/** Items at one depth that can have a light and were last assessed before `today`, by id (descending) after `after`. */
export async function listStaleAtDepth(db: Db, today: string, depth: number, limit: number, after: string | null): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`select id from tasks
        where ${lightDue} and depth = ${depth} and (warning_on is null or warning_on < ${today}::date)
          ${after ? sql`and id < ${after}::uuid` : sql``}
        order by depth desc, id desc
        limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/**
 * Parents at `depth` not yet assessed today with a sub-item that was (the sub-items are one level deeper and were all
 * assessed before this is asked). Reached from the children through `tasks_parent_idx`.
 */
export async function listParentsBehind(db: Db, today: string, depth: number): Promise<string[]> {
  const rows = await executeRows<{ id: string }>(
    db,
    sql`select distinct p.id from tasks c join tasks p on p.id = c.parent_id
        where c.depth = ${depth + 1} and c.warning_on = ${today}::date and p.depth = ${depth}
          and (p.warning_on is null or p.warning_on < ${today}::date)
        order by p.id desc`,
  );
  return rows.map((r) => r.id);
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
