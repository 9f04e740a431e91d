/**
 * The 督办事项 lifecycle as data (REQUIREMENTS S3): which action moves which status to which, which party may take
 * it, and what it needs. Nothing else in the code decides whether a step is allowed; the API derives each item's
 * `allowedActions` from here and the UI shows only those.
 *
 * 拟办 →交办→ 已交办 →签收→ 已签收 →指定承办人→ 办理中 →申请办结→ 申请办结 →同意办结→ 已办结 →评价→ 已评价 →归档→ 已归档
 * 已交办 →退回 (with reason, e.g. "not our duty")→ 拟办, for re-assignment by the 督查室
 * 申请办结 →退回重办 (with reasons, counted)→ 办理中
 * 催办 (counted, no status change) while the item is with the unit; 撤销 of a draft that was never assigned.
 */
import type { TaskAction, TaskStatus } from '@luoshi/contracts';
import type { Role } from '@luoshi/contracts';

/** Who acts: the supervising government's 督查室, or the lead unit (牵头单位). */
export type TaskParty = 'supervisor' | 'lead_unit';
export type TaskNeed = 'reason' | 'handlerId' | 'summary' | 'evaluation' | 'channel';

export interface TransitionRule {
  action: TaskAction;
  from: readonly TaskStatus[];
  /** null: the action is recorded but the status stays (催办). */
  to: TaskStatus | null;
  party: TaskParty;
  needs: readonly TaskNeed[];
}

export const transitionRules: readonly TransitionRule[] = [
  { action: 'assign', from: ['draft'], to: 'assigned', party: 'supervisor', needs: [] },
  { action: 'accept', from: ['assigned'], to: 'accepted', party: 'lead_unit', needs: [] },
  { action: 'return', from: ['assigned'], to: 'draft', party: 'lead_unit', needs: ['reason'] },
  { action: 'start', from: ['accepted', 'in_progress'], to: 'in_progress', party: 'lead_unit', needs: ['handlerId'] },
  { action: 'request_completion', from: ['in_progress'], to: 'completion_requested', party: 'lead_unit', needs: ['summary'] },
  { action: 'approve_completion', from: ['completion_requested'], to: 'completed', party: 'supervisor', needs: [] },
  { action: 'send_back', from: ['completion_requested'], to: 'in_progress', party: 'supervisor', needs: ['reason'] },
  { action: 'evaluate', from: ['completed'], to: 'evaluated', party: 'supervisor', needs: ['evaluation'] },
  { action: 'archive', from: ['evaluated'], to: 'archived', party: 'supervisor', needs: [] },
  { action: 'urge', from: ['assigned', 'accepted', 'in_progress'], to: null, party: 'supervisor', needs: ['reason', 'channel'] },
  { action: 'withdraw', from: ['draft'], to: 'withdrawn', party: 'supervisor', needs: ['reason'] },
];

/** Roles that act for each party (the party's unit must also lie in the actor's scope). */
export const partyRoles: Record<TaskParty, readonly Role[]> = {
  supervisor: ['supervisor'],
  lead_unit: ['unit_handler', 'unit_leader'],
};

/** Which parties the actor can act as on one item, given roles and scope. */
export interface ActorStanding {
  isSupervisor: boolean;
  isLeadUnit: boolean;
}

export function ruleFor(action: TaskAction): TransitionRule {
  const rule = transitionRules.find((r) => r.action === action);
  if (!rule) throw new Error(`no rule for ${action}`);
  return rule;
}

function standsAs(standing: ActorStanding, party: TaskParty): boolean {
  return party === 'supervisor' ? standing.isSupervisor : standing.isLeadUnit;
}

/** The actions the actor may take on an item in `status` now. */
export function allowedActions(status: TaskStatus, standing: ActorStanding): TaskAction[] {
  return transitionRules.filter((r) => r.from.includes(status) && standsAs(standing, r.party)).map((r) => r.action);
}

export type Refusal = { kind: 'status'; why: { 'zh-CN': string; en: string } } | { kind: 'party'; why: { 'zh-CN': string; en: string } };

/** Why an action is refused, in words a clerk understands; null when it is allowed. */
export function refusalOf(action: TaskAction, status: TaskStatus, standing: ActorStanding): Refusal | null {
  const rule = ruleFor(action);
  if (!rule.from.includes(status)) {
    return {
      kind: 'status',
      why: {
        'zh-CN': `该操作只适用于${rule.from.map((s) => statusWords[s]).join('、')}的事项`,
        en: `it applies only to items that are ${rule.from.join(' or ')}`,
      },
    };
  }
  if (!standsAs(standing, rule.party)) {
    return {
      kind: 'party',
      why:
        rule.party === 'supervisor'
          ? { 'zh-CN': '只有负责督办的督查室可以执行', en: 'only the supervising office may do this' }
          : { 'zh-CN': '只有牵头单位可以执行', en: 'only the lead unit may do this' },
    };
  }
  return null;
}

const statusWords: Record<TaskStatus, string> = {
  draft: '拟办',
  assigned: '已交办',
  accepted: '已签收',
  in_progress: '办理中',
  completion_requested: '申请办结',
  completed: '已办结',
  evaluated: '已评价',
  archived: '已归档',
  suspended: '已暂停',
  terminated: '已中止',
  withdrawn: '已撤销',
};

/** Statuses in which an item waits for each party — the 待办 inbox. */
export function inboxStatuses(party: TaskParty): TaskStatus[] {
  const excluded: TaskAction[] = ['urge', 'withdraw'];
  return [...new Set(transitionRules.filter((r) => r.party === party && !excluded.includes(r.action)).flatMap((r) => r.from))];
}

/** Statuses that count as open (for duplicate suggestions). */
export const openStatuses: readonly TaskStatus[] = ['draft', 'assigned', 'accepted', 'in_progress', 'completion_requested'];

/** Default 办结时限 in working days after 交办, per source, until an administrator changes them. */
export const defaultDeadlineWorkingDays: Record<string, number> = {
  leader_instruction: 15,
  meeting_decision: 20,
  document: 30,
  work_report: 30,
  superior_assignment: 15,
  npc_suggestion: 60,
  cppcc_proposal: 60,
  audit_finding: 30,
  media_report: 10,
  public_complaint: 15,
};

/** 督〔2026〕12号 */
export function formatSerialNumber(year: number, seq: number): string {
  return `督〔${year}〕${seq}号`;
}
