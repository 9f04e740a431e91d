/**
 * Who stands as which party on an item: the 督查室 of the supervising government (role supervisor, government in
 * scope) or the lead unit (role unit_handler/unit_leader, lead unit in scope). The lifecycle rules then decide
 * what each party may do.
 */
import type { Actor } from '../../platform/context.js';
import { partyRoles, type ActorStanding } from './tasks.rules.js';

export function standingOf(actor: Actor, task: { supervisingUnitPath: string; leadUnitPath: string }): ActorStanding {
  const hasAny = (roles: readonly string[]) => roles.some((r) => (actor.roles as string[]).includes(r));
  return {
    isSupervisor: hasAny(partyRoles.supervisor) && task.supervisingUnitPath.startsWith(actor.scopePath),
    isLeadUnit: hasAny(partyRoles.lead_unit) && task.leadUnitPath.startsWith(actor.scopePath),
  };
}

/** Registering items is the 督查室's work. */
export function canRegisterTasks(actor: Actor): boolean {
  return actor.roles.includes('supervisor');
}
