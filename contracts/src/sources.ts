/**
 * 督办事项来源 as data (REQUIREMENTS S1, S4; issue 11 item 5): the registry of item sources the system administrator
 * extends — each with its code, zh-CN/English name, short code (批, 会, 文 …, for the item number), active flag, and
 * the per-source policy (default 办结时限 and warning/ladder timing, source-policies.ts) — and the item number pattern
 * each supervising government may set (督〔{year}〕{seq}号 by default).
 */
import { z } from 'zod';
import { text } from './common.js';
import { escalationWorkingDays, reminderWorkingDays } from './escalations.js';
import { sourcePolicyBody } from './source-policies.js';
import { taskSourceSchema } from './tasks.js';

/** A source's name in both UI languages. */
export const sourceName = z.strictObject({ 'zh-CN': text(32), en: text(64) });
export type SourceName = z.infer<typeof sourceName>;

/** 简称: one to four characters, e.g. 批 (批示), 会 (会议), 文 (文件); fills `{short}` in the number pattern. */
export const sourceShortCode = text(4);

/** One registry entry, as every signed-in user reads it (the task form's 来源 select, filters, ledger). */
export const source = sourcePolicyBody.extend({
  code: taskSourceSchema,
  name: sourceName,
  shortCode: z.string(),
  /** Inactive sources stay on the items that have them, but new items cannot take them. */
  active: z.boolean(),
  reminderWorkingDays,
  escalationWorkingDays,
});
export type Source = z.infer<typeof source>;

/** `POST /api/sources`: a new source; left-out policy settings take the usual defaults (签收 2, 黄灯 3 / 90% …). */
export const createSourceBody = sourcePolicyBody.partial().extend({
  code: taskSourceSchema,
  name: sourceName,
  shortCode: sourceShortCode,
  active: z.boolean().default(true),
  workingDays: sourcePolicyBody.shape.workingDays,
});
export type CreateSourceBody = z.infer<typeof createSourceBody>;

/** `PATCH /api/sources/:source`: only what is given changes; the code never changes (items refer to it). */
export const updateSourceBody = sourcePolicyBody.partial().extend({
  name: sourceName.optional(),
  shortCode: sourceShortCode.optional(),
  active: z.boolean().optional(),
});
export type UpdateSourceBody = z.infer<typeof updateSourceBody>;

/** The placeholders a number pattern may use. */
export const numberPatternPlaceholders = ['{year}', '{seq}', '{short}'] as const;

/** The pattern a government uses until its administrator sets another: 督〔2026〕12号. */
export const defaultNumberPattern = '督〔{year}〕{seq}号';

/**
 * Fills a number pattern: `{year}` the four-digit year, `{seq}` the government's running number in that year,
 * `{short}` the source's short code. The one implementation, so the admin page's preview and the server agree.
 */
export function formatItemNumber(pattern: string, values: { year: number; seq: number; short: string }): string {
  return pattern.replaceAll('{year}', String(values.year)).replaceAll('{seq}', String(values.seq)).replaceAll('{short}', values.short);
}

/** A pattern must contain `{seq}` (numbers would repeat otherwise) and no placeholder other than the three. */
export const numberPattern = text(40).refine(
  (pattern) =>
    pattern.includes('{seq}') &&
    (pattern.match(/\{[^}]*\}/g) ?? []).every((p) => (numberPatternPlaceholders as readonly string[]).includes(p)),
  { message: 'NUMBER_PATTERN_INVALID' },
);

export const numberPatternBody = z.strictObject({ pattern: numberPattern });
export type NumberPatternBody = z.infer<typeof numberPatternBody>;

/** A supervising government's item number pattern (the default when none was set). */
export const numberPatternSetting = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  pattern: z.string(),
  /** True when the government has not set its own and uses `defaultNumberPattern`. */
  isDefault: z.boolean(),
});
export type NumberPatternSetting = z.infer<typeof numberPatternSetting>;

export const numberPatternParams = z.object({ unitId: z.uuid() });
