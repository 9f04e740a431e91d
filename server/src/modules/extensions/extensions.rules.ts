/**
 * 延期申请 rules (REQUIREMENTS S3): asked only by the lead unit, only while the item is being handled, only before
 * its deadline, one at a time, for a later date; approved in turn by the unit's leader, the 督查员 and the
 * responsible leader (a step without anyone to take it — a request by the unit leader itself, an item without a
 * responsible leader — is passed over).
 */
import type { ExtensionStatus, TaskStatus } from '@luoshi/contracts';

export const extendableStatuses: readonly TaskStatus[] = ['accepted', 'in_progress'];

export type ExtensionRefusal =
  | { code: 'EXTENSION_NOT_ALLOWED' }
  | { code: 'EXTENSION_AFTER_DEADLINE'; deadline: string }
  | { code: 'EXTENSION_PENDING' }
  | { code: 'EXTENSION_NOT_LATER'; deadline: string };

/** Why an extension cannot be asked now (null: it can). `today` and dates are Asia/Shanghai 'YYYY-MM-DD'. */
export function extensionRefusal(input: {
  status: TaskStatus;
  deadline: string | null;
  today: string;
  hasPending: boolean;
  newDeadline?: string;
}): ExtensionRefusal | null {
  if (!extendableStatuses.includes(input.status) || !input.deadline) return { code: 'EXTENSION_NOT_ALLOWED' };
  if (input.today > input.deadline) return { code: 'EXTENSION_AFTER_DEADLINE', deadline: input.deadline };
  if (input.hasPending) return { code: 'EXTENSION_PENDING' };
  if (input.newDeadline !== undefined && input.newDeadline <= input.deadline)
    return { code: 'EXTENSION_NOT_LATER', deadline: input.deadline };
  return null;
}

const chain: readonly ExtensionStatus[] = ['pending_unit_leader', 'pending_supervisor', 'pending_leader'];

/** The first step after `from` (exclusive) that someone can take, or 'approved' at the end of the chain. */
export function nextStep(
  from: ExtensionStatus | null,
  options: { skipUnitLeader: boolean; hasResponsibleLeader: boolean },
): ExtensionStatus {
  const start = from === null ? 0 : chain.indexOf(from) + 1;
  for (const step of chain.slice(start)) {
    if (step === 'pending_unit_leader' && options.skipUnitLeader) continue;
    if (step === 'pending_leader' && !options.hasResponsibleLeader) continue;
    return step;
  }
  return 'approved';
}

export function isPending(status: ExtensionStatus): boolean {
  return chain.includes(status);
}
