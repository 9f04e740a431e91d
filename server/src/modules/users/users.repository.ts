/** SQL for account administration, scoped by the administrator's subtree (of the account's scope unit). */
import type { Scope } from '../../platform/scope.js';
import { and, asc, eq, ilike, like, or, sql } from 'drizzle-orm';
import { signInThrottles, units, users } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';

export type UserRow = typeof users.$inferSelect;
export interface UserWithScope extends UserRow {
  scopeUnitName: string;
  lockedUntil: Date | null;
}

const columns = {
  id: users.id,
  username: users.username,
  usernameKey: users.usernameKey,
  displayName: users.displayName,
  personId: users.personId,
  scopeUnitId: users.scopeUnitId,
  roles: users.roles,
  passwordHash: users.passwordHash,
  passwordChangedAt: users.passwordChangedAt,
  mustChangePassword: users.mustChangePassword,
  totpSecret: users.totpSecret,
  totpEnabledAt: users.totpEnabledAt,
  totpLastStep: users.totpLastStep,
  isDemo: users.isDemo,
  disabledAt: users.disabledAt,
  lastSignInAt: users.lastSignInAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  scopeUnitName: units.name,
  lockedUntil: signInThrottles.lockedUntil,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(users)
    .innerJoin(units, eq(units.id, users.scopeUnitId))
    .leftJoin(signInThrottles, eq(signInThrottles.usernameKey, users.usernameKey));
}

export async function listUsers(
  db: Db,
  scope: Scope,
  filter: { q?: string; scopeUnitPath?: string },
  limit: number,
): Promise<UserWithScope[]> {
  const conditions = [like(units.path, `${filter.scopeUnitPath ?? scope.path}%`)];
  if (filter.scopeUnitPath) conditions.push(like(units.path, `${scope.path}%`));
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    const match = or(ilike(users.username, pattern), ilike(users.displayName, pattern));
    if (match) conditions.push(match);
  }
  return base(db)
    .where(and(...conditions))
    .orderBy(asc(units.depth), asc(users.username))
    .limit(limit);
}

export async function findUserInScope(db: Db, scope: Scope, id: string): Promise<UserWithScope | null> {
  const rows = await base(db)
    .where(and(eq(users.id, id), like(units.path, `${scope.path}%`)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUserVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function bumpUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(eq(users.id, id));
}
