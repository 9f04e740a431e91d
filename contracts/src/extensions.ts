/**
 * 延期申请 contracts: the lead unit asks before the deadline (reason, new date, current progress); the unit's
 * leader, the 督查员 and the responsible leader approve in turn; the original deadline is kept for assessment.
 */
import { z } from 'zod';
import { limits, text } from './common.js';

export const extensionStatusSchema = z.enum(['pending_unit_leader', 'pending_supervisor', 'pending_leader', 'approved', 'rejected']);
export type ExtensionStatus = z.infer<typeof extensionStatusSchema>;

export const extensionStatusLabels: Record<ExtensionStatus, { 'zh-CN': string; en: string }> = {
  pending_unit_leader: { 'zh-CN': '待单位负责人审批', en: 'Awaiting the unit leader' },
  pending_supervisor: { 'zh-CN': '待督查员审核', en: 'Awaiting the supervisor' },
  pending_leader: { 'zh-CN': '待分管领导审批', en: 'Awaiting the responsible leader' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  rejected: { 'zh-CN': '未批准', en: 'Refused' },
};

export const requestExtensionBody = z.strictObject({
  reason: text(limits.longTextMax),
  progress: text(limits.longTextMax),
  newDeadline: z.iso.date(),
});

export const decideExtensionBody = z.strictObject({
  approve: z.boolean(),
  /** Required when refusing. */
  reason: text(limits.longTextMax).optional(),
});

export const extensionDecision = z.object({
  step: extensionStatusSchema,
  approverName: z.string(),
  approve: z.boolean(),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});

export const extensionRequest = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  requestedAt: z.iso.datetime(),
  reason: z.string(),
  progress: z.string(),
  currentDeadline: z.iso.date(),
  newDeadline: z.iso.date(),
  status: extensionStatusSchema,
  decisions: z.array(extensionDecision),
});
export type ExtensionRequest = z.infer<typeof extensionRequest>;

export const taskExtensions = z.object({
  items: z.array(extensionRequest),
  /** Whether the caller may ask for an extension now. */
  canRequest: z.boolean(),
  /** The pending request the caller may decide now, if any. */
  canDecideId: z.uuid().nullable(),
});
