/**
 * SQL for 督办事项. An item is visible to a user when its supervising government, its lead unit or one of its
 * cooperating units lies in the user's scope; anything else is indistinguishable from a missing item.
 */
import type { Scope } from '../../platform/scope.js';
import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attachments, persons, taskCooperations, taskEvents, taskSerialCounters, tasks, units } from '../../db/schema/index.js';
import { executeRows, preparedOnce, type Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';
import { isSystemScope, reachUnitOf, taskReaches, taskVisibleIn } from './tasks.visibility.js';

export type TaskRecord = typeof tasks.$inferSelect;

export interface TaskRow extends TaskRecord {
  supervisingUnitName: string;
  supervisingUnitPath: string;
  leadUnitName: string;
  leadUnitPath: string;
  responsibleLeaderName: string | null;
  handlerName: string | null;
  handlerAbsentFrom: string | null;
  handlerAbsentUntil: string | null;
  handlerAbsenceReason: string | null;
  /** The B角 of the handler's post (the post where the handler is A角). */
  handlerBackupId: string | null;
  handlerBackupName: string | null;
}

declare const inScopeBrand: unique symbol;

/**
 * An item row read through a `Scope`. Only this file's scoped reads make one, so a step can be recorded or a
 * change made only on an item the actor was allowed to read: scope by construction, for writes too.
 */
export type InScope<T> = T & { readonly [inScopeBrand]: true };
export type TaskInScope = InScope<TaskRow>;

const backupOfHandler = sql<string | null>`(select p.backup_holder_id from posts p
  where p.primary_holder_id = ${tasks.handlerId} and p.backup_holder_id is not null order by p.created_at limit 1)`;

const supervising = alias(units, 'su');
const lead = alias(units, 'lu');
const leader = alias(persons, 'leader');
const handler = alias(persons, 'handler');

function visibleIn(scope: Scope): SQL {
  return taskVisibleIn(scope, tasks.id);
}

function selectTasks(db: Db) {
  return db
    .select({
      task: tasks,
      supervisingUnitName: supervising.name,
      supervisingUnitPath: supervising.path,
      leadUnitName: lead.name,
      leadUnitPath: lead.path,
      responsibleLeaderName: leader.name,
      handlerName: handler.name,
      handlerAbsentFrom: handler.absentFrom,
      handlerAbsentUntil: handler.absentUntil,
      handlerAbsenceReason: handler.absenceReason,
      handlerBackupId: backupOfHandler,
      handlerBackupName: sql<string | null>`(select b.name from persons b where b.id = ${backupOfHandler})`,
    })
    .from(tasks)
    .innerJoin(supervising, eq(supervising.id, tasks.supervisingUnitId))
    .innerJoin(lead, eq(lead.id, tasks.leadUnitId))
    .leftJoin(leader, eq(leader.id, tasks.responsibleLeaderId))
    .leftJoin(handler, eq(handler.id, tasks.handlerId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];
function flatten(r: Selected): TaskRow {
  return {
    ...r.task,
    supervisingUnitName: r.supervisingUnitName,
    supervisingUnitPath: r.supervisingUnitPath,
    leadUnitName: r.leadUnitName,
    leadUnitPath: r.leadUnitPath,
    responsibleLeaderName: r.responsibleLeaderName,
    handlerName: r.handlerName,
    handlerAbsentFrom: r.handlerAbsentFrom,
    handlerAbsentUntil: r.handlerAbsentUntil,
    handlerAbsenceReason: r.handlerAbsenceReason,
    handlerBackupId: r.handlerBackupId,
    handlerBackupName: r.handlerBackupName,
  };
}

export async function findVisibleTask(db: Db, scope: Scope, id: string, forUpdate = false): Promise<TaskInScope | null> {
  let rows;
  if (forUpdate) {
    rows = await selectTasks(db)
      .where(and(eq(tasks.id, id), visibleIn(scope)))
      .limit(1)
      .for('update', { of: tasks });
  } else if (isSystemScope(scope) || !reachUnitOf(scope)) {
    rows = await selectTasks(db)
      .where(and(eq(tasks.id, id), visibleIn(scope)))
      .limit(1);
  } else {
    // Every call of the item page starts here: prepared once (platform/db.ts preparedOnce). Scope is one probe of
    // task_reach's primary key (tasks.visibility.ts).
    const lookup = preparedOnce(db, 'luoshi_find_visible_task', (d) =>
      selectTasks(d)
        .where(and(eq(tasks.id, sql.placeholder('id')), taskReaches(tasks.id, sql.placeholder('unit'))))
        .limit(1)
        .prepare('luoshi_find_visible_task'),
    );
    rows = await lookup.execute({ id, unit: reachUnitOf(scope) });
  }
  const first = rows[0];
  return first ? (flatten(first) as TaskInScope) : null;
}

export interface TaskFilter {
  parentId?: string;
  status?: string;
  q?: string;
  /** Restrict to the caller's 待办: (statuses, unit path column) pairs, any of which matches. */
  /** 待办: statuses waiting for the supervisor / lead unit in scope, and approvals waiting for this leader. */
  inbox?: { supervisorStatuses: string[]; leadUnitStatuses: string[]; leaderPersonId: string | null };
  after?: { createdAt: Date; id: string };
  /** 我承办的: handler is this person, or the handler is absent on `today` and this person is their B角. */
  mine?: { personId: string; today: string };
}

export async function listVisibleTasks(db: Db, scope: Scope, filter: TaskFilter, limit: number): Promise<TaskInScope[]> {
  const conditions: SQL[] = [visibleIn(scope)];
  if (filter.status) conditions.push(eq(tasks.status, filter.status));
  if (filter.parentId) conditions.push(eq(tasks.parentId, filter.parentId));
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    conditions.push(sql`(${tasks.title} ilike ${pattern} or ${tasks.serialNumber} ilike ${pattern} or ${tasks.content} ilike ${pattern})`);
  }
  if (filter.inbox) {
    const pattern = `${scope.path}%`;
    const parts: SQL[] = [];
    if (filter.inbox.supervisorStatuses.length) {
      parts.push(sql`(${inArray(tasks.status, filter.inbox.supervisorStatuses)} and ${supervising.path} like ${pattern})`);
    }
    if (filter.inbox.leadUnitStatuses.length) {
      parts.push(sql`(${inArray(tasks.status, filter.inbox.leadUnitStatuses)} and ${lead.path} like ${pattern})`);
    }
    if (filter.inbox.leaderPersonId) {
      parts.push(
        sql`(${tasks.responsibleLeaderId} = ${filter.inbox.leaderPersonId} and (${tasks.status} = 'pending_approval' or ${tasks.pendingChange} is not null))`,
      );
    }
    conditions.push(parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`);
  }
  if (filter.after) {
    conditions.push(sql`(${tasks.createdAt}, ${tasks.id}) < (${filter.after.createdAt}, ${filter.after.id})`);
  }
  if (filter.mine) {
    const { personId, today } = filter.mine;
    conditions.push(sql`(${tasks.handlerId} = ${personId} or (
      ${handler.absentFrom} <= ${today} and ${handler.absentUntil} >= ${today}
      and exists (select 1 from posts p where p.primary_holder_id = ${tasks.handlerId} and p.backup_holder_id = ${personId})))`);
  }
  const rows = await selectTasks(db)
    .where(and(...conditions))
    .orderBy(desc(tasks.createdAt), desc(tasks.id))
    .limit(limit);
  return rows.map((r) => flatten(r) as TaskInScope);
}

export interface SimilarRow {
  id: string;
  serialNumber: string;
  title: string;
  status: string;
  similarity: number;
}

/** Open items whose title or content resembles `text` (pg_trgm, works on Chinese), best first. */
export async function findSimilarOpenTasks(
  db: Db,
  scope: Scope,
  text: string,
  openStatuses: readonly string[],
  limit: number,
): Promise<SimilarRow[]> {
  const pattern = `${scope.path}%`;
  const rows = await executeRows<{ id: string; serial_number: string; title: string; status: string; similarity: number | string }>(
    db,
    sql`select t.id, t.serial_number, t.title, t.status,
          greatest(similarity(t.title, ${text}), word_similarity(${text}, t.content)) as similarity
        from tasks t
        join units su on su.id = t.supervising_unit_id
        join units lu on lu.id = t.lead_unit_id
        where t.status in (${sql.join(
          openStatuses.map((s) => sql`${s}`),
          sql`, `,
        )})
          and (su.path like ${pattern} or lu.path like ${pattern})
          and greatest(similarity(t.title, ${text}), word_similarity(${text}, t.content)) >= 0.2
        order by similarity desc, t.created_at desc
        limit ${limit}`,
  );
  return rows.map((r) => ({ id: r.id, serialNumber: r.serial_number, title: r.title, status: r.status, similarity: Number(r.similarity) }));
}

export async function listCooperations(db: Db, taskIds: string[]): Promise<{ taskId: string; unitId: string; unitName: string }[]> {
  if (taskIds.length === 0) return [];
  const query = preparedOnce(db, 'luoshi_list_cooperations', (d) =>
    d
      .select({ taskId: taskCooperations.taskId, unitId: taskCooperations.unitId, unitName: units.name })
      .from(taskCooperations)
      .innerJoin(units, eq(units.id, taskCooperations.unitId))
      .where(sql`${taskCooperations.taskId} = any(${sql.placeholder('ids')}::uuid[])`)
      .orderBy(asc(units.depth), asc(units.sortOrder))
      .prepare('luoshi_list_cooperations'),
  );
  return await query.execute({ ids: taskIds });
}

export async function listEvents(db: Db, taskId: string) {
  const query = preparedOnce(db, 'luoshi_list_task_events', (d) =>
    d
      .select({ event: taskEvents, actorUnitName: units.name })
      .from(taskEvents)
      .leftJoin(units, eq(units.id, taskEvents.actorUnitId))
      .where(eq(taskEvents.taskId, sql.placeholder('taskId')))
      .orderBy(asc(taskEvents.id))
      .prepare('luoshi_list_task_events'),
  );
  return await query.execute({ taskId });
}

/** The next serial number of a government's year; the upsert's row lock keeps numbering gap-free. */
export async function nextSerialSeq(tx: Db, supervisingUnitId: string, year: number): Promise<number> {
  const rows = await tx
    .insert(taskSerialCounters)
    .values({ supervisingUnitId, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [taskSerialCounters.supervisingUnitId, taskSerialCounters.year],
      set: { lastSeq: sql`${taskSerialCounters.lastSeq} + 1` },
    })
    .returning({ seq: taskSerialCounters.lastSeq });
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('serial counter not returned');
  return seq;
}

/** The government (政府) at or above a unit: the owner of its supervision and numbering. */
export async function nearestGovernment(db: Db, unitPath: string): Promise<{ id: string; name: string; path: string } | null> {
  const ids = unitPath.split('/').filter(Boolean);
  if (ids.length === 0) return null;
  const rows = await db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(and(inArray(units.id, ids), eq(units.kind, 'government')))
    .orderBy(desc(units.depth))
    .limit(1);
  return rows[0] ?? null;
}

export async function findUnitPaths(db: Db, scope: Scope, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(inArray(units.id, ids), like(units.path, `${scope.path}%`)));
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function findLeaderInScope(db: Db, scope: Scope, id: string): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(and(eq(persons.id, id), eq(persons.isLeader, true), like(units.path, `${scope.path}%`)))
    .limit(1);
  return rows[0] ?? null;
}

/** True when the person works in the unit or one of its internal divisions. */
export async function isPersonInUnitTree(db: Db, personId: string, unitPath: string): Promise<boolean> {
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(and(eq(persons.id, personId), like(units.path, `${unitPath}%`), sql`${persons.disabledAt} is null`))
    .limit(1);
  return rows.length === 1;
}

/** Inserts a registered item; the caller checked its parties against its scope, so the new item is in scope. */
export async function insertTask(
  tx: Db,
  row: typeof tasks.$inferInsert & { id: string },
  cooperatingUnitIds: string[],
): Promise<InScope<{ id: string }>> {
  await tx.insert(tasks).values(row);
  if (cooperatingUnitIds.length) await tx.insert(taskCooperations).values(cooperatingUnitIds.map((unitId) => ({ taskId: row.id, unitId })));
  return { id: row.id } as InScope<{ id: string }>;
}

export async function updateTaskVersioned(
  tx: Db,
  id: string,
  version: number,
  patch: Partial<typeof tasks.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(tasks)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)))
    .returning({ id: tasks.id });
  return rows.length === 1;
}

export async function insertEvent(tx: Db, row: typeof taskEvents.$inferInsert): Promise<void> {
  await tx.insert(taskEvents).values(row);
}

export async function replaceCooperations(tx: Db, taskId: string, unitIds: string[]): Promise<void> {
  await tx.delete(taskCooperations).where(eq(taskCooperations.taskId, taskId));
  if (unitIds.length) await tx.insert(taskCooperations).values(unitIds.map((unitId) => ({ taskId, unitId })));
}

/** Sub-item counts per parent: all, and those not yet 办结 (withdrawn/terminated ones are closed too). */
export async function countChildren(db: Db, parentIds: string[]): Promise<Map<string, { total: number; open: number }>> {
  if (parentIds.length === 0) return new Map();
  const query = preparedOnce(db, 'luoshi_count_children', (d) =>
    d
      .select({
        parentId: tasks.parentId,
        total: sql<number>`count(*)::int`,
        open: sql<number>`(count(*) filter (where ${tasks.status} not in ('completed','evaluated','archived','withdrawn','terminated')))::int`,
      })
      .from(tasks)
      .where(sql`${tasks.parentId} = any(${sql.placeholder('ids')}::uuid[])`)
      .groupBy(tasks.parentId)
      .prepare('luoshi_count_children'),
  );
  const rows = await query.execute({ ids: parentIds });
  return new Map(rows.map((r) => [r.parentId as string, { total: Number(r.total), open: Number(r.open) }]));
}

/** How the parent's progress rolls up; a derived setting, so the item's version stays (no open page goes stale). */
export async function setRollupMode(db: Db, id: string, mode: string): Promise<void> {
  await db.update(tasks).set({ rollupMode: mode }).where(eq(tasks.id, id));
}

/** Items in `scope` handled by the person and still in one of `statuses` (to note the handler's absence on them). */
export async function listHandledOpenTasks(
  db: Db,
  scope: Scope,
  personId: string,
  statuses: readonly string[],
): Promise<InScope<{ id: string }>[]> {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(supervising, eq(supervising.id, tasks.supervisingUnitId))
    .innerJoin(lead, eq(lead.id, tasks.leadUnitId))
    .where(and(eq(tasks.handlerId, personId), inArray(tasks.status, [...statuses]), visibleIn(scope)));
  return rows as InScope<{ id: string }>[];
}

/** How many of `ids` are evidence files of the item (a 申请办结 names its evidence among them). */
export async function countAttachmentsOfTask(db: Db, taskId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attachments)
    .where(and(eq(attachments.taskId, taskId), inArray(attachments.id, ids)));
  return Number(rows[0]?.n ?? 0);
}
