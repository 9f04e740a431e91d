/**
 * The 督办事项 lifecycle as data (REQUIREMENTS S3): which action moves which status to which, which party may take
 * it, and what it needs. Nothing else in the code decides whether a step is allowed; the API derives each item's
 * `allowedActions` from here and the UI shows only those.
 *
 * 拟办 →交办→ 已交办 →签收→ 已签收 →指定承办人→ 办理中 →申请办结→ 申请办结 →同意办结→ 已办结 →评价→ 已评价 →归档→ 已归档
 * 已交办 →退回 (with reason, e.g. "not our duty")→ 拟办, for re-assignment by the 督查室
 * 申请办结 →退回重办 (with reasons, counted)→ 办理中
 * 催办 (counted, no status change) while the item is with the unit; 撤销 of a draft that was never assigned.
 * 拟办 →报请审批→ 待审批 →同意交办 (the responsible leader; acts as 交办)→ 已交办, or →不同意 (reason)→ 拟办
 * 暂停 / 中止 / 撤销 of an assigned item: the 督查室 asks (reason), the item's 分管领导 approves or refuses; until then
 * the item carries on as it was. 已暂停 →恢复→ the status it had, its deadline moved by the working days paused.
 */
import type { RefusalCode, TaskAction, TaskStatus } from '@luoshi/contracts';
import type { Role } from '@luoshi/contracts';

/** Who acts: the supervising government's 督查室, the lead unit (牵头单位), or the item's 分管领导. */
export type TaskParty = 'supervisor' | 'lead_unit' | 'leader';
/** What an action asks for; `evidence` and `checklist` are checked against the item (tasks.completion.ts). */
export type TaskNeed = 'reason' | 'handlerId' | 'summary' | 'evaluation' | 'channel' | 'evidence' | 'checklist';

/** Facts about the item, beyond its status, that some actions depend on. */
export interface ItemFacts {
  /** 暂停/中止/撤销 awaiting the leader. */
  pendingChange: PendingChange | null;
  hasResponsibleLeader: boolean;
}
export type PendingChange = 'suspend' | 'terminate' | 'withdraw';
export type Precondition = 'leader_named' | 'no_pending_change' | 'pending_change';

export interface TransitionRule {
  action: TaskAction;
  from: readonly TaskStatus[];
  /** null: the status stays (催办, a request awaiting the leader), or follows from the item (approve_change, resume). */
  to: TaskStatus | null;
  party: TaskParty;
  needs: readonly TaskNeed[];
  requires?: readonly Precondition[];
}

/** Statuses in which the item is with the unit and running. */
const running: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'completion_requested'];

export const transitionRules: readonly TransitionRule[] = [
  { action: 'assign', from: ['draft'], to: 'assigned', party: 'supervisor', needs: [] },
  { action: 'accept', from: ['assigned'], to: 'accepted', party: 'lead_unit', needs: [] },
  { action: 'return', from: ['assigned'], to: 'draft', party: 'lead_unit', needs: ['reason'] },
  { action: 'start', from: ['accepted', 'in_progress'], to: 'in_progress', party: 'lead_unit', needs: ['handlerId'] },
  {
    action: 'request_completion',
    from: ['in_progress'],
    to: 'completion_requested',
    party: 'lead_unit',
    needs: ['summary', 'evidence', 'checklist'],
  },
  { action: 'approve_completion', from: ['completion_requested'], to: 'completed', party: 'supervisor', needs: [] },
  { action: 'send_back', from: ['completion_requested'], to: 'in_progress', party: 'supervisor', needs: ['reason'] },
  { action: 'evaluate', from: ['completed'], to: 'evaluated', party: 'supervisor', needs: ['evaluation'] },
  { action: 'archive', from: ['evaluated'], to: 'archived', party: 'supervisor', needs: [] },
  { action: 'urge', from: ['assigned', 'accepted', 'in_progress'], to: null, party: 'supervisor', needs: ['reason', 'channel'] },
  { action: 'withdraw', from: ['draft'], to: 'withdrawn', party: 'supervisor', needs: ['reason'] },
  { action: 'submit_for_approval', from: ['draft'], to: 'pending_approval', party: 'supervisor', needs: [], requires: ['leader_named'] },
  { action: 'approve_assignment', from: ['pending_approval'], to: 'assigned', party: 'leader', needs: [] },
  { action: 'reject_assignment', from: ['pending_approval'], to: 'draft', party: 'leader', needs: ['reason'] },
  ...(['request_suspension', 'request_termination', 'request_withdrawal'] as const).map((action): TransitionRule => ({
    action,
    from: action === 'request_suspension' ? running : [...running, 'suspended'],
    to: null,
    party: 'supervisor',
    needs: ['reason'],
    requires: ['leader_named', 'no_pending_change'],
  })),
  { action: 'approve_change', from: [...running, 'suspended'], to: null, party: 'leader', needs: [], requires: ['pending_change'] },
  { action: 'reject_change', from: [...running, 'suspended'], to: null, party: 'leader', needs: ['reason'], requires: ['pending_change'] },
  { action: 'resume', from: ['suspended'], to: null, party: 'supervisor', needs: ['reason'], requires: ['no_pending_change'] },
];

/** What each request asks the leader for, and the status approval gives. */
export const requestedChange: Partial<Record<TaskAction, PendingChange>> = {
  request_suspension: 'suspend',
  request_termination: 'terminate',
  request_withdrawal: 'withdraw',
};
export const statusAfterChange: Record<PendingChange, TaskStatus> = {
  suspend: 'suspended',
  terminate: 'terminated',
  withdraw: 'withdrawn',
};

/** Roles that act for each party (the party's unit must also lie in the actor's scope). */
export const partyRoles: Record<TaskParty, readonly Role[]> = {
  supervisor: ['supervisor'],
  lead_unit: ['unit_handler', 'unit_leader'],
  leader: ['government_leader'],
};

/** Which parties the actor can act as on one item, given roles and scope. */
export interface ActorStanding {
  isSupervisor: boolean;
  isLeadUnit: boolean;
  /** The actor is the item's 分管领导 (a government leader whose person is the item's responsible leader). */
  isResponsibleLeader: boolean;
}

export function ruleFor(action: TaskAction): TransitionRule {
  const rule = transitionRules.find((r) => r.action === action);
  if (!rule) throw new Error(`no rule for ${action}`);
  return rule;
}

function standsAs(standing: ActorStanding, party: TaskParty): boolean {
  if (party === 'supervisor') return standing.isSupervisor;
  if (party === 'leader') return standing.isResponsibleLeader;
  return standing.isLeadUnit;
}

function holds(condition: Precondition, facts: ItemFacts): boolean {
  switch (condition) {
    case 'leader_named':
      return facts.hasResponsibleLeader;
    case 'no_pending_change':
      return facts.pendingChange === null;
    case 'pending_change':
      return facts.pendingChange !== null;
  }
}

/** The actions the actor may take on an item in `status` now. */
export function allowedActions(status: TaskStatus, standing: ActorStanding, facts: ItemFacts): TaskAction[] {
  return transitionRules
    .filter((r) => r.from.includes(status) && standsAs(standing, r.party) && (r.requires ?? []).every((c) => holds(c, facts)))
    .map((r) => r.action);
}

/**
 * Why an action is refused, as a code the contracts render in both languages (error-words.ts `refusal`);
 * `allowed` lists the statuses the action applies to when the item is in another.
 */
export type Refusal = { kind: 'status' | 'party' | 'precondition'; why: RefusalCode; allowed?: string };

/** Why an action is refused, in words a clerk understands; null when it is allowed. */
export function refusalOf(action: TaskAction, status: TaskStatus, standing: ActorStanding, facts: ItemFacts): Refusal | null {
  const rule = ruleFor(action);
  if (!rule.from.includes(status)) {
    return { kind: 'status', why: 'status_only', allowed: rule.from.join(',') };
  }
  if (!standsAs(standing, rule.party)) return { kind: 'party', why: `party_${rule.party}` };
  const unmet = (rule.requires ?? []).find((c) => !holds(c, facts));
  return unmet ? { kind: 'precondition', why: unmet } : null;
}

/** Statuses in which an item waits for each party — the 待办 inbox. */
export function inboxStatuses(party: Exclude<TaskParty, 'leader'>): TaskStatus[] {
  const excluded: TaskAction[] = ['urge', 'withdraw', 'submit_for_approval', 'resume', ...(Object.keys(requestedChange) as TaskAction[])];
  return [...new Set(transitionRules.filter((r) => r.party === party && !excluded.includes(r.action)).flatMap((r) => r.from))];
}

/** Statuses that count as open (for duplicate suggestions). */
export const openStatuses: readonly TaskStatus[] = [
  'draft',
  'pending_approval',
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
];
