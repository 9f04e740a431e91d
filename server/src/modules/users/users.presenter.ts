import type { Role, UserAccount } from '@luoshi/contracts';
import type { UserWithScope } from './users.repository.js';

/** Never includes the password hash or the TOTP secret. */
export function presentUser(row: UserWithScope, now: Date): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    personId: row.personId,
    scopeUnitId: row.scopeUnitId,
    scopeUnitName: row.scopeUnitName,
    roles: row.roles as Role[],
    isTotpEnabled: row.totpEnabledAt !== null,
    isDisabled: row.disabledAt !== null,
    isLocked: !!row.lockedUntil && row.lockedUntil > now,
    mustChangePassword: row.mustChangePassword,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    version: row.version,
  };
}
