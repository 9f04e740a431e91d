/**
 * Who hears about the item's other events — 延期申请 and its approval chain, a 进展反馈 sent back, 协调请求 — and in
 * what words. Pure, like notifications.messages.ts (the lifecycle steps). A submitted report tells nobody: the 督查室
 * sees it in the ledger and on the item (live), and a clerk with 3,000 items must not get a message per report.
 */
import type { ExtensionStatus } from '@luoshi/contracts';
import type { Audience, TaskFacts, TaskMessage } from './notifications.messages.js';

const named = (t: TaskFacts) => `${t.serialNumber}「${t.title}」`;

/** The facts of the event that the message quotes. */
export interface EventFacts {
  /** 延期: the requested deadline, and the approval step the request now waits at. */
  newDeadline?: string | null;
  waitingAt?: ExtensionStatus | null;
  periodLabel?: string | null;
}

/** Who takes each approval step of a 延期申请. */
const approverOf: Partial<Record<ExtensionStatus, Audience>> = {
  pending_unit_leader: 'lead_unit_leader',
  pending_supervisor: 'supervisor',
  pending_leader: 'leader',
};

function extensionWaiting(task: TaskFacts, facts: EventFacts): TaskMessage | null {
  const approver = facts.waitingAt ? approverOf[facts.waitingAt] : undefined;
  if (!approver) return null;
  return {
    kind: 'approval_needed',
    audience: [approver],
    title: `待您审批：延期申请「${task.title}」`,
    body: `${named(task)}（牵头单位：${task.leadUnitName}）申请将办结时限由 ${task.deadline ?? '—'} 延至 ${facts.newDeadline ?? '—'}，待您审批。`,
  };
}

/** The message for a non-lifecycle event of an item, or null when it tells nobody. `reason` is quoted. */
export function otherEventMessage(type: string, task: TaskFacts, reason: string | null, facts: EventFacts): TaskMessage | null {
  const why = reason ? `\n意见：${reason}` : '';
  const message = ((): TaskMessage | null => {
    switch (type) {
      case 'extension_requested':
      case 'extension_step_approved':
        return extensionWaiting(task, facts);
      case 'extension_approved':
        return {
          kind: 'decided',
          audience: ['lead_unit', 'handler'],
          title: `同意延期：${task.title}`,
          body: `${named(task)}的延期申请已批准，办结时限延至 ${facts.newDeadline ?? task.deadline ?? '—'}。`,
        };
      case 'extension_rejected':
        return {
          kind: 'decided',
          audience: ['lead_unit', 'handler'],
          title: `不予延期：${task.title}`,
          body: `${named(task)}的延期申请未获批准，请按原办结时限 ${task.deadline ?? '—'} 办结。`,
        };
      case 'report_returned':
        return {
          kind: 'sent_back',
          audience: ['handler', 'lead_unit'],
          title: `进展反馈被退回：${task.title}`,
          body: `${named(task)}的进展反馈（${facts.periodLabel ?? '本期'}）被督查室退回，请修改后重新报送。`,
        };
      case 'coordination_raised':
        return {
          kind: 'approval_needed',
          audience: ['supervisor'],
          title: `协调请求：${task.title}`,
          body: `${task.leadUnitName}就${named(task)}提出协调请求，请督查室协调。`,
        };
      case 'coordination_escalated':
        return {
          kind: 'approval_needed',
          audience: ['leader'],
          title: `提请您协调：${task.title}`,
          body: `${named(task)}经督查室协调未果，提请分管领导协调。`,
        };
      case 'coordination_decided':
        return {
          kind: 'decided',
          audience: ['lead_unit', 'supervisor'],
          title: `协调决定：${task.title}`,
          body: `${named(task)}的协调请求已有决定，请按决定推进。`,
        };
      default:
        return null;
    }
  })();
  return message ? { ...message, body: `${message.body}${why}` } : null;
}
