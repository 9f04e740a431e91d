/**
 * Who stands as which party on an item: the 督查室 of the supervising government (role supervisor, government in
 * scope), the lead unit, or the item's 分管领导 (role government_leader, linked to the responsible leader's person).
 * The lifecycle rules then decide what each party may do.
 *
 * Who acts for the lead unit (issue 13 item 7). Under 一级督一级 the lead unit is often a 州市 or county government,
 * whose own staff with an account are its 督查室 — so these act for it, and nobody has to be given a second role:
 * - the lead unit's own people: unit_handler / unit_leader whose scope holds the lead unit;
 * - by default for a government: the 督查员 of the lead unit itself (scope = the lead unit) act as 承办 — unless the
 *   lead unit is also the supervising government, where the 督查室 would approve its own work;
 * - the item's named 承办人 (指定承办人, chosen by the lead unit's leader or 督查室), with a unit or 督查员 role.
 */
import type { Actor } from '../../platform/context.js';
import { partyRoles, type ActorStanding, type ItemFacts, type PendingChange } from './tasks.rules.js';

/** What the standing looks at; `leadUnitId`, `supervisingUnitId` and `handlerId` come with every item row. */
export interface PartiesOfItem {
  supervisingUnitPath: string;
  leadUnitPath: string;
  responsibleLeaderId: string | null;
  leadUnitId?: string;
  supervisingUnitId?: string;
  handlerId?: string | null;
}

/** How the actor acts for the lead unit, or null: their unit's staff, its government's 督查室, or the named 承办人. */
export type LeadActing = 'unit_staff' | 'supervision_office' | 'handler';

export function leadActingOf(actor: Actor, task: PartiesOfItem): LeadActing | null {
  const roles = actor.roles as string[];
  const hasAny = (list: readonly string[]) => list.some((r) => roles.includes(r));
  if (hasAny(partyRoles.lead_unit) && task.leadUnitPath.startsWith(actor.scope.path)) return 'unit_staff';
  const isOffice = hasAny(partyRoles.supervisor);
  if (!!actor.personId && actor.personId === task.handlerId && (isOffice || hasAny(partyRoles.lead_unit))) return 'handler';
  const ownGovernment = !!task.leadUnitId && actor.scope.unitId === task.leadUnitId;
  if (isOffice && ownGovernment && task.supervisingUnitId !== task.leadUnitId) return 'supervision_office';
  return null;
}

export function standingOf(actor: Actor, task: PartiesOfItem): ActorStanding {
  const hasAny = (roles: readonly string[]) => roles.some((r) => (actor.roles as string[]).includes(r));
  return {
    isSupervisor: hasAny(partyRoles.supervisor) && task.supervisingUnitPath.startsWith(actor.scope.path),
    isLeadUnit: leadActingOf(actor, task) !== null,
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
