/**
 * SQL for the organisation. Every read and write takes the caller's scope path first and only touches units in
 * that subtree, so a record outside the scope is indistinguishable from a missing one.
 */
import type { Scope } from '../../platform/scope.js';
import { and, asc, eq, ilike, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { divisions, leaderOversees, persons, posts, unitAliases, units } from '../../db/schema/index.js';
import { executeRows, type Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';

export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof persons.$inferSelect;
export type PostRow = typeof posts.$inferSelect;

export interface UnitWithCounts extends UnitRow {
  divisionName: string;
  childCount: number;
}

const inScope = (scope: Scope) => like(units.path, `${scope.path}%`);

const unitColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  divisionCode: units.divisionCode,
  parentId: units.parentId,
  path: units.path,
  depth: units.depth,
  sortOrder: units.sortOrder,
  isSupervisionOffice: units.isSupervisionOffice,
  version: units.version,
  createdAt: units.createdAt,
  updatedAt: units.updatedAt,
  disabledAt: units.disabledAt,
  divisionName: divisions.name,
  childCount: sql<number>`(select count(*)::int from units c where c.parent_id = ${units.id})`.mapWith(Number),
};

function selectUnits(db: Db) {
  return db.select(unitColumns).from(units).innerJoin(divisions, eq(divisions.code, units.divisionCode));
}

export async function findUnitInScope(db: Db, scope: Scope, id: string): Promise<UnitWithCounts | null> {
  const rows = await selectUnits(db)
    .where(and(eq(units.id, id), inScope(scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findUnitByPath(db: Db, path: string): Promise<UnitWithCounts | null> {
  const rows = await selectUnits(db).where(eq(units.path, path)).limit(1);
  return rows[0] ?? null;
}

export async function listChildUnits(db: Db, scope: Scope, parentId: string): Promise<UnitWithCounts[]> {
  return selectUnits(db)
    .where(and(eq(units.parentId, parentId), inScope(scope)))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/** Units in scope whose name, short name or an alias (省发改委, 大理州) contains `q`: pickers find what people type. */
export async function searchUnits(db: Db, scope: Scope, q: string, limit: number): Promise<UnitWithCounts[]> {
  const pattern = `%${likeEscape(q)}%`;
  return selectUnits(db)
    .where(
      and(
        inScope(scope),
        or(
          ilike(units.name, pattern),
          ilike(units.shortName, pattern),
          sql`exists (select 1 from ${unitAliases} a where a.unit_id = ${units.id} and a.alias ilike ${pattern})`,
        ),
      ),
    )
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name))
    .limit(limit);
}

export async function countUnitsInScope(db: Db, scope: Scope, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(units)
    .where(and(inArray(units.id, ids), inScope(scope)));
  return rows[0]?.n ?? 0;
}

export async function insertUnit(db: Db, row: typeof units.$inferInsert): Promise<void> {
  await db.insert(units).values(row);
}

/** Applies the patch only if the version still matches; returns false when it does not. */
export async function updateUnitVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof units.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(units)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(units.id, id), eq(units.version, version)))
    .returning({ id: units.id });
  return rows.length === 1;
}

export async function countActiveMembers(db: Db, unitId: string): Promise<number> {
  const rows = await executeRows<{ n: number | string }>(
    db,
    sql`select
      (select count(*) from units where parent_id = ${unitId} and disabled_at is null) +
      (select count(*) from persons where unit_id = ${unitId} and disabled_at is null) as n`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function findDivision(db: Db, code: string) {
  const rows = await db.select().from(divisions).where(eq(divisions.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function listDivisions(db: Db, parentCode: string | null) {
  return db
    .select()
    .from(divisions)
    .where(parentCode ? eq(divisions.parentCode, parentCode) : isNull(divisions.parentCode))
    .orderBy(asc(divisions.code));
}

// ── people ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PersonWithUnit extends PersonRow {
  unitName: string;
  overseenUnitIds: string[];
}

const personColumns = {
  id: persons.id,
  unitId: persons.unitId,
  name: persons.name,
  title: persons.title,
  phone: persons.phone,
  email: persons.email,
  isLeader: persons.isLeader,
  oversightAreas: persons.oversightAreas,
  absentFrom: persons.absentFrom,
  absentUntil: persons.absentUntil,
  absenceReason: persons.absenceReason,
  version: persons.version,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
  disabledAt: persons.disabledAt,
  unitName: units.name,
  overseenUnitIds: sql<
    string[]
  >`coalesce((select array_agg(o.unit_id::text order by o.unit_id) from leader_oversees o where o.leader_id = ${persons.id}), '{}')`,
};

export interface PersonFilter {
  unitId?: string;
  unitPath?: string;
  isLeader?: boolean;
  q?: string;
}

export async function listPersons(db: Db, scope: Scope, filter: PersonFilter, limit: number): Promise<PersonWithUnit[]> {
  const conditions = [inScope(scope)];
  if (filter.unitPath) conditions.push(like(units.path, `${filter.unitPath}%`));
  else if (filter.unitId) conditions.push(eq(persons.unitId, filter.unitId));
  if (filter.isLeader !== undefined) conditions.push(eq(persons.isLeader, filter.isLeader));
  if (filter.q) conditions.push(ilike(persons.name, `%${likeEscape(filter.q)}%`));
  return db
    .select(personColumns)
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(and(...conditions))
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(persons.createdAt))
    .limit(limit);
}

export async function findPersonInScope(db: Db, scope: Scope, id: string): Promise<PersonWithUnit | null> {
  const rows = await db
    .select(personColumns)
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(and(eq(persons.id, id), inScope(scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertPerson(db: Db, row: typeof persons.$inferInsert): Promise<void> {
  await db.insert(persons).values(row);
}

export async function updatePersonVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof persons.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(persons)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(persons.id, id), eq(persons.version, version)))
    .returning({ id: persons.id });
  return rows.length === 1;
}

export async function replaceOverseenUnits(db: Db, leaderId: string, unitIds: string[]): Promise<void> {
  await db.delete(leaderOversees).where(eq(leaderOversees.leaderId, leaderId));
  if (unitIds.length) await db.insert(leaderOversees).values(unitIds.map((unitId) => ({ leaderId, unitId })));
}

// ── posts ─────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PostWithHolders extends PostRow {
  primaryHolderName: string | null;
  backupHolderName: string | null;
}

const postColumns = {
  id: posts.id,
  unitId: posts.unitId,
  name: posts.name,
  primaryHolderId: posts.primaryHolderId,
  backupHolderId: posts.backupHolderId,
  version: posts.version,
  createdAt: posts.createdAt,
  updatedAt: posts.updatedAt,
  primaryHolderName: sql<string | null>`(select p.name from persons p where p.id = ${posts.primaryHolderId})`,
  backupHolderName: sql<string | null>`(select p.name from persons p where p.id = ${posts.backupHolderId})`,
};

export async function listPosts(db: Db, scope: Scope, unitId: string): Promise<PostWithHolders[]> {
  return db
    .select(postColumns)
    .from(posts)
    .innerJoin(units, eq(units.id, posts.unitId))
    .where(and(eq(posts.unitId, unitId), inScope(scope)))
    .orderBy(asc(posts.createdAt));
}

export async function findPostInScope(db: Db, scope: Scope, id: string): Promise<PostWithHolders | null> {
  const rows = await db
    .select(postColumns)
    .from(posts)
    .innerJoin(units, eq(units.id, posts.unitId))
    .where(and(eq(posts.id, id), inScope(scope)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertPost(db: Db, row: typeof posts.$inferInsert): Promise<void> {
  await db.insert(posts).values(row);
}

export async function updatePostVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof posts.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(posts)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(posts.id, id), eq(posts.version, version)))
    .returning({ id: posts.id });
  return rows.length === 1;
}

export async function personsOfUnit(db: Db, unitId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(persons)
    .where(and(eq(persons.unitId, unitId), inArray(persons.id, ids)));
  return rows[0]?.n ?? 0;
}

/** The B角 of the person's post (the first post where they are A角 and a B角 is set), as the items show it. */
export async function backupOf(db: Db, personId: string): Promise<{ id: string; name: string } | null> {
  const rows = await db
    .select({ id: persons.id, name: persons.name })
    .from(posts)
    .innerJoin(persons, eq(persons.id, posts.backupHolderId))
    .where(eq(posts.primaryHolderId, personId))
    .orderBy(asc(posts.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Enabled leaders in scope with their title and 分管 areas, for matching a 责任领导 cell (bounded). */
export async function listLeadersForMatching(
  db: Db,
  scope: Scope,
  limit: number,
): Promise<{ id: string; name: string; title: string | null; oversightAreas: string | null }[]> {
  return db
    .select({ id: persons.id, name: persons.name, title: persons.title, oversightAreas: persons.oversightAreas })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(and(eq(persons.isLeader, true), isNull(persons.disabledAt), inScope(scope)))
    .orderBy(asc(units.depth), asc(persons.name))
    .limit(limit);
}
