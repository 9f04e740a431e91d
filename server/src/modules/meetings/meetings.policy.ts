/**
 * Who may do what with a meeting — pure functions of the actor and the convening government's path.
 * - 会务 staff (meeting_staff) and the 督查室 (supervisor) of a government at or above it organise its meetings: convene,
 *   agenda, leaders, attendance, record, decisions, minutes; and decide on late materials.
 * - Only the 督查室 turns a decision into 督办事项 (it registers and supervises items everywhere else too).
 * - A concerned unit's people upload materials and register attendees for their own unit; its 单位负责人 may register
 *   someone who is not in the leadership as the unit's representative.
 * - Only the agenda item's responsible leader signs it off.
 */
import type { Actor } from '../../platform/context.js';
import { inScope } from '../../platform/scope.js';

export function canOrganise(actor: Actor, governmentPath: string): boolean {
  return (actor.roles.includes('meeting_staff') || actor.roles.includes('supervisor')) && inScope(actor.scope, governmentPath);
}

export function canSupervise(actor: Actor, governmentPath: string): boolean {
  return actor.roles.includes('supervisor') && inScope(actor.scope, governmentPath);
}

/** A concerned unit's people act for it (materials, attendance) when the unit lies in their scope. */
export function actsForUnit(actor: Actor, unitPath: string): boolean {
  return (actor.roles.includes('unit_handler') || actor.roles.includes('unit_leader')) && inScope(actor.scope, unitPath);
}

/** The unit's leader (单位负责人) vouches for a representative who is not in its leadership. */
export function leadsUnit(actor: Actor, unitPath: string): boolean {
  return actor.roles.includes('unit_leader') && inScope(actor.scope, unitPath);
}

/** 会议类型 are the system administrator's. */
export function canManageTypes(actor: Actor): boolean {
  return actor.roles.includes('system_admin');
}
