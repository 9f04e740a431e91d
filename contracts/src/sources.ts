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
export const numberPatternPlaceholders = ['{year}', '{seq}', '{short}', '{unit}'] as const;

/**
 * The pattern a government uses until its administrator sets another: 昆督〔2026〕12号 — `{unit}` is the government's
 * own prefix (`governmentNumberPrefix`), so items of two governments with the same running number never read alike.
 */
export const defaultNumberPattern = '{unit}督〔{year}〕{seq}号';

/**
 * Fills a number pattern: `{year}` the four-digit year, `{seq}` the government's running number in that year,
 * `{short}` the source's short code, `{unit}` the government's number prefix. The one implementation, so the admin
 * page's preview and the server agree.
 */
export function formatItemNumber(pattern: string, values: { year: number; seq: number; short: string; unit?: string }): string {
  return pattern
    .replaceAll('{year}', String(values.year))
    .replaceAll('{seq}', String(values.seq))
    .replaceAll('{short}', values.short)
    .replaceAll('{unit}', values.unit ?? '');
}

/** Peoples named in Yunnan's autonomous prefectures and counties, stripped to find the place name (石林彝族自治县 → 石林). */
const autonomousPeoples =
  /(彝族|哈尼族|壮族|苗族|傣族|白族|景颇族|傈僳族|藏族|回族|拉祜族|佤族|纳西族|瑶族|布朗族|独龙族|怒族|普米族|蒙古族|布依族|阿昌族|德昂族|基诺族|水族)+自治(州|县)$/;

/**
 * The prefix a government's item numbers carry by default, from its name the way 督查 documents abbreviate it: the
 * province by its first character (云南省人民政府 → 云), a 州市 by the first character of its place (昆明市 → 昆,
 * 西双版纳傣族自治州 → 西 — the 16 are distinct), a county by its place without 县/区/市 or the peoples of an
 * autonomous county (五华区 → 五华, 石林彝族自治县 → 石林). Counties keep two characters or more, so a county never reads
 * like a 州市; a government whose prefix collides with another's sets its own pattern on the numbering page.
 */
export function governmentNumberPrefix(name: string, level: string | null): string {
  const place = name.replace(/人民政府$/, '').replace(/政府$/, '');
  const core = place.replace(autonomousPeoples, '');
  if (level === 'province' || level === 'prefecture') return [...core][0] ?? '';
  const stem = core.replace(/(自治县|特区|林区|县|区|市|旗)$/, '');
  return [...stem].length >= 2 ? stem : core;
}

/** A pattern must contain `{seq}` (numbers would repeat otherwise) and no placeholder other than the four. */
export const numberPattern = text(40).refine(
  (pattern) =>
    pattern.includes('{seq}') &&
    (pattern.match(/\{[^{}]*\}/g) ?? []).every((p) => (numberPatternPlaceholders as readonly string[]).includes(p)),
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
  /** What `{unit}` reads for this government (`governmentNumberPrefix`). */
  numberPrefix: z.string().optional(),
});
export type NumberPatternSetting = z.infer<typeof numberPatternSetting>;

export const numberPatternParams = z.object({ unitId: z.uuid() });
