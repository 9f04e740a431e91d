/** SQL of the 专家库 only: experts, draws and opinions of the libraries (governments) in the reader's scope. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { expertDraws, expertOpinions, experts, units } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';
import type { Scope } from '../../platform/scope.js';

export type ExpertRow = typeof experts.$inferSelect;
export type DrawRow = typeof expertDraws.$inferSelect;

function ownerInScope(scope: Scope, ownerColumn: typeof experts.ownerUnitId | typeof expertDraws.ownerUnitId) {
  return sql`exists (select 1 from ${units} o where o.id = ${ownerColumn} and o.path like ${`${likeEscape(scope.path)}%`})`;
}

export async function listExperts(db: Db, scope: Scope): Promise<ExpertRow[]> {
  return db.select().from(experts).where(ownerInScope(scope, experts.ownerUnitId)).orderBy(experts.name).limit(2000);
}

export async function findExpert(db: Db, scope: Scope, id: string): Promise<ExpertRow | null> {
  const [row] = await db
    .select()
    .from(experts)
    .where(and(eq(experts.id, id), ownerInScope(scope, experts.ownerUnitId)));
  return row ?? null;
}

export async function expertsOf(db: Db, ownerUnitId: string): Promise<ExpertRow[]> {
  return db.select().from(experts).where(eq(experts.ownerUnitId, ownerUnitId));
}

export async function insertExpert(tx: Db, row: typeof experts.$inferInsert): Promise<void> {
  await tx.insert(experts).values(row);
}

export async function updateExpert(tx: Db, id: string, set: Partial<typeof experts.$inferInsert>): Promise<void> {
  await tx.update(experts).set(set).where(eq(experts.id, id));
}

/** How many times each expert of the library was drawn in `year`. */
export async function drawCounts(db: Db, ownerUnitIds: readonly string[], year: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ownerUnitIds.length === 0) return counts;
  const rows = await db
    .select({ drawn: expertDraws.drawn })
    .from(expertDraws)
    .where(and(inArray(expertDraws.ownerUnitId, [...ownerUnitIds]), eq(expertDraws.year, year)));
  for (const row of rows) for (const id of row.drawn) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Serialises draws of one library (the counts of this year must not race): a row lock on its government. */
export async function lockLibrary(tx: Db, ownerUnitId: string): Promise<void> {
  await tx.select({ id: units.id }).from(units).where(eq(units.id, ownerUnitId)).for('update');
}

export async function insertDraw(tx: Db, row: typeof expertDraws.$inferInsert): Promise<void> {
  await tx.insert(expertDraws).values(row);
}

export async function findDraw(db: Db, scope: Scope, id: string): Promise<DrawRow | null> {
  const [row] = await db
    .select()
    .from(expertDraws)
    .where(and(eq(expertDraws.id, id), ownerInScope(scope, expertDraws.ownerUnitId)));
  return row ?? null;
}

export async function listDraws(db: Db, scope: Scope): Promise<DrawRow[]> {
  return db.select().from(expertDraws).where(ownerInScope(scope, expertDraws.ownerUnitId)).orderBy(desc(expertDraws.createdAt)).limit(200);
}

export async function expertsByIds(db: Db, ids: readonly string[]): Promise<ExpertRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(experts)
    .where(inArray(experts.id, [...ids]));
}

export async function opinionsOf(db: Db, drawIds: readonly string[]) {
  if (drawIds.length === 0) return [];
  return db
    .select()
    .from(expertOpinions)
    .where(inArray(expertOpinions.drawId, [...drawIds]));
}

export async function upsertOpinion(tx: Db, row: typeof expertOpinions.$inferInsert): Promise<void> {
  await tx
    .insert(expertOpinions)
    .values(row)
    .onConflictDoUpdate({
      target: [expertOpinions.drawId, expertOpinions.expertId],
      set: { opinion: row.opinion, enteredBy: row.enteredBy, enteredAt: row.enteredAt },
    });
}

export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
