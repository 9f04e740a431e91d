/**
 * Who may change the organisation. Reading is open to every signed-in user within their scope (the repositories
 * enforce the scope); changing units, people, posts and 分管 is the system administrator's job (三员: not the
 * security or audit administrator's).
 */
import type { Actor } from '../../platform/context.js';

export function canManageOrg(actor: Actor): boolean {
  return actor.roles.includes('system_admin');
}

/**
 * Marking someone absent (A角 on leave or travelling) is the unit's own business: its handlers and leaders may
 * do it for their people, and the system administrator may do it for anyone in scope.
 */
export function canMarkAbsence(actor: Actor, personUnitPath: string): boolean {
  if (actor.roles.includes('system_admin')) return true;
  return (actor.roles.includes('unit_leader') || actor.roles.includes('unit_handler')) && personUnitPath.startsWith(actor.scope.path);
}
