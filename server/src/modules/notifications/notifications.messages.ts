/**
 * Who hears about which lifecycle step of a 督办事项, and in what words. Pure: the texts are built from the item's
 * facts so that the in-app centre, e-mail, SMS and group bots all say the same thing in Chinese.
 */
import type { NotificationKind, TaskAction } from '@luoshi/contracts';

/** The parties of an item that a message can go to; `lead_unit_leader` = the lead unit's own leaders (督办通知). */
export type Audience = 'lead_unit' | 'lead_unit_leader' | 'handler' | 'supervisor' | 'leader';

export interface TaskFacts {
  serialNumber: string;
  title: string;
  deadline: string | null;
  leadUnitName: string;
}

export interface TaskMessage {
  kind: NotificationKind;
  audience: Audience[];
  title: string;
  body: string;
}

interface Rule {
  kind: NotificationKind;
  audience: Audience[];
  title: (t: TaskFacts) => string;
  body: (t: TaskFacts) => string;
}

const named = (t: TaskFacts) => `${t.serialNumber}「${t.title}」`;
const deadline = (t: TaskFacts) => (t.deadline ? `，办理时限 ${t.deadline}` : '');

const approval = (what: string): Rule => ({
  kind: 'approval_needed',
  audience: ['leader'],
  title: (t) => `待您审批：${what}「${t.title}」`,
  body: (t) => `${named(t)}（牵头单位：${t.leadUnitName}）${what}，待您审批。`,
});

/** The steps that tell someone; steps not listed (评价, 归档销号, …) notify nobody. */
const rules: Partial<Record<TaskAction, Rule>> = {
  assign: {
    kind: 'assigned',
    audience: ['lead_unit'],
    title: (t) => `新交办事项：${t.title}`,
    body: (t) => `${named(t)}已交办贵单位牵头办理${deadline(t)}，请及时签收。`,
  },
  approve_assignment: {
    kind: 'assigned',
    audience: ['lead_unit', 'supervisor'],
    title: (t) => `新交办事项：${t.title}`,
    body: (t) => `${named(t)}经领导同意已交办${t.leadUnitName}牵头办理${deadline(t)}，请及时签收。`,
  },
  reject_assignment: {
    kind: 'decided',
    audience: ['supervisor'],
    title: (t) => `领导不同意交办：${t.title}`,
    body: (t) => `${named(t)}的交办未获领导同意。`,
  },
  accept: {
    kind: 'accepted',
    audience: ['supervisor'],
    title: (t) => `已签收：${t.title}`,
    body: (t) => `${t.leadUnitName}已签收${named(t)}。`,
  },
  return: {
    kind: 'returned',
    audience: ['supervisor'],
    title: (t) => `事项被退回：${t.title}`,
    body: (t) => `${t.leadUnitName}退回了${named(t)}，请核实后重新交办。`,
  },
  start: {
    kind: 'assigned',
    audience: ['handler'],
    title: (t) => `您被指定为承办人：${t.title}`,
    body: (t) => `您已被指定为${named(t)}的承办人${deadline(t)}。`,
  },
  urge: {
    kind: 'urged',
    audience: ['lead_unit', 'handler'],
    title: (t) => `催办：${t.title}`,
    body: (t) => `督查室对${named(t)}发出催办${deadline(t)}，请抓紧办理并及时反馈进展。`,
  },
  request_completion: {
    kind: 'completion_requested',
    audience: ['supervisor'],
    title: (t) => `申请办结：${t.title}`,
    body: (t) => `${t.leadUnitName}申请办结${named(t)}，请审核。`,
  },
  approve_completion: {
    kind: 'completed',
    audience: ['lead_unit', 'handler'],
    title: (t) => `已同意办结：${t.title}`,
    body: (t) => `督查室已同意${named(t)}办结。`,
  },
  send_back: {
    kind: 'sent_back',
    audience: ['lead_unit', 'handler'],
    title: (t) => `退回重办：${t.title}`,
    body: (t) => `${named(t)}的办结申请被退回，请继续办理${deadline(t)}。`,
  },
  withdraw: {
    kind: 'withdrawn',
    audience: ['lead_unit', 'handler'],
    title: (t) => `事项已撤销：${t.title}`,
    body: (t) => `${named(t)}已撤销，无需继续办理。`,
  },
  submit_for_approval: approval('报请交办'),
  request_suspension: approval('申请暂停'),
  request_termination: approval('申请中止'),
  request_withdrawal: approval('申请撤销'),
  approve_change: {
    kind: 'decided',
    audience: ['supervisor', 'lead_unit'],
    title: (t) => `领导已同意：${t.title}`,
    body: (t) => `分管领导已同意${named(t)}的暂停/中止/撤销申请。`,
  },
  reject_change: {
    kind: 'decided',
    audience: ['supervisor'],
    title: (t) => `领导不同意：${t.title}`,
    body: (t) => `分管领导不同意${named(t)}的暂停/中止/撤销申请。`,
  },
  resume: {
    kind: 'resumed',
    audience: ['lead_unit', 'handler'],
    title: (t) => `恢复办理：${t.title}`,
    body: (t) => `${named(t)}已恢复办理${deadline(t)}。`,
  },
};

/** The message for a lifecycle step, or null when the step tells nobody. `reason` (退回理由, 催办意见 …) is quoted. */
export function taskEventMessage(type: string, task: TaskFacts, reason: string | null): TaskMessage | null {
  const rule = rules[type as TaskAction];
  if (!rule) return null;
  const why = reason ? `\n意见：${reason}` : '';
  return { kind: rule.kind, audience: rule.audience, title: rule.title(task), body: `${rule.body(task)}${why}` };
}

/** Where an item is in the web app. */
export function taskLink(taskId: string): string {
  return `/tasks/${taskId}`;
}
