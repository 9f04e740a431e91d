/** SQL for cooperating units' duties and contributions and for 协调请求 (callers check the item's visibility first). */
import type { Scope } from '../../platform/scope.js';
import { taskVisibleIn } from '../tasks/index.js';
import { and, asc, desc, eq } from 'drizzle-orm';
import { coordinationRequests, taskCooperations, units } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

export type CoordinationRow = typeof coordinationRequests.$inferSelect;

export async function listCooperations(db: Db, taskId: string) {
  return db
    .select({ cooperation: taskCooperations, unitName: units.name, unitPath: units.path })
    .from(taskCooperations)
    .innerJoin(units, eq(units.id, taskCooperations.unitId))
    .where(eq(taskCooperations.taskId, taskId))
    .orderBy(asc(units.depth), asc(units.sortOrder));
}

export async function updateCooperation(
  tx: Db,
  taskId: string,
  unitId: string,
  patch: Partial<typeof taskCooperations.$inferInsert>,
): Promise<boolean> {
  const rows = await tx
    .update(taskCooperations)
    .set(patch)
    .where(and(eq(taskCooperations.taskId, taskId), eq(taskCooperations.unitId, unitId)))
    .returning({ unitId: taskCooperations.unitId });
  return rows.length === 1;
}

export async function listCoordination(db: Db, taskId: string) {
  return db
    .select({ request: coordinationRequests, unitName: units.name })
    .from(coordinationRequests)
    .innerJoin(units, eq(units.id, coordinationRequests.raisedByUnitId))
    .where(eq(coordinationRequests.taskId, taskId))
    .orderBy(desc(coordinationRequests.raisedAt));
}

/** The request (locked) when its item lies in `scope`. */
export async function findCoordination(db: Db, scope: Scope, id: string): Promise<CoordinationRow | null> {
  const rows = await db
    .select()
    .from(coordinationRequests)
    .where(and(eq(coordinationRequests.id, id), taskVisibleIn(scope, coordinationRequests.taskId)))
    .limit(1)
    .for('update');
  return rows[0] ?? null;
}

export async function insertCoordination(tx: Db, row: typeof coordinationRequests.$inferInsert): Promise<void> {
  await tx.insert(coordinationRequests).values(row);
}

export async function updateCoordination(tx: Db, id: string, patch: Partial<typeof coordinationRequests.$inferInsert>): Promise<void> {
  await tx.update(coordinationRequests).set(patch).where(eq(coordinationRequests.id, id));
}
