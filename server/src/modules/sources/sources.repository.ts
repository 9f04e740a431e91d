/**
 * The source registry (`task_deadline_defaults`) and the governments' item number patterns. The registry is not
 * org-scoped (one list for the whole system); the number patterns are, per government, and their reads take a scope.
 */
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { divisions, taskNumberPatterns, taskSources, tasks, units } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import type { Scope } from '../../platform/scope.js';
import { likeEscape } from '../../platform/sql.js';

export type SourceRow = typeof taskSources.$inferSelect;
export type SourceInsert = typeof taskSources.$inferInsert;

export async function listSourceRows(db: Db): Promise<SourceRow[]> {
  return db.select().from(taskSources).orderBy(asc(taskSources.position), asc(taskSources.source));
}

export async function findSourceRow(db: Db, code: string, options: { forUpdate?: boolean } = {}): Promise<SourceRow | null> {
  const query = db.select().from(taskSources).where(eq(taskSources.source, code)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** Inserts a new source; false when the code is taken (so the caller answers SOURCE_CODE_TAKEN, not a 500). */
export async function insertSourceRow(tx: Db, row: SourceInsert): Promise<boolean> {
  const inserted = await tx.insert(taskSources).values(row).onConflictDoNothing().returning({ source: taskSources.source });
  return inserted.length === 1;
}

export async function updateSourceRow(tx: Db, code: string, patch: Partial<SourceInsert>): Promise<void> {
  await tx.update(taskSources).set(patch).where(eq(taskSources.source, code));
}

/** The place after the last source, so a new one is listed last. */
export async function nextSourcePosition(tx: Db): Promise<number> {
  const rows = await tx.select({ last: sql<number | null>`max(${taskSources.position})` }).from(taskSources);
  return Math.min(Number(rows[0]?.last ?? 0) + 10, 32_000);
}

/**
 * Marks the lights of the source's open items stale, so the next housekeeping run recomputes them with the
 * source's new thresholds (the light itself is the warnings module's to compute).
 */
export async function markOpenLightsStale(tx: Db, code: string): Promise<void> {
  await tx
    .update(tasks)
    .set({ warningOn: null })
    .where(sql`${tasks.source} = ${code} and ${tasks.status} in ('assigned', 'accepted', 'in_progress')`);
}

/** The government's own pattern, or null when it uses the default. */
export async function findNumberPattern(db: Db, unitId: string): Promise<string | null> {
  const rows = await db
    .select({ pattern: taskNumberPatterns.pattern })
    .from(taskNumberPatterns)
    .where(eq(taskNumberPatterns.unitId, unitId))
    .limit(1);
  return rows[0]?.pattern ?? null;
}

export async function upsertNumberPattern(tx: Db, unitId: string, pattern: string, at: Date): Promise<void> {
  await tx
    .insert(taskNumberPatterns)
    .values({ unitId, pattern, updatedAt: at })
    .onConflictDoUpdate({ target: taskNumberPatterns.unitId, set: { pattern, updatedAt: at } });
}

/** The name and division level of a unit (what its number prefix is made from); null when there is no such unit. */
export async function findUnitNaming(db: Db, unitId: string): Promise<{ name: string; level: string | null } | null> {
  const rows = await db
    .select({ name: units.name, level: divisions.level })
    .from(units)
    .leftJoin(divisions, eq(divisions.code, units.divisionCode))
    .where(eq(units.id, unitId))
    .limit(1);
  return rows[0] ?? null;
}

/** Governments (the units that number items) in scope, each with its own pattern if it set one; by tree order. */
export async function listGovernmentPatterns(
  db: Db,
  scope: Scope,
): Promise<{ unitId: string; unitName: string; level: string | null; pattern: string | null }[]> {
  return db
    .select({ unitId: units.id, unitName: units.name, level: divisions.level, pattern: taskNumberPatterns.pattern })
    .from(units)
    .leftJoin(divisions, eq(divisions.code, units.divisionCode))
    .leftJoin(taskNumberPatterns, eq(taskNumberPatterns.unitId, units.id))
    .where(and(eq(units.kind, 'government'), like(units.path, `${likeEscape(scope.path)}%`)))
    .orderBy(asc(units.depth), asc(units.path));
}

/** The government in scope with this id, or null (outside the scope, not a government, or no such unit). */
export async function findGovernmentInScope(
  db: Db,
  scope: Scope,
  unitId: string,
): Promise<{ id: string; name: string; level: string | null } | null> {
  const rows = await db
    .select({ id: units.id, name: units.name, level: divisions.level })
    .from(units)
    .leftJoin(divisions, eq(divisions.code, units.divisionCode))
    .where(and(eq(units.id, unitId), eq(units.kind, 'government'), like(units.path, `${likeEscape(scope.path)}%`)))
    .limit(1);
  return rows[0] ?? null;
}
