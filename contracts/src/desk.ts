/**
 * 工作台 (the work desk, issue 13 item 2/4; REQUIREMENTS S8/S9): each role's first screen, what awaits the reader
 * today, in groups ordered by urgency, each entry one tap from the item. Read-only: the desk asks nothing of anyone.
 */
import { z } from 'zod';
import { limits, text } from './common.js';
import { taskActionSchema, taskStatusSchema } from './tasks.js';

/**
 * The desk's groups, in their default order of urgency:
 * - sign_for: 已交办 items of the reader's unit awaiting 签收 (with working days left before the 签收 limit);
 * - redo: 退回重办 — a returned report not yet corrected, or a completion request sent back;
 * - approval: 延期申请 at the reader's step, 申请办结 for the 督查室, 待审批 and 暂停/中止/撤销 for the 分管领导;
 * - warning: red and yellow items the reader acts on; oversight_red: red items in a leader's 分管 areas;
 * - report_due: the reporting cycle's next report falls due within a week (or is late);
 * - coordination: 协调请求 waiting for the reader's decision;
 * - standing_in: items of an absent A角 the reader stands in for as B角 (代A角办理);
 * - next_step: the lifecycle's other steps that are the reader's turn (交办, 指定承办人, 评价, 归档);
 * - instruction: 批示 of the last seven days on items the reader's unit handles;
 * - my_instruction: a leader's own 批示 with the item's live status.
 */
export const deskKindValues = [
  'sign_for',
  'redo',
  'approval',
  'warning',
  'oversight_red',
  'report_due',
  'coordination',
  'standing_in',
  'next_step',
  'instruction',
  'my_instruction',
] as const;
export const deskKindSchema = z.enum(deskKindValues);
export type DeskKind = z.infer<typeof deskKindSchema>;

/** What an approval or a redo is about (a key the web renders in both languages). */
export const deskReasonSchema = z.enum([
  'extension',
  'completion',
  'assignment',
  'suspend',
  'terminate',
  'withdraw',
  'report',
  'send_back',
]);
export type DeskReason = z.infer<typeof deskReasonSchema>;

export const deskEntry = z.object({
  /** Unique within the group: the item's id, or the request's / 批示's own id when one item can appear twice. */
  key: z.string(),
  taskId: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  leadUnitName: z.string(),
  status: taskStatusSchema,
  /** 0 green, 1 yellow, 2 red. */
  light: z.number().int().min(0).max(2),
  /** The date this entry is due by (签收 limit, next report, new deadline asked for, or the item's deadline). */
  dueDate: z.string().nullable(),
  /** Working days from today to `dueDate`; negative when late. */
  workingDaysLeft: z.number().int().nullable(),
  /** The lifecycle step that awaits the reader, when the entry is one. */
  action: taskActionSchema.nullable(),
  reason: deskReasonSchema.nullable(),
  /** Words someone wrote: the 协调请求's subject, the 批示's text. */
  note: z.string().nullable(),
  /** The 批示's leader, for instructions. */
  leaderName: z.string().nullable(),
  /** The absent A角's name when the reader stands in for them (代A角办理). */
  standsInFor: z.string().nullable(),
});
export type DeskEntry = z.infer<typeof deskEntry>;

export const deskGroup = z.object({
  kind: deskKindSchema,
  /** All entries of the kind; `entries` holds at most the desk's cap, most urgent first. */
  total: z.number().int().min(0),
  entries: z.array(deskEntry),
});
export type DeskGroup = z.infer<typeof deskGroup>;

export const desk = z.object({
  /** The Shanghai date the desk was read for. */
  today: z.string(),
  /** Non-empty groups only, in the order of `deskKindValues`. */
  groups: z.array(deskGroup),
});
export type Desk = z.infer<typeof desk>;

/** Entries per group at most (the group's `total` counts all). */
export const DESK_GROUP_CAP = 20;

/** 待办 centre: entries per group at most (the desk shows DESK_GROUP_CAP). */
export const TODO_GROUP_CAP = 200;

/**
 * 已办: an item the reader took a step on, with their latest step (the timeline's event type, e.g. accept, urge,
 * report_submitted) and when.
 */
export const doneEntry = z.object({
  taskId: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  leadUnitName: z.string(),
  status: taskStatusSchema,
  light: z.number().int().min(0).max(2),
  /** The reader's latest step on the item (a timeline event type). */
  step: z.string(),
  at: z.iso.datetime(),
});
export type DoneEntry = z.infer<typeof doneEntry>;
export const doneList = z.object({ items: z.array(doneEntry) });
export type DoneList = z.infer<typeof doneList>;

/** Steps the 待办 centre takes on many items at once (each item still through the lifecycle's rules). */
export const batchActionSchema = z.enum(['accept', 'urge']);
export type BatchAction = z.infer<typeof batchActionSchema>;
/** Most items one batch may name. */
export const BATCH_MAX = 100;

export const batchBody = z.strictObject({
  action: batchActionSchema,
  taskIds: z.array(z.uuid()).min(1).max(BATCH_MAX),
  /** 催办: what the unit is urged to do (required for urge). */
  reason: text(limits.longTextMax).optional(),
  channel: z.enum(['system', 'phone', 'document', 'on_site']).optional(),
});
export type BatchBody = z.infer<typeof batchBody>;

/**
 * Each item is its own transaction: a refused item changes nothing and does not stop the others; the answer says
 * which items took the step and which were refused, with the refusal's code and message in both languages.
 */
export const batchResult = z.object({
  succeeded: z.array(z.object({ taskId: z.uuid(), serialNumber: z.string() })),
  refused: z.array(
    z.object({
      taskId: z.uuid(),
      code: z.string(),
      messages: z.object({ 'zh-CN': z.string(), en: z.string() }),
    }),
  ),
});
export type BatchResult = z.infer<typeof batchResult>;

/** How someone acts for the lead unit (tasks.policy.ts): its staff, its government's 督查室, or the named 承办人. */
export const leadActingSchema = z.enum(['unit_staff', 'supervision_office', 'handler']);
export type LeadActingKind = z.infer<typeof leadActingSchema>;

/**
 * Who signs for, reports on and asks to close an item (issue 13 item 7): shown on the item so that, when the lead
 * unit is a 州市 or county government, nobody wonders who its hands are.
 */
export const whoActs = z.object({
  leadUnitName: z.string(),
  /** The lead unit is a government other than the supervising one: its 督查室 acts as 承办 by default. */
  governmentLead: z.boolean(),
  /** The named 承办人, if any (指定承办人). */
  handlerName: z.string().nullable(),
  /** Accounts that act for the lead unit, by kind (at most 20 names per kind). */
  actors: z.array(z.object({ name: z.string(), kind: leadActingSchema })),
  /** How the reader acts for the lead unit, or null when they do not. */
  you: leadActingSchema.nullable(),
});
export type WhoActs = z.infer<typeof whoActs>;
