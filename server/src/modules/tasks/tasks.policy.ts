/**
 * Who stands as which party on an item: the 督查室 of the supervising government (role supervisor, government in
 * scope), the lead unit (role unit_handler/unit_leader, lead unit in scope) or the item's 分管领导 (role
 * government_leader, linked to the responsible leader's person). The lifecycle rules then decide
 * what each party may do.
 */
import type { Actor } from '../../platform/context.js';
import { partyRoles, type ActorStanding, type ItemFacts, type PendingChange } from './tasks.rules.js';

export function standingOf(
  actor: Actor,
  task: { supervisingUnitPath: string; leadUnitPath: string; responsibleLeaderId: string | null },
): ActorStanding {
  const hasAny = (roles: readonly string[]) => roles.some((r) => (actor.roles as string[]).includes(r));
  return {
    isSupervisor: hasAny(partyRoles.supervisor) && task.supervisingUnitPath.startsWith(actor.scope.path),
    isLeadUnit: hasAny(partyRoles.lead_unit) && task.leadUnitPath.startsWith(actor.scope.path),
    isResponsibleLeader: hasAny(partyRoles.leader) && !!actor.personId && actor.personId === task.responsibleLeaderId,
  };
}

/** The facts beyond status that the lifecycle rules look at. */
export function factsOf(task: { pendingChange: string | null; responsibleLeaderId: string | null }): ItemFacts {
  return { pendingChange: task.pendingChange as PendingChange | null, hasResponsibleLeader: !!task.responsibleLeaderId };
}

/** Registering items is the 督查室's work. */
export function canRegisterTasks(actor: Actor): boolean {
  return actor.roles.includes('supervisor');
}
