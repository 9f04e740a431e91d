/**
 * SQL of 会议 only, no rules. A meeting is in a reader's scope when the convening government lies in it, or when a
 * unit concerned by one of its agenda items does (that unit registers attendees and follows its decisions); reads by
 * id take the Scope first, so nothing outside answers but 404.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  agendaAttendees,
  agendaItems,
  agendaItemUnits,
  agendaMaterials,
  meetingCounters,
  meetingDecisions,
  meetingLeaders,
  meetingMinutes,
  meetings,
  meetingTypes,
  persons,
  tasks,
  units,
} from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';
import type { Scope } from '../../platform/scope.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type DecisionRow = typeof meetingDecisions.$inferSelect;
export type MaterialRow = typeof agendaMaterials.$inferSelect;
export type MinutesRow = typeof meetingMinutes.$inferSelect;

/** A meeting read in a scope: the row, its government's name and path. */
export interface MeetingInScope {
  meeting: MeetingRow;
  governmentName: string;
  governmentPath: string;
}

function visibleIn(scope: Scope): SQL {
  const prefix = `${likeEscape(scope.path)}%`;
  return sql`(${units.path} like ${prefix} or exists (
    select 1 from ${agendaItems} ai
    join ${agendaItemUnits} aiu on aiu.agenda_item_id = ai.id
    join ${units} cu on cu.id = aiu.unit_id
    where ai.meeting_id = ${meetings.id} and cu.path like ${prefix}))`;
}

export async function findMeeting(db: Db, scope: Scope, id: string, lock = false): Promise<MeetingInScope | null> {
  const query = db
    .select({ meeting: meetings, governmentName: units.name, governmentPath: units.path })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.governmentUnitId))
    .where(and(eq(meetings.id, id), visibleIn(scope)));
  const [row] = lock ? await query.for('update', { of: meetings }) : await query;
  return row ?? null;
}

export async function listMeetings(db: Db, scope: Scope, filter: { year?: number; type?: string }): Promise<MeetingInScope[]> {
  return db
    .select({ meeting: meetings, governmentName: units.name, governmentPath: units.path })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.governmentUnitId))
    .where(
      and(
        visibleIn(scope),
        filter.year ? eq(meetings.year, filter.year) : undefined,
        filter.type ? eq(meetings.type, filter.type) : undefined,
      ),
    )
    .orderBy(desc(meetings.heldOn), desc(meetings.seq))
    .limit(300);
}

export async function listTypes(db: Db) {
  return db.select().from(meetingTypes).orderBy(asc(meetingTypes.position), asc(meetingTypes.code));
}

export async function findType(db: Db, code: string) {
  const [row] = await db.select().from(meetingTypes).where(eq(meetingTypes.code, code));
  return row ?? null;
}

export async function insertType(db: Db, row: typeof meetingTypes.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(meetingTypes).values(row).onConflictDoNothing().returning({ code: meetingTypes.code });
  return inserted.length === 1;
}

/** The next 第N次 for the government, type and year; the counter row stays locked until the transaction ends. */
export async function nextMeetingSeq(tx: Db, governmentUnitId: string, type: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(meetingCounters)
    .values({ governmentUnitId, type, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [meetingCounters.governmentUnitId, meetingCounters.type, meetingCounters.year],
      set: { lastSeq: sql`${meetingCounters.lastSeq} + 1` },
    })
    .returning({ seq: meetingCounters.lastSeq });
  if (!row) throw new Error('meeting counter not returned');
  return row.seq;
}

export async function insertMeeting(tx: Db, row: typeof meetings.$inferInsert, minutes: typeof meetingMinutes.$inferInsert): Promise<void> {
  await tx.insert(meetings).values(row);
  await tx.insert(meetingMinutes).values(minutes);
}

/** A unit with its path and kind (null when it does not exist). */
export async function findUnit(db: Db, id: string) {
  const [row] = await db.select({ id: units.id, name: units.name, path: units.path, kind: units.kind }).from(units).where(eq(units.id, id));
  return row ?? null;
}

export async function findUnits(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(inArray(units.id, [...ids]));
}

export async function findPerson(db: Db, id: string) {
  const [row] = await db
    .select({
      id: persons.id,
      name: persons.name,
      title: persons.title,
      unitId: persons.unitId,
      unitPath: units.path,
      isLeader: persons.isLeader,
    })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(eq(persons.id, id));
  return row ?? null;
}

export async function replaceLeaders(
  tx: Db,
  meetingId: string,
  rows: { personId: string; attendance: string; note: string | null }[],
): Promise<void> {
  await tx.delete(meetingLeaders).where(eq(meetingLeaders.meetingId, meetingId));
  if (rows.length > 0) await tx.insert(meetingLeaders).values(rows.map((r, i) => ({ ...r, meetingId, position: i + 1 })));
}

export async function listLeaders(db: Db, meetingId: string) {
  return db
    .select({
      personId: meetingLeaders.personId,
      name: persons.name,
      title: persons.title,
      attendance: meetingLeaders.attendance,
      note: meetingLeaders.note,
    })
    .from(meetingLeaders)
    .innerJoin(persons, eq(persons.id, meetingLeaders.personId))
    .where(eq(meetingLeaders.meetingId, meetingId))
    .orderBy(asc(meetingLeaders.position));
}

export async function nextAgendaPosition(tx: Db, meetingId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${agendaItems.position})` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertAgendaItem(
  tx: Db,
  row: typeof agendaItems.$inferInsert,
  unitIds: { unitId: string; isSubmitting: boolean }[],
): Promise<void> {
  await tx.insert(agendaItems).values(row);
  await tx.insert(agendaItemUnits).values(unitIds.map((u) => ({ agendaItemId: row.id, ...u })));
}

/** An agenda item with its meeting (in scope), locked for a write when asked. */
export async function findAgendaItem(db: Db, scope: Scope, id: string, lock = false) {
  const [item] = await db.select().from(agendaItems).where(eq(agendaItems.id, id));
  if (!item) return null;
  const meeting = await findMeeting(db, scope, item.meetingId, lock);
  if (!meeting) return null;
  return { item, ...meeting };
}

export async function updateAgendaItem(tx: Db, id: string, set: Partial<typeof agendaItems.$inferInsert>): Promise<void> {
  await tx.update(agendaItems).set(set).where(eq(agendaItems.id, id));
}

export async function listAgendaItems(db: Db, meetingId: string) {
  return db
    .select({ item: agendaItems, leaderName: persons.name, leaderTitle: persons.title })
    .from(agendaItems)
    .innerJoin(persons, eq(persons.id, agendaItems.responsibleLeaderId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
}

export async function listAgendaUnits(db: Db, agendaItemIds: readonly string[]) {
  if (agendaItemIds.length === 0) return [];
  return db
    .select({
      agendaItemId: agendaItemUnits.agendaItemId,
      unitId: agendaItemUnits.unitId,
      isSubmitting: agendaItemUnits.isSubmitting,
      name: units.name,
      path: units.path,
    })
    .from(agendaItemUnits)
    .innerJoin(units, eq(units.id, agendaItemUnits.unitId))
    .where(inArray(agendaItemUnits.agendaItemId, [...agendaItemIds]))
    .orderBy(desc(agendaItemUnits.isSubmitting), asc(units.name));
}

export async function insertMaterial(tx: Db, row: typeof agendaMaterials.$inferInsert): Promise<void> {
  await tx.insert(agendaMaterials).values(row);
}

export async function findMaterial(db: Db, id: string): Promise<MaterialRow | null> {
  const [row] = await db.select().from(agendaMaterials).where(eq(agendaMaterials.id, id));
  return row ?? null;
}

export async function setLateDecision(
  tx: Db,
  id: string,
  set: { lateDecision: string; decidedBy: string; decidedAt: Date },
): Promise<MaterialRow> {
  const [row] = await tx.update(agendaMaterials).set(set).where(eq(agendaMaterials.id, id)).returning();
  if (!row) throw new Error('material not updated');
  return row;
}

export async function listMaterials(db: Db, agendaItemIds: readonly string[]): Promise<MaterialRow[]> {
  if (agendaItemIds.length === 0) return [];
  return db
    .select()
    .from(agendaMaterials)
    .where(inArray(agendaMaterials.agendaItemId, [...agendaItemIds]))
    .orderBy(asc(agendaMaterials.uploadedAt));
}

export async function insertAttendee(tx: Db, row: typeof agendaAttendees.$inferInsert): Promise<void> {
  await tx.insert(agendaAttendees).values(row);
}

export async function findAttendee(db: Db, id: string) {
  const [row] = await db.select().from(agendaAttendees).where(eq(agendaAttendees.id, id));
  return row ?? null;
}

export async function deleteAttendee(tx: Db, id: string): Promise<void> {
  await tx.delete(agendaAttendees).where(eq(agendaAttendees.id, id));
}

export async function listAttendees(db: Db, agendaItemIds: readonly string[]) {
  if (agendaItemIds.length === 0) return [];
  const unit = units;
  return db
    .select({
      id: agendaAttendees.id,
      agendaItemId: agendaAttendees.agendaItemId,
      personId: agendaAttendees.personId,
      personName: persons.name,
      personTitle: persons.title,
      unitId: agendaAttendees.unitId,
      unitName: unit.name,
      basis: agendaAttendees.basis,
    })
    .from(agendaAttendees)
    .innerJoin(persons, eq(persons.id, agendaAttendees.personId))
    .innerJoin(unit, eq(unit.id, agendaAttendees.unitId))
    .where(inArray(agendaAttendees.agendaItemId, [...agendaItemIds]))
    .orderBy(asc(agendaAttendees.createdAt));
}

export async function nextDecisionPosition(tx: Db, agendaItemId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${meetingDecisions.position})` })
    .from(meetingDecisions)
    .where(eq(meetingDecisions.agendaItemId, agendaItemId));
  return Number(row?.max ?? 0) + 1;
}

export async function insertDecision(tx: Db, row: typeof meetingDecisions.$inferInsert): Promise<void> {
  await tx.insert(meetingDecisions).values(row);
}

export async function findDecisionRow(db: Db, id: string, lock = false): Promise<DecisionRow | null> {
  const query = db.select().from(meetingDecisions).where(eq(meetingDecisions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateDecision(tx: Db, id: string, set: Partial<typeof meetingDecisions.$inferInsert>): Promise<void> {
  await tx.update(meetingDecisions).set(set).where(eq(meetingDecisions.id, id));
}

export async function listDecisions(db: Db, where: { meetingIds?: readonly string[]; ids?: readonly string[] }): Promise<DecisionRow[]> {
  const condition = where.ids
    ? inArray(meetingDecisions.id, [...where.ids])
    : inArray(meetingDecisions.meetingId, [...(where.meetingIds ?? [])]);
  if ((where.ids ?? where.meetingIds ?? []).length === 0) return [];
  return db.select().from(meetingDecisions).where(condition).orderBy(asc(meetingDecisions.agendaItemId), asc(meetingDecisions.position));
}

/** The live state of the items decisions became (status, light, deadline): read from the engine's table. */
export async function listItemStates(db: Db, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  return db
    .select({
      id: tasks.id,
      serialNumber: tasks.serialNumber,
      status: tasks.status,
      warningLevel: tasks.warningLevel,
      deadline: tasks.deadline,
    })
    .from(tasks)
    .where(inArray(tasks.id, [...taskIds]));
}

export async function findMinutes(db: Db, meetingId: string, lock = false): Promise<MinutesRow | null> {
  const query = db.select().from(meetingMinutes).where(eq(meetingMinutes.meetingId, meetingId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function listMinutes(db: Db, meetingIds: readonly string[]): Promise<MinutesRow[]> {
  if (meetingIds.length === 0) return [];
  return db
    .select()
    .from(meetingMinutes)
    .where(inArray(meetingMinutes.meetingId, [...meetingIds]));
}

export async function updateMinutes(tx: Db, meetingId: string, set: Partial<typeof meetingMinutes.$inferInsert>): Promise<void> {
  await tx.update(meetingMinutes).set(set).where(eq(meetingMinutes.meetingId, meetingId));
}

export async function countAgendaItems(db: Db, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: agendaItems.meetingId, n: sql<number>`count(*)::int` })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, [...meetingIds]))
    .groupBy(agendaItems.meetingId);
}
