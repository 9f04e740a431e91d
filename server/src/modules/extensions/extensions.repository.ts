/** SQL for 延期申请. Visibility follows the item's (callers check the item first). */
import type { Scope } from '../../platform/scope.js';
import { taskVisibleIn } from '../tasks/index.js';
import { and, desc, eq } from 'drizzle-orm';
import { extensionRequests } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

export type ExtensionRow = typeof extensionRequests.$inferSelect;

export async function listForTask(db: Db, taskId: string): Promise<ExtensionRow[]> {
  return db.select().from(extensionRequests).where(eq(extensionRequests.taskId, taskId)).orderBy(desc(extensionRequests.requestedAt));
}

/** The request when its item lies in `scope`. */
export async function findById(db: Db, scope: Scope, id: string, forUpdate = false): Promise<ExtensionRow | null> {
  const query = db
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.id, id), taskVisibleIn(scope, extensionRequests.taskId)))
    .limit(1);
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function insert(tx: Db, row: typeof extensionRequests.$inferInsert): Promise<void> {
  await tx.insert(extensionRequests).values(row);
}

export async function update(tx: Db, id: string, patch: Partial<typeof extensionRequests.$inferInsert>): Promise<void> {
  await tx
    .update(extensionRequests)
    .set(patch)
    .where(and(eq(extensionRequests.id, id)));
}
