/**
 * 预警 (REQUIREMENTS S4): each open item's light — green, yellow or red — computed by the server from state and dates
 * on the working-day calendar, never set by hand. Each light carries its reasons, so it explains itself
 * ("黄灯：距办结时限还有 3 个工作日").
 */
import { z } from 'zod';
import type { Locale } from './errors.js';

export const warningColourValues = ['green', 'yellow', 'red'] as const;
export const warningColourSchema = z.enum(warningColourValues);
export type WarningColour = z.infer<typeof warningColourSchema>;

/** Stored as tasks.warning_level. */
export const warningLevels: Record<WarningColour, 0 | 1 | 2> = { green: 0, yellow: 1, red: 2 };
export function warningColourOf(level: number): WarningColour {
  return level >= 2 ? 'red' : level === 1 ? 'yellow' : 'green';
}

export const warningCodeValues = [
  'deadline_overdue',
  'sign_for_overdue',
  'milestone_overdue',
  'report_overdue',
  'deadline_today',
  'deadline_near',
  'time_elapsed',
  'behind_plan',
  'report_late',
  'sign_for_due',
  'children_red',
  'children_yellow',
] as const;
export type WarningCode = (typeof warningCodeValues)[number];

export const warningReason = z.object({
  code: z.enum(warningCodeValues),
  level: z.union([z.literal(1), z.literal(2)]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type WarningReason = z.infer<typeof warningReason>;

export const warning = z.object({ colour: warningColourSchema, reasons: z.array(warningReason) });
export type Warning = z.infer<typeof warning>;

const warningTexts: Record<WarningCode, Record<Locale, string>> = {
  deadline_overdue: { 'zh-CN': '已超过办结时限（{deadline}）{days} 天', en: '{days} days past the deadline ({deadline})' },
  deadline_today: { 'zh-CN': '今日为办结时限', en: 'the deadline is today' },
  sign_for_overdue: { 'zh-CN': '超过签收时限（{due}）未签收', en: 'not signed for by {due}' },
  milestone_overdue: {
    'zh-CN': '时间节点「{title}」（{due}）已过未完成',
    en: 'milestone “{title}” ({due}) passed without being reached',
  },
  report_overdue: { 'zh-CN': '进展反馈逾期（应于 {due} 前报送）', en: 'progress report overdue (due {due})' },
  deadline_near: { 'zh-CN': '距办结时限还有 {days} 个工作日', en: '{days} working days to the deadline' },
  time_elapsed: { 'zh-CN': '办理时间已过 {percent}%', en: '{percent}% of the time has passed' },
  behind_plan: { 'zh-CN': '进度 {actual}% 落后于序时进度 {planned}%', en: 'progress {actual}% behind the planned {planned}%' },
  report_late: { 'zh-CN': '进展反馈未按时报送（应于 {due} 前报送）', en: 'progress report late (due {due})' },
  sign_for_due: { 'zh-CN': '今日须签收', en: 'must be signed for today' },
  children_red: { 'zh-CN': '{count} 个子事项红灯', en: '{count} sub-items red' },
  children_yellow: { 'zh-CN': '{count} 个子事项黄灯', en: '{count} sub-items yellow' },
};

const colourWords: Record<WarningColour, Record<Locale, string>> = {
  green: { 'zh-CN': '绿灯', en: 'Green' },
  yellow: { 'zh-CN': '黄灯', en: 'Yellow' },
  red: { 'zh-CN': '红灯', en: 'Red' },
};

export function warningColourLabel(colour: WarningColour, locale: Locale): string {
  return colourWords[colour][locale];
}

/** One reason in words, e.g. "距办结时限还有 3 个工作日". */
export function warningReasonText(reason: Pick<WarningReason, 'code' | 'params'>, locale: Locale): string {
  const template = warningTexts[reason.code][locale];
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in reason.params ? String(reason.params[key]) : whole));
}

/** The whole light in words, e.g. "黄灯：距办结时限还有 3 个工作日；进展反馈未按时报送（应于 2026-11-20 前报送）". */
export function warningText(w: Warning, locale: Locale): string {
  const label = colourWords[w.colour][locale];
  if (w.reasons.length === 0) return locale === 'zh-CN' ? `${label}：正常推进` : `${label}: on track`;
  const separator = locale === 'zh-CN' ? '；' : '; ';
  return `${label}${locale === 'zh-CN' ? '：' : ': '}${w.reasons.map((r) => warningReasonText(r, locale)).join(separator)}`;
}
