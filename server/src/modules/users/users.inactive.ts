/**
 * 等保 S5 (8.1.4.2 c, 及时删除或停用多余的、过期的账户): an account nobody has signed in with for
 * ACCOUNT_INACTIVE_DISABLE_DAYS is disabled by the daily maintenance, its sessions ended, and the change audited as
 * `user.disabled` with the reason — so the accounts of people who moved post or left do not wait for someone to
 * remember them. The security administrator enables one again on 用户管理 when its owner comes back.
 *
 * Administrators (the 三员) are left alone: there are few of them, the security administrator reviews them by hand,
 * and disabling the last one would lock everyone out of administration.
 */
import { adminRoles } from '@luoshi/contracts';
import { and, isNull, lt, sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit-log.js';
import { systemContext, type Deps } from '../../platform/context.js';
import { deleteSessionsOfUser } from '../auth/index.js';

/** Disables the accounts idle past the limit; returns how many. 0 days = never. */
export async function disableInactiveAccounts(deps: Deps): Promise<number> {
  const days = deps.env.ACCOUNT_INACTIVE_DISABLE_DAYS;
  if (days <= 0) return 0;
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const ctx = systemContext(deps.clock, 'maintenance');
  return deps.database.db.transaction(async (tx) => {
    const idle = await tx
      .update(users)
      .set({ disabledAt: now, updatedAt: now, version: sql`${users.version} + 1` })
      .where(
        and(
          isNull(users.disabledAt),
          lt(sql`coalesce(${users.lastSignInAt}, ${users.createdAt})`, cutoff),
          sql`not (${users.roles} && ${sql.raw(`array[${adminRoles.map((r) => `'${r}'`).join(',')}]::text[]`)})`,
        ),
      )
      .returning({ id: users.id, username: users.username, lastSignInAt: users.lastSignInAt });
    for (const user of idle) {
      await deleteSessionsOfUser(tx, user.id);
      await recordAudit(deps, tx, ctx, {
        eventType: 'user.disabled',
        objectType: 'user',
        objectId: user.id,
        actorUsername: 'system',
        after: { username: user.username, reason: 'inactive', inactiveDays: days, lastSignInAt: user.lastSignInAt?.toISOString() ?? null },
      });
    }
    return idle.length;
  });
}
