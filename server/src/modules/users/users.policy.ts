/**
 * Account administration belongs to the security administrator (安全管理员) alone: the system administrator runs
 * the organisation, the audit administrator only reads the log (三员分立, 等保 8.1.4.2 d).
 */
import { breaksRoleSeparation, type Role } from '@luoshi/contracts';
import type { Actor } from '../../platform/context.js';

export function canManageAccounts(actor: Actor): boolean {
  return actor.roles.includes('security_admin');
}

/** True when this set of roles may be held by one account. */
export function isRoleSetAllowed(roles: readonly Role[]): boolean {
  return !breaksRoleSeparation(roles);
}
