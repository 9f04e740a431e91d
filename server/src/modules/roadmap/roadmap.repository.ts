/** SQL for 时间节点 and the Gantt rows of an item's subtree or of a programme. */
import { taskVisibleIn } from '../tasks/index.js';
import type { Scope } from '../../platform/scope.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import { persons, taskMilestones, units } from '../../db/schema/index.js';
import { executeRows, type Db } from '../../platform/db.js';

export type MilestoneRecord = typeof taskMilestones.$inferSelect;
export interface MilestoneRow extends MilestoneRecord {
  responsibleUnitName: string | null;
  responsiblePersonName: string | null;
}

export async function listMilestones(db: Db, taskId: string): Promise<MilestoneRow[]> {
  const rows = await db
    .select({ m: taskMilestones, responsibleUnitName: units.name, responsiblePersonName: persons.name })
    .from(taskMilestones)
    .leftJoin(units, eq(units.id, taskMilestones.responsibleUnitId))
    .leftJoin(persons, eq(persons.id, taskMilestones.responsiblePersonId))
    .where(eq(taskMilestones.taskId, taskId))
    .orderBy(asc(taskMilestones.plannedDate), asc(taskMilestones.createdAt));
  return rows.map((r) => ({ ...r.m, responsibleUnitName: r.responsibleUnitName, responsiblePersonName: r.responsiblePersonName }));
}

/** The milestone when its item lies in `scope`. */
export async function findMilestone(db: Db, scope: Scope, id: string, forUpdate = false): Promise<MilestoneRecord | null> {
  const query = db
    .select()
    .from(taskMilestones)
    .where(and(eq(taskMilestones.id, id), taskVisibleIn(scope, taskMilestones.taskId)))
    .limit(1);
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insertMilestone(db: Db, row: typeof taskMilestones.$inferInsert): Promise<void> {
  await db.insert(taskMilestones).values(row);
}

export async function updateMilestone(db: Db, id: string, patch: Partial<typeof taskMilestones.$inferInsert>): Promise<void> {
  await db.update(taskMilestones).set(patch).where(eq(taskMilestones.id, id));
}

export async function deleteMilestone(db: Db, id: string): Promise<void> {
  await db.delete(taskMilestones).where(eq(taskMilestones.id, id));
}

export interface GanttTaskRow {
  id: string;
  parentId: string | null;
  depth: number;
  serialNumber: string;
  title: string;
  status: string;
  leadUnitName: string;
  assignedAt: Date | null;
  createdAt: Date;
  deadline: string | null;
  originalDeadline: string | null;
  progressPercent: number | null;
  warningLevel: number;
}

const ganttColumns = sql`t.id, t.parent_id as "parentId", t.depth, t.serial_number as "serialNumber", t.title, t.status,
  lu.name as "leadUnitName", t.assigned_at as "assignedAt", t.created_at as "createdAt", t.deadline::text as deadline,
  t.original_deadline::text as "originalDeadline", t.progress_percent as "progressPercent", t.warning_level as "warningLevel"`;

/**
 * The item and every sub-item below it, parents before children (siblings in numbering order), each in the reader's
 * scope by the one rule (tasks.visibility.ts) — a cooperating unit that may open the item sees its 推进图 too.
 */
export async function listSubtree(db: Db, scope: Scope, rootId: string, limit: number): Promise<GanttTaskRow[]> {
  const rows = await executeRows<GanttTaskRow>(
    db,
    sql`with recursive tree as (
          select id, array[created_at::text, lpad(serial_seq::text, 10, '0'), id::text] as sort_key from tasks where id = ${rootId}
          union all
          select c.id, tree.sort_key || array[c.created_at::text, lpad(c.serial_seq::text, 10, '0'), c.id::text]
          from tasks c join tree on c.parent_id = tree.id
        )
        select ${ganttColumns}
        from tree join tasks t on t.id = tree.id
        join units lu on lu.id = t.lead_unit_id
        where ${taskVisibleIn(scope, sql`t.id`)}
        order by tree.sort_key
        limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, assignedAt: r.assignedAt ? new Date(r.assignedAt) : null, createdAt: new Date(r.createdAt) }));
}

/** A programme: the top-level items of one source in scope, by deadline. */
export async function listProgramme(db: Db, scope: Scope, source: string, limit: number): Promise<GanttTaskRow[]> {
  const rows = await executeRows<GanttTaskRow>(
    db,
    sql`select ${ganttColumns}
        from tasks t
        join units lu on lu.id = t.lead_unit_id
        where t.source = ${source} and t.parent_id is null and t.status not in ('withdrawn')
          and ${taskVisibleIn(scope, sql`t.id`)}
        order by t.deadline nulls last, t.id
        limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, assignedAt: r.assignedAt ? new Date(r.assignedAt) : null, createdAt: new Date(r.createdAt) }));
}
