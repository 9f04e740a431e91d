/**
 * 督办事项 (supervised items) — intake, lifecycle and timeline contracts (REQUIREMENTS S1, S3, R3).
 * The lifecycle is enforced by the server (`server/src/modules/tasks/tasks.rules.ts`); every item comes with the
 * actions its reader may take now (`allowedActions`), so the UI never guesses.
 */
import { z } from 'zod';
import { limits, pageOf, text } from './common.js';
import { warning } from './warnings.js';

/**
 * 来源: an item's source is a code from the source registry (督办事项来源, `GET /api/sources`), which the system
 * administrator extends; the server checks the code against it on registration (SOURCE_UNKNOWN), so the contract
 * only fixes the code's form. Labels come from the registry too (`Source.name`).
 */
export const taskSourceSchema = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/, 'SOURCE_CODE_FORM');
export type TaskSource = z.infer<typeof taskSourceSchema>;

export const urgencySchema = z.enum(['normal', 'urgent', 'very_urgent']);
export const urgencyLabels = {
  normal: { 'zh-CN': '一般', en: 'Normal' },
  urgent: { 'zh-CN': '急件', en: 'Urgent' },
  very_urgent: { 'zh-CN': '特急', en: 'Very urgent' },
} as const;

/** How a parent's progress rolls up from its sub-items (average, weighted by `weight`, or share done). */
export const rollupModeSchema = z.enum(['average', 'weighted', 'status']);

export const reportingFrequencySchema = z.enum(['weekly', 'half_monthly', 'monthly', 'quarterly', 'once', 'custom']);

/** 拟办 → 已交办 → 已签收 → 办理中 → 申请办结 → 已办结 → 已评价 → 已归档; 退回 returns to 拟办. */
export const taskStatusValues = [
  'draft',
  'pending_approval',
  'assigned',
  'accepted',
  'in_progress',
  'completion_requested',
  'completed',
  'evaluated',
  'archived',
  'suspended',
  'terminated',
  'withdrawn',
] as const;
export const taskStatusSchema = z.enum(taskStatusValues);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskStatusLabels: Record<TaskStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '拟办', en: 'Draft' },
  pending_approval: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  assigned: { 'zh-CN': '已交办', en: 'Assigned' },
  accepted: { 'zh-CN': '已签收', en: 'Accepted' },
  in_progress: { 'zh-CN': '办理中', en: 'In progress' },
  completion_requested: { 'zh-CN': '申请办结', en: 'Completion requested' },
  completed: { 'zh-CN': '已办结', en: 'Completed' },
  evaluated: { 'zh-CN': '已评价', en: 'Evaluated' },
  archived: { 'zh-CN': '已归档', en: 'Archived' },
  suspended: { 'zh-CN': '已暂停', en: 'Suspended' },
  terminated: { 'zh-CN': '已中止', en: 'Terminated' },
  withdrawn: { 'zh-CN': '已撤销', en: 'Withdrawn' },
};

/** Every lifecycle action, named as in the glossary. */
export const taskActionValues = [
  'assign',
  'accept',
  'return',
  'start',
  'request_completion',
  'approve_completion',
  'send_back',
  'evaluate',
  'archive',
  'urge',
  'withdraw',
  'submit_for_approval',
  'approve_assignment',
  'reject_assignment',
  'request_suspension',
  'request_termination',
  'request_withdrawal',
  'approve_change',
  'reject_change',
  'resume',
] as const;
export const taskActionSchema = z.enum(taskActionValues);
export type TaskAction = z.infer<typeof taskActionSchema>;

export const taskActionLabels: Record<TaskAction, { 'zh-CN': string; en: string }> = {
  assign: { 'zh-CN': '交办', en: 'Assign' },
  accept: { 'zh-CN': '签收', en: 'Accept' },
  return: { 'zh-CN': '退回', en: 'Return' },
  start: { 'zh-CN': '指定承办人', en: 'Assign handler' },
  request_completion: { 'zh-CN': '申请办结', en: 'Request completion' },
  approve_completion: { 'zh-CN': '同意办结', en: 'Approve completion' },
  send_back: { 'zh-CN': '退回重办', en: 'Send back' },
  evaluate: { 'zh-CN': '评价', en: 'Evaluate' },
  archive: { 'zh-CN': '归档销号', en: 'Archive' },
  urge: { 'zh-CN': '催办', en: 'Urge' },
  withdraw: { 'zh-CN': '撤销', en: 'Withdraw' },
  submit_for_approval: { 'zh-CN': '报请审批', en: 'Submit for approval' },
  approve_assignment: { 'zh-CN': '同意交办', en: 'Approve assignment' },
  reject_assignment: { 'zh-CN': '不同意交办', en: 'Reject assignment' },
  request_suspension: { 'zh-CN': '申请暂停', en: 'Request suspension' },
  request_termination: { 'zh-CN': '申请中止', en: 'Request termination' },
  request_withdrawal: { 'zh-CN': '申请撤销', en: 'Request withdrawal' },
  approve_change: { 'zh-CN': '同意', en: 'Approve' },
  reject_change: { 'zh-CN': '不同意', en: 'Reject' },
  resume: { 'zh-CN': '恢复办理', en: 'Resume' },
};

/** 暂停 / 中止 / 撤销 awaiting the responsible leader's decision. */
export const pendingChangeSchema = z.enum(['suspend', 'terminate', 'withdraw']);
export const pendingChangeLabels = {
  suspend: { 'zh-CN': '暂停', en: 'suspension' },
  terminate: { 'zh-CN': '中止', en: 'termination' },
  withdraw: { 'zh-CN': '撤销', en: 'withdrawal' },
} as const;

export const taskSourceRef = z.strictObject({
  /** 文号 / 会议名称 / 批示领导 … free references to where the item comes from. */
  documentNumber: text(100).optional(),
  meeting: text(200).optional(),
  leaderName: text(64).optional(),
  /** The clause or instruction text itself. */
  clause: text(limits.longTextMax).optional(),
  /** Set by the module that registered the item (a meeting decision, an audit finding …): its record's id. */
  recordId: z.uuid().optional(),
  /** Where that record is shown in the SPA (a path such as /meetings/…), for the item's 来源 link. */
  link: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/)
    .max(200)
    .optional(),
});

export const createTaskBody = z.strictObject({
  title: text(limits.nameMax),
  source: taskSourceSchema,
  sourceRef: taskSourceRef.optional(),
  content: text(limits.longTextMax),
  requirements: text(limits.longTextMax).optional(),
  /** Either a date, or N working days from 交办 (default per source type when both are omitted). */
  deadline: z.iso.date().optional(),
  deadlineWorkingDays: z.number().int().min(1).max(500).optional(),
  urgency: urgencySchema.default('normal'),
  reportingFrequency: reportingFrequencySchema.default('monthly'),
  leadUnitId: z.uuid(),
  cooperatingUnitIds: z.array(z.uuid()).max(50).default([]),
  responsibleLeaderId: z.uuid().optional(),
  /** Links instead of duplicates: the item this one continues or repeats. */
  relatedTaskId: z.uuid().optional(),
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;

/** Edits by the 督查室. Lead/cooperating units, deadline and leader can change only while the item is 拟办. */
export const updateTaskBody = z.strictObject({
  title: text(limits.nameMax).optional(),
  content: text(limits.longTextMax).optional(),
  requirements: text(limits.longTextMax).nullable().optional(),
  urgency: urgencySchema.optional(),
  reportingFrequency: reportingFrequencySchema.optional(),
  leadUnitId: z.uuid().optional(),
  cooperatingUnitIds: z.array(z.uuid()).max(50).optional(),
  responsibleLeaderId: z.uuid().nullable().optional(),
  deadline: z.iso.date().nullable().optional(),
  deadlineWorkingDays: z.number().int().min(1).max(500).nullable().optional(),
  /** How progress rolls up from sub-items. */
  rollupMode: rollupModeSchema.optional(),
});

/**
 * What the 督查室 reviews a 申请办结 against: the lead unit confirms each point (配合单位 only when the item has
 * cooperating units). Stable codes; the words are here for the form, the timeline and the error message.
 */
export const completionCheckValues = ['goals_met', 'evidence_true', 'cooperating_consulted', 'nothing_left'] as const;
export const completionCheckSchema = z.enum(completionCheckValues);
export type CompletionCheck = z.infer<typeof completionCheckSchema>;
export const completionCheckLabels: Record<CompletionCheck, { 'zh-CN': string; en: string }> = {
  goals_met: { 'zh-CN': '目标任务和办理要求已全部完成', en: 'Every goal and requirement of the item is met' },
  evidence_true: { 'zh-CN': '佐证材料真实、完整，可供核查', en: 'The evidence is genuine, complete and can be checked' },
  cooperating_consulted: { 'zh-CN': '已征求配合单位意见', en: 'The cooperating units have been consulted' },
  nothing_left: { 'zh-CN': '无遗留问题，或已说明后续安排', en: 'Nothing is left open, or what follows is stated' },
};
/** Most evidence files one 申请办结 may name. */
export const completionEvidenceMax = 20;

export const transitionBody = z.strictObject({
  action: taskActionSchema,
  /** Required by the rules for return, send_back, withdraw, urge. */
  reason: text(limits.longTextMax).optional(),
  /** start: the 承办人 (a person of the lead unit). */
  handlerId: z.uuid().optional(),
  /** request_completion: the 办结 summary. */
  summary: text(limits.longTextMax).optional(),
  /** evaluate: 1–5 each. */
  evaluation: z
    .strictObject({
      quality: z.number().int().min(1).max(5),
      timeliness: z.number().int().min(1).max(5),
      satisfaction: z.number().int().min(1).max(5),
    })
    .optional(),
  /** urge: how the unit was urged. */
  channel: z.enum(['system', 'phone', 'document', 'on_site']).optional(),
  /** request_completion with sub-items still open: closes anyway; the reason says why (一级督一级 waiver). */
  waiveOpenChildren: z.boolean().optional(),
  /** request_completion: the evidence (ids of the item's own attachments) the 督查室 checks the summary against. */
  evidenceIds: z.array(z.uuid()).max(completionEvidenceMax).optional(),
  /** request_completion: the points of the completion checklist the lead unit confirms (all that apply). */
  checklist: z.array(completionCheckSchema).max(completionCheckValues.length).optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const taskEvent = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  type: z.string(),
  fromStatus: taskStatusSchema.nullable(),
  toStatus: taskStatusSchema.nullable(),
  actorName: z.string().nullable(),
  actorUnitName: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.unknown(),
});

export const task = z.object({
  id: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  source: taskSourceSchema,
  sourceRef: taskSourceRef,
  content: z.string(),
  requirements: z.string().nullable(),
  status: taskStatusSchema,
  urgency: urgencySchema,
  reportingFrequency: reportingFrequencySchema,
  deadline: z.iso.date().nullable(),
  deadlineWorkingDays: z.number().int().nullable(),
  originalDeadline: z.iso.date().nullable(),
  supervisingUnitId: z.uuid(),
  supervisingUnitName: z.string(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  cooperatingUnits: z.array(z.object({ unitId: z.uuid(), unitName: z.string() })),
  responsibleLeaderId: z.uuid().nullable(),
  responsibleLeaderName: z.string().nullable(),
  handlerId: z.uuid().nullable(),
  handlerName: z.string().nullable(),
  /** Set while the 承办人 (A角) is away: the B角 who acts meanwhile. The deadline keeps running. */
  handlerAbsence: z
    .object({ until: z.iso.date(), reason: z.string(), backupId: z.uuid().nullable(), backupName: z.string().nullable() })
    .nullable(),
  relatedTaskId: z.uuid().nullable(),
  /** 一级督一级: the item this one was broken down from, and its depth (0 = top level). */
  parentId: z.uuid().nullable(),
  /** The parent's number, so sub-items with the parent's title are told apart by parent and lead unit in lists. */
  parentSerialNumber: z.string().nullable().optional(),
  depth: z.number().int(),
  /** How this item's progress rolls up from its sub-items. */
  rollupMode: rollupModeSchema,
  /** Weight in the parent's weighted roll-up. */
  weight: z.number().int(),
  childCount: z.number().int(),
  /** Sub-items not yet 办结 (the item cannot ask to close while there are any, unless waived with a reason). */
  openChildCount: z.number().int(),
  /** From the latest report, or rolled up from sub-items. */
  progressPercent: z.number().int().nullable(),
  /** The computed light and why (REQUIREMENTS S4). */
  warning,
  /** A 暂停/中止/撤销 request awaiting the responsible leader. */
  pendingChange: pendingChangeSchema.nullable(),
  /** Working days past 办结时限 of an open item (the same count everywhere: lists, item page, export); null when not late. */
  overdueWorkingDays: z.number().int().nullable().optional(),
  /** 签收 is due by this date (N working days after 交办, per source); null once signed for or before 交办. */
  signForDue: z.iso.date().nullable(),
  sendBackCount: z.number().int(),
  urgeCount: z.number().int(),
  assignedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  evaluation: z.object({ quality: z.number(), timeliness: z.number(), satisfaction: z.number() }).nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  allowedActions: z.array(taskActionSchema),
});
export type Task = z.infer<typeof task>;

/** Statuses in which a passed 办结时限 makes an item overdue (the unit still owes the work). */
const owingStatuses: readonly string[] = ['assigned', 'accepted', 'in_progress', 'completion_requested'];

/**
 * Working days past 办结时限 of a late open item, null otherwise — counted as the escalation ladder counts them
 * (working days after the deadline up to today), so the item page, the lists and the export say the same number.
 * `workingDaysBetween` is the working-day calendar's count (the server's, with holidays and 调休).
 */
export function overdueWorkingDaysOf(
  item: { status: string; deadline: string | null },
  today: string,
  workingDaysBetween: (from: string, to: string) => number,
): number | null {
  if (!item.deadline || item.deadline >= today || !owingStatuses.includes(item.status)) return null;
  return workingDaysBetween(item.deadline, today);
}

export const taskDetail = task.extend({ timeline: z.array(taskEvent) });
export type TaskDetail = z.infer<typeof taskDetail>;

/**
 * 一级督一级: break an item down into sub-items for lower governments and departments. Each sub-item is a full item
 * of the breaking-down government's 督查室 (its own number and lifecycle); title, content and deadline default to the
 * parent's, and a sub-item's deadline cannot be later than the parent's.
 */
export const breakdownBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        leadUnitId: z.uuid(),
        cooperatingUnitIds: z.array(z.uuid()).max(50).default([]),
        title: text(limits.nameMax).optional(),
        content: text(limits.longTextMax).optional(),
        requirements: text(limits.longTextMax).optional(),
        deadline: z.iso.date().optional(),
        weight: z.number().int().min(1).max(1000).default(1),
      }),
    )
    .min(1)
    .max(50),
  /** 交办 each sub-item at once (the usual case), or leave them as 拟办 drafts. */
  assignNow: z.boolean().default(true),
  /** How the parent's progress rolls up from the sub-items. */
  rollupMode: rollupModeSchema.optional(),
});
export type BreakdownBody = z.infer<typeof breakdownBody>;

export const taskListQuery = z.strictObject({
  status: taskStatusSchema.optional(),
  /** The sub-items of one item. */
  parentId: z.uuid().optional(),
  /** 待办: items waiting for the caller's action. */
  inbox: z.enum(['true', 'false']).optional(),
  /** 我承办的: items whose 承办人 is the caller, or whose absent 承办人 has the caller as B角. */
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(limits.nameMax).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).optional(),
  cursor: z.string().max(80).optional(),
});
export const taskPage = pageOf(task);

export const similarTasksQuery = z.strictObject({ text: z.string().trim().min(2).max(limits.shortTextMax) });
export const similarTask = z.object({
  id: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  similarity: z.number(),
});
