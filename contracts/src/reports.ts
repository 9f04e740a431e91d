/**
 * 进展反馈 (progress reports) and their evidence attachments (REQUIREMENTS S3 "Progress reports", X4).
 *
 * Per reporting period the lead unit reports what was done, what comes next, problems, help needed, and a percent
 * complete or a milestone reached. The form is pre-filled from the previous report (`reportDraft`), so the unit
 * types only what changed. The 督查室 accepts a report or returns it with reasons; a reviewed report never changes —
 * a correction is a new version linked to the one it corrects.
 */
import { z } from 'zod';
import { limits, text } from './common.js';

export const progressReportStatusValues = ['submitted', 'accepted', 'returned'] as const;
export const progressReportStatusSchema = z.enum(progressReportStatusValues);
export type ProgressReportStatus = z.infer<typeof progressReportStatusSchema>;

export const progressReportStatusLabels: Record<ProgressReportStatus, { 'zh-CN': string; en: string }> = {
  submitted: { 'zh-CN': '待审核', en: 'Awaiting review' },
  accepted: { 'zh-CN': '已采纳', en: 'Accepted' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
};

/** What a reader may do with one report now: the 督查室 accepts or returns it; the lead unit corrects a returned one. */
export const progressReportActionValues = ['accept', 'return', 'correct'] as const;
export const progressReportActionSchema = z.enum(progressReportActionValues);
export type ProgressReportAction = z.infer<typeof progressReportActionSchema>;

export const progressReportActionLabels: Record<ProgressReportAction, { 'zh-CN': string; en: string }> = {
  accept: { 'zh-CN': '采纳', en: 'Accept' },
  return: { 'zh-CN': '退回修改', en: 'Return for correction' },
  correct: { 'zh-CN': '更正后重报', en: 'Correct and resubmit' },
};

/** Evidence files: what the server accepts (checked by extension and by the file's first bytes). */
export const attachmentLimits = {
  maxBytes: 20 * 1024 * 1024,
  extensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'jpg', 'jpeg', 'png', 'ofd', 'zip'],
  perReportMax: 20,
} as const;

export const attachment = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.uuid(),
  uploadedByName: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Attachment = z.infer<typeof attachment>;

const reportFields = {
  /** 报送期次, e.g. 2026年3月 / 第12周. */
  periodLabel: text(100),
  /** 本期进展 */
  done: text(limits.longTextMax),
  /** 下步计划 */
  nextSteps: text(limits.longTextMax).optional(),
  /** 存在问题 */
  problems: text(limits.longTextMax).optional(),
  /** 需协调事项 */
  helpNeeded: text(limits.longTextMax).optional(),
  /** 完成进度 0–100, or … */
  percent: z.number().int().min(0).max(100).optional(),
  /** … 达到的节点 (free text). At least one of the two. */
  milestone: text(limits.shortTextMax).optional(),
  /** Attachments uploaded to the same item (`POST /api/tasks/:id/attachments`). */
  attachmentIds: z.array(z.uuid()).max(attachmentLimits.perReportMax).default([]),
};

export const submitReportBody = z
  .strictObject({
    ...reportFields,
    /** Set when this report corrects a returned one; it becomes that report's next version. */
    correctsReportId: z.uuid().optional(),
  })
  .refine((b) => b.percent !== undefined || b.milestone !== undefined, {
    path: ['percent'],
    message: 'percent or milestone is required',
  });
export type SubmitReportBody = z.infer<typeof submitReportBody>;

export const reviewReportBody = z
  .strictObject({
    accept: z.boolean(),
    /** Required when returning: what the unit must correct. */
    reason: text(limits.longTextMax).optional(),
  })
  .refine((b) => b.accept || b.reason !== undefined, { path: ['reason'], message: 'a reason is required to return a report' });
export type ReviewReportBody = z.infer<typeof reviewReportBody>;

export const progressReport = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  /** n-th report on the item (submission order). */
  seq: z.number().int(),
  /** 1 for a first submission; a correction is the corrected report's version + 1. */
  version: z.number().int(),
  correctsReportId: z.uuid().nullable(),
  correctedByReportId: z.uuid().nullable(),
  reporterUserId: z.uuid(),
  /** The person who filed it, as recorded when it was filed (the timeline's actor), not the account's unit desk. */
  reporterName: z.string().nullable(),
  /** The filer's unit at the time. */
  reporterUnitName: z.string().nullable().optional(),
  periodLabel: z.string(),
  done: z.string(),
  nextSteps: z.string().nullable(),
  problems: z.string().nullable(),
  helpNeeded: z.string().nullable(),
  percent: z.number().int().nullable(),
  milestone: z.string().nullable(),
  status: progressReportStatusSchema,
  reviewReason: z.string().nullable(),
  reviewedBy: z.uuid().nullable(),
  reviewerName: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  attachments: z.array(attachment),
  allowedActions: z.array(progressReportActionSchema),
});
export type ProgressReport = z.infer<typeof progressReport>;

/** Every report of an item, newest first, and whether the reader may file a new one now. */
export const progressReportList = z.object({
  items: z.array(progressReport),
  canSubmit: z.boolean(),
});

/**
 * The pre-filled form. `first`: no report yet. `next`: carried over from the latest report, its 下步计划 offered as a
 * hint for this period's 本期进展. `correction`: the latest report was returned — everything is carried over and
 * submitting it (with `correctsReportId`) files the next version.
 */
export const reportDraft = z.object({
  taskId: z.uuid(),
  kind: z.enum(['first', 'next', 'correction']),
  basedOnReportId: z.uuid().nullable(),
  correctsReportId: z.uuid().nullable(),
  /** Why the 督查室 returned the report being corrected. */
  returnReason: z.string().nullable(),
  previousPeriodLabel: z.string().nullable(),
  periodLabel: z.string().nullable(),
  done: z.string().nullable(),
  /** Last time's 下步计划: what this period was meant to achieve. */
  doneHint: z.string().nullable(),
  nextSteps: z.string().nullable(),
  problems: z.string().nullable(),
  helpNeeded: z.string().nullable(),
  percent: z.number().int().nullable(),
  milestone: z.string().nullable(),
  attachments: z.array(attachment),
  canSubmit: z.boolean(),
});
export type ReportDraft = z.infer<typeof reportDraft>;
