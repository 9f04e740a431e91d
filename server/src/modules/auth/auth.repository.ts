/** SQL for accounts, sessions and sign-in throttles. No rules here. */
import { and, eq, lt, sql } from 'drizzle-orm';
import { sessions, signInThrottles, units, users } from '../../db/schema/index.js';
import { preparedOnce, type Db } from '../../platform/db.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ThrottleRow = typeof signInThrottles.$inferSelect;

export async function findUserByKey(db: Db, key: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.usernameKey, key)).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
  scopePath: string;
  scopeUnitName: string;
}

export async function findSessionWithUser(db: Db, sessionId: string): Promise<SessionWithUser | null> {
  // In front of every request: prepared once (platform/db.ts preparedOnce).
  const lookup = preparedOnce(db, 'luoshi_find_session_with_user', (d) =>
    d
      .select({ session: sessions, user: users, scopePath: units.path, scopeUnitName: units.name })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(units, eq(units.id, users.scopeUnitId))
      .where(eq(sessions.id, sql.placeholder('sessionId')))
      .limit(1)
      .prepare('luoshi_find_session_with_user'),
  );
  const rows = await lookup.execute({ sessionId });
  return rows[0] ?? null;
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function updateSessionStage(db: Db, sessionId: string, stage: string): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
}

export async function touchSession(db: Db, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Kills every session of a user (sign-out elsewhere, disabling, password reset). */
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, idleBefore: Date, now: Date): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(sql`${sessions.lastSeenAt} < ${idleBefore} or ${sessions.absoluteExpiresAt} <= ${now}`)
    .returning({ id: sessions.id });
  return removed.length;
}

export async function findThrottle(db: Db, key: string): Promise<ThrottleRow | null> {
  const rows = await db.select().from(signInThrottles).where(eq(signInThrottles.usernameKey, key)).limit(1);
  return rows[0] ?? null;
}

/**
 * The account's throttle row, locked until the transaction ends (made first, with no failures, if there is none), so
 * that failures counted at the same time are counted one after the other.
 */
export async function lockThrottle(tx: Db, key: string, now: Date): Promise<ThrottleRow> {
  await tx
    .insert(signInThrottles)
    .values({ usernameKey: key, failureCount: 0, lastFailureAt: now, lockedUntil: null })
    .onConflictDoNothing();
  const rows = await tx.select().from(signInThrottles).where(eq(signInThrottles.usernameKey, key)).for('update');
  const row = rows[0];
  if (!row) throw new Error('sign-in throttle row vanished inside its transaction');
  return row;
}

export async function saveThrottle(db: Db, row: ThrottleRow): Promise<void> {
  await db
    .insert(signInThrottles)
    .values(row)
    .onConflictDoUpdate({
      target: signInThrottles.usernameKey,
      set: { failureCount: row.failureCount, lastFailureAt: row.lastFailureAt, lockedUntil: row.lockedUntil },
    });
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.usernameKey, key));
}

export async function deleteStaleThrottles(db: Db, before: Date): Promise<void> {
  await db.delete(signInThrottles).where(and(lt(signInThrottles.lastFailureAt, before)));
}

export async function updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}
