/**
 * SQL of unit aliases. Look-ups go through the unit's scope path, like every organisation read: an alias of a unit
 * outside the caller's scope resolves to nothing for that caller.
 */
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { divisions, unitAliases, units } from '../../../db/schema/index.js';
import type { Db } from '../../../platform/db.js';
import type { Scope } from '../../../platform/scope.js';

export type UnitAliasRow = typeof unitAliases.$inferSelect;

export async function listAliasesOfUnit(db: Db, unitId: string): Promise<UnitAliasRow[]> {
  return db.select().from(unitAliases).where(eq(unitAliases.unitId, unitId)).orderBy(asc(unitAliases.alias));
}

/** Inserts the aliases not yet taken; answers those inserted. */
export async function insertAliases(db: Db, rows: { unitId: string; alias: string; createdBy: string | null }[]): Promise<UnitAliasRow[]> {
  const out: UnitAliasRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    out.push(
      ...(await db
        .insert(unitAliases)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning()),
    );
  }
  return out;
}

export async function deleteAlias(db: Db, unitId: string, alias: string): Promise<boolean> {
  const rows = await db
    .delete(unitAliases)
    .where(and(eq(unitAliases.unitId, unitId), eq(unitAliases.alias, alias)))
    .returning({ alias: unitAliases.alias });
  return rows.length > 0;
}

export async function countAliases(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(unitAliases);
  return rows[0]?.n ?? 0;
}

/** Whether some enabled or disabled unit is called `name` (full or short): such a name cannot be an alias. */
export async function isUnitName(db: Db, name: string): Promise<boolean> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(or(eq(units.name, name), eq(units.shortName, name)))
    .limit(1);
  return rows.length > 0;
}

/** A unit as name matching sees it. */
export interface UnitForMatching {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  /** The division level (province | prefecture | county | township). */
  level: string;
  parentId: string | null;
  depth: number;
}

/** Enabled units in scope called one of `names` by name, short name or alias (`matchedBy` says which name). */
export async function findUnitsByAnyName(db: Db, scope: Scope, names: string[]): Promise<(UnitForMatching & { matchedBy: string })[]> {
  if (names.length === 0) return [];
  const select = {
    id: units.id,
    name: units.name,
    shortName: units.shortName,
    kind: units.kind,
    level: divisions.level,
    parentId: units.parentId,
    depth: units.depth,
  };
  const live = and(like(units.path, `${scope.path}%`), sql`${units.disabledAt} is null`);
  const direct = await db
    .select(select)
    .from(units)
    .innerJoin(divisions, eq(divisions.code, units.divisionCode))
    .where(and(live, or(inArray(units.name, names), inArray(units.shortName, names))));
  const aliased = await db
    .select({ ...select, alias: unitAliases.alias })
    .from(unitAliases)
    .innerJoin(units, eq(units.id, unitAliases.unitId))
    .innerJoin(divisions, eq(divisions.code, units.divisionCode))
    .where(and(live, inArray(unitAliases.alias, names)));
  return [
    ...direct.flatMap((u) =>
      [u.name, u.shortName].filter((n) => n !== null && names.includes(n)).map((n) => ({ ...u, matchedBy: n ?? u.name })),
    ),
    ...aliased.map(({ alias, ...u }) => ({ ...u, matchedBy: alias })),
  ];
}

/** Enabled units in scope other than internal divisions, for candidates and collective names (bounded). */
export async function listUnitsForMatching(db: Db, scope: Scope, limit: number): Promise<UnitForMatching[]> {
  return db
    .select({
      id: units.id,
      name: units.name,
      shortName: units.shortName,
      kind: units.kind,
      level: divisions.level,
      parentId: units.parentId,
      depth: units.depth,
    })
    .from(units)
    .innerJoin(divisions, eq(divisions.code, units.divisionCode))
    .where(and(like(units.path, `${scope.path}%`), sql`${units.disabledAt} is null`, sql`${units.kind} <> 'internal_division'`))
    .orderBy(asc(units.depth), asc(units.sortOrder), asc(units.name))
    .limit(limit);
}

/** Every unit with its division level, for deriving the standard aliases. */
export async function listAllUnitsForAliases(db: Db) {
  return db
    .select({ id: units.id, name: units.name, shortName: units.shortName, kind: units.kind, level: divisions.level })
    .from(units)
    .innerJoin(divisions, eq(divisions.code, units.divisionCode));
}
