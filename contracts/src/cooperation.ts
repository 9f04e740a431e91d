/**
 * 牵头单位与配合单位 (REQUIREMENTS R5): each cooperating unit's own obligation and contribution, and 协调请求 that
 * may reach the responsible leader only with the coordination already tried on record.
 */
import { z } from 'zod';
import { limits, text } from './common.js';

export const cooperation = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  duty: z.string().nullable(),
  dueDate: z.iso.date().nullable(),
  contribution: z.string().nullable(),
  contributedAt: z.iso.datetime().nullable(),
  /** The caller acts for this cooperating unit and may send its contribution. */
  canContribute: z.boolean(),
});

export const coordinationAttemptKindSchema = z.enum(['meeting', 'call', 'letter']);
export const coordinationAttemptKindLabels = {
  meeting: { 'zh-CN': '协调会', en: 'Meeting' },
  call: { 'zh-CN': '电话沟通', en: 'Phone call' },
  letter: { 'zh-CN': '函商', en: 'Letter' },
} as const;
export const coordinationAttempt = z.strictObject({
  kind: coordinationAttemptKindSchema,
  date: z.iso.date(),
  note: text(limits.shortTextMax),
});

export const coordinationStatusSchema = z.enum(['open', 'escalated', 'resolved']);
export const coordinationStatusLabels = {
  open: { 'zh-CN': '协调中', en: 'Open' },
  escalated: { 'zh-CN': '已报分管领导', en: 'Escalated to the leader' },
  resolved: { 'zh-CN': '已协调', en: 'Resolved' },
} as const;

export const coordinationRequest = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  raisedByUnitId: z.uuid(),
  raisedByUnitName: z.string(),
  raisedAt: z.iso.datetime(),
  subject: z.string(),
  detail: z.string(),
  attempts: z.array(coordinationAttempt),
  status: coordinationStatusSchema,
  escalatedAt: z.iso.datetime().nullable(),
  decision: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  canEscalate: z.boolean(),
  canDecide: z.boolean(),
});
export type CoordinationRequest = z.infer<typeof coordinationRequest>;

export const taskCooperation = z.object({
  cooperations: z.array(cooperation),
  coordination: z.array(coordinationRequest),
  /** The caller may raise a 协调请求 (lead or cooperating unit). */
  canRaise: z.boolean(),
  /** The caller may set the cooperating units' duties (督查室 or lead unit). */
  canSetDuties: z.boolean(),
});

export const cooperationParams = z.object({ id: z.uuid(), unitId: z.uuid() });
export const setCooperationDutyBody = z.strictObject({ duty: text(limits.shortTextMax), dueDate: z.iso.date().nullable().optional() });
export const contributionBody = z.strictObject({ contribution: text(limits.longTextMax) });
export const raiseCoordinationBody = z.strictObject({
  subject: text(limits.nameMax),
  detail: text(limits.longTextMax),
  attempts: z.array(coordinationAttempt).max(20).default([]),
});
export const escalateCoordinationBody = z.strictObject({ attempts: z.array(coordinationAttempt).max(20).default([]) });
export const decideCoordinationBody = z.strictObject({ decision: text(limits.longTextMax) });
