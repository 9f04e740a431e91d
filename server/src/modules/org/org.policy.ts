/**
 * Who may change the organisation. Reading is open to every signed-in user within their scope (the repositories
 * enforce the scope); changing units, people, posts and 分管 is the system administrator's job (三员: not the
 * security or audit administrator's).
 */
import type { Actor } from '../../platform/context.js';

export function canManageOrg(actor: Actor): boolean {
  return actor.roles.includes('system_admin');
}
