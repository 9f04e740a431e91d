/**
 * 专家库 (REQUIREMENTS D3): experts with fields, title, affiliation, contact (masked in lists), declared conflicts and
 * availability; a reproducible random draw with 回避 (same unit as the proposer, declared conflicts, drawn more than
 * K times this year): the seed, the pool and the rule are recorded, so anyone with audit rights re-runs it and gets
 * the same experts; opinions are kept per expert.
 */
import { z } from 'zod';
import { idParams, limits, text } from './common.js';
import { defineRoute } from './route.js';

/** How the draw ranks the pool: SHA-256 of `${seed}:${expertId}` in hex, ascending; the first N are drawn. */
export const expertDrawRule = 'sha256-rank-v1';

export const recusalReasonSchema = z.enum(['same_unit', 'conflict', 'too_many_draws', 'unavailable']);
export type RecusalReason = z.infer<typeof recusalReasonSchema>;

const fieldName = text(50);

export const expert = z.object({
  id: z.uuid(),
  name: z.string(),
  fields: z.array(z.string()),
  title: z.string().nullable(),
  affiliation: z.string(),
  affiliationUnitId: z.uuid().nullable(),
  /** Masked in lists (138****5678); whole only in a draw's result for its organisers. */
  phone: z.string().nullable(),
  conflictUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  conflictNote: z.string().nullable(),
  isAvailable: z.boolean(),
  drawsThisYear: z.number().int(),
});
export type Expert = z.infer<typeof expert>;

export const expertListQuery = z.strictObject({ field: fieldName.optional() });

export const createExpertBody = z.strictObject({
  ownerUnitId: z.uuid(),
  name: text(50),
  fields: z.array(fieldName).min(1).max(10),
  title: text(50).optional(),
  affiliation: text(limits.nameMax),
  affiliationUnitId: z.uuid().optional(),
  phone: z
    .string()
    .regex(/^[0-9+\- ]{5,20}$/)
    .optional(),
  conflictUnitIds: z.array(z.uuid()).max(20).default([]),
  conflictNote: text(limits.shortTextMax).optional(),
});

export const updateExpertBody = z.strictObject({
  isAvailable: z.boolean().optional(),
  conflictUnitIds: z.array(z.uuid()).max(20).optional(),
  conflictNote: text(limits.shortTextMax).nullable().optional(),
});

export const drawExpertsBody = z.strictObject({
  ownerUnitId: z.uuid(),
  purpose: text(limits.nameMax),
  field: fieldName,
  count: z.number().int().min(1).max(50),
  /** 提出单位 of the matter reviewed: its own experts are recused. */
  proposerUnitId: z.uuid(),
  /** K: experts drawn more than this many times this year are recused. */
  maxDrawsPerYear: z.number().int().min(1).max(100).default(5),
});

export const drawnExpert = z.object({
  expertId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  affiliation: z.string(),
  phone: z.string().nullable(),
  opinion: z.string().nullable(),
  opinionAt: z.string().nullable(),
});

export const expertDraw = z.object({
  id: z.uuid(),
  purpose: z.string(),
  field: z.string(),
  requested: z.number().int(),
  proposerUnitId: z.uuid(),
  proposerUnitName: z.string(),
  maxDrawsPerYear: z.number().int(),
  year: z.number().int(),
  seed: z.string(),
  rule: z.string(),
  /** Every expert that could be drawn after 回避, in id order. */
  pool: z.array(z.uuid()),
  excluded: z.array(z.object({ expertId: z.uuid(), name: z.string(), reason: recusalReasonSchema })),
  drawn: z.array(drawnExpert),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type ExpertDraw = z.infer<typeof expertDraw>;

export const drawVerification = z.object({
  /** True when re-running the recorded rule on the recorded seed and pool gives exactly the recorded experts. */
  matches: z.boolean(),
  recorded: z.array(z.uuid()),
  rerun: z.array(z.uuid()),
});

export const recordOpinionBody = z.strictObject({ expertId: z.uuid(), opinion: text(limits.longTextMax) });

export const expertRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/experts', query: expertListQuery, response: z.array(expert) }),
  create: defineRoute({ method: 'POST', path: '/api/experts', body: createExpertBody, status: 201, response: expert }),
  update: defineRoute({ method: 'PATCH', path: '/api/experts/:id', params: idParams, body: updateExpertBody, response: expert }),
  draws: defineRoute({ method: 'GET', path: '/api/expert-draws', response: z.array(expertDraw) }),
  draw: defineRoute({ method: 'POST', path: '/api/expert-draws', body: drawExpertsBody, status: 201, response: expertDraw }),
  getDraw: defineRoute({ method: 'GET', path: '/api/expert-draws/:id', params: idParams, response: expertDraw }),
  verify: defineRoute({ method: 'POST', path: '/api/expert-draws/:id/verify', params: idParams, response: drawVerification }),
  recordOpinion: defineRoute({
    method: 'POST',
    path: '/api/expert-draws/:id/opinions',
    params: idParams,
    body: recordOpinionBody,
    response: expertDraw,
  }),
};
