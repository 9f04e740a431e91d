/**
 * The approval chain of a 延期申请 as the server runs it: 单位负责人 → 督查员 → 分管领导, where a step nobody can take
 * (an item without a responsible leader) is passed over. Used only to tell the approver what their approval leads to;
 * the server decides.
 */
import type { ExtensionStatus } from '@luoshi/contracts';

/** The pending steps, in order. */
export type ExtensionStep = Extract<ExtensionStatus, 'pending_unit_leader' | 'pending_supervisor' | 'pending_leader'>;

const chain: readonly ExtensionStep[] = ['pending_unit_leader', 'pending_supervisor', 'pending_leader'];

/** Whether `status` is a step still waiting for someone. */
export function isPendingStep(status: ExtensionStatus): status is ExtensionStep {
  return (chain as readonly string[]).includes(status);
}

/** What approving `status` leads to: the next step, or 'approved' when it is the last one. */
export function nextStepAfter(status: ExtensionStatus, hasResponsibleLeader: boolean): ExtensionStep | 'approved' {
  if (!isPendingStep(status)) return 'approved';
  for (const step of chain.slice(chain.indexOf(status) + 1)) {
    if (step === 'pending_leader' && !hasResponsibleLeader) continue;
    return step;
  }
  return 'approved';
}
