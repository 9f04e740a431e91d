/**
 * Who acts on cooperation: a cooperating unit (unit_handler/unit_leader with that unit in scope) sends its own
 * contribution; the 督查室 or the lead unit sets duties; lead or cooperating units raise 协调请求; the escalation
 * goes to the responsible leader, who alone decides it (the 督查室 may close an open one as resolved).
 */
import type { Actor } from '../../platform/context.js';

const unitRoles = ['unit_handler', 'unit_leader'];

export function actsForUnit(actor: Actor, unitPath: string): boolean {
  return unitRoles.some((r) => (actor.roles as string[]).includes(r)) && unitPath.startsWith(actor.scope.path);
}

/** Escalation is possible only with coordination on record ("避免事先未经协调、沟通，直接上交矛盾"). */
export function canEscalate(attemptCount: number): boolean {
  return attemptCount > 0;
}
