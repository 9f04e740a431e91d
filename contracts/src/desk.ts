/**
 * 工作台 (the work desk, issue 13 item 2/4; REQUIREMENTS S8/S9): each role's first screen, what awaits the reader
 * today, in groups ordered by urgency, each entry one tap from the item. Read-only: the desk asks nothing of anyone.
 */
import { z } from 'zod';
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
