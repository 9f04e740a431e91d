/** SQL for 延期申请. Visibility follows the item's (callers check the item first). */
import { and, desc, eq } from 'drizzle-orm';
import { extensionRequests, users } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

export type ExtensionRow = typeof extensionRequests.$inferSelect;

export async function listForTask(db: Db, taskId: string): Promise<ExtensionRow[]> {
  return db.select().from(extensionRequests).where(eq(extensionRequests.taskId, taskId)).orderBy(desc(extensionRequests.requestedAt));
}

export async function findById(db: Db, id: string, forUpdate = false): Promise<ExtensionRow | null> {
  const query = db.select().from(extensionRequests).where(eq(extensionRequests.id, id)).limit(1);
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

/** The person an account belongs to (a leader approves as the person named on the item). */
export async function personOfUser(db: Db, userId: string): Promise<string | null> {
  const rows = await db.select({ personId: users.personId }).from(users).where(eq(users.id, userId)).limit(1);
  return rows[0]?.personId ?? null;
}
