/**
 * Pure rules for reading a 分工方案 workbook: which header names mean which field (templates differ from office to
 * office, so several names are accepted and the column order does not matter), how a 时限 is written (a date in
 * several Chinese spellings, "2026年12月底", or "N个工作日"), how unit lists are separated, and which 来源 a cell means.
 */
import type { Source, TaskSource } from '@luoshi/contracts';

export type ImportField =
  | 'title'
  | 'content'
  | 'leadUnit'
  | 'cooperatingUnits'
  | 'leader'
  | 'deadline'
  | 'source'
  | 'requirements'
  /** 重点工作: a group heading, often merged over the rows of its tasks; it prefixes their content. */
  | 'group'
  /** 备注: read for a reporting frequency (每月报送一次). */
  | 'remark'
  /** 序号: numbering, read by nobody but known (not reported as ignored). */
  | 'serial';

/** Header names per field, compared after `normalizeHeader`. The first name is the one reported when missing. */
export const headerNames: Record<ImportField, readonly string[]> = {
  title: ['任务', '工作任务', '重点任务', '主要任务', '任务名称', '任务内容', '事项', '事项名称', '督办事项', '工作事项'],
  content: ['具体内容', '工作内容', '主要内容', '具体措施', '工作措施'],
  leadUnit: ['牵头单位', '牵头部门', '责任单位', '牵头责任单位'],
  cooperatingUnits: ['配合单位', '配合部门', '协办单位', '参与单位'],
  leader: ['责任领导', '分管领导', '牵头领导', '责任省领导', '领导', '省领导', '分管省领导', '联系领导', '责任州市领导'],
  deadline: ['时限', '完成时限', '办结时限', '完成时间', '时间节点', '时间要求', '完成期限'],
  source: ['来源', '任务来源', '事项来源'],
  requirements: ['办理要求', '工作要求', '具体要求', '要求'],
  group: ['重点工作', '工作类别', '类别', '重点领域', '工作板块', '板块'],
  remark: ['备注', '说明', '备注说明'],
  serial: ['序号', '编号', '序'],
};

export const requiredFields: readonly ImportField[] = ['title', 'leadUnit'];

/** Header text without spaces, asterisks (required marks) or notes in brackets: "完成时限（截止日期）*" → "完成时限". */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（(【[][^（(【[）)】\]]*[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .trim();
}

export function fieldOfHeader(text: string): ImportField | null {
  const name = normalizeHeader(text);
  if (!name) return null;
  for (const [field, names] of Object.entries(headerNames) as [ImportField, readonly string[]][]) {
    if (names.includes(name)) return field;
  }
  return null;
}

/**
 * Collective subjects as documents spell them, brought to one spelling before a cell is split (the 、 in 各州、市 or
 * 省直各委、办、厅、局 is part of the name, not a separator).
 */
function normalizeCollectives(text: string): string {
  return text
    .replace(/各州\s*[、，,]\s*市/g, '各州（市）')
    .replace(/各县\s*[、，,]\s*市\s*[、，,]\s*区/g, '各县（市、区）')
    .replace(/省直各委\s*、\s*办\s*、\s*厅\s*、\s*局/g, '省直各有关部门');
}

/** A 牵头/配合 word or bracket after a unit's name: "省发改委（牵头）", "省财政厅牵头" → the name. */
function withoutRoleWord(name: string): string {
  return name
    .replace(/[（(](牵头|配合|负责|按职责分工负责|排第一位的为牵头单位)[）)]$/, '')
    .replace(/(按职责分工负责|分别牵头|牵头|配合|负责)$/, '')
    .trim();
}

/**
 * Names in one cell: "省发展改革委、省财政厅，省教育厅" → three names. A separator inside brackets is part of the
 * name (各县（市、区）人民政府), and so is the 、 of a collective subject written without brackets (各州、市人民政府).
 */
export function splitNames(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of normalizeCollectives(text)) {
    if ('（(【['.includes(ch)) depth++;
    if ('）)】]'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、,，;；/\n]/.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return [...new Set(parts.map((s) => withoutRoleWord(s.replace(/\s+/g, ''))).filter(Boolean))];
}

/** The collective a name stands for, or null for a single unit's name. */
export type Collective = 'prefectures' | 'counties' | 'departments';

export function collectiveOf(name: string): Collective | null {
  const n = name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  if (/^各州（?市）?(人民政府|政府)?$/.test(n) || /^各州市(人民政府|政府)?$/.test(n)) return 'prefectures';
  if (/^各县（?市、?区）?(人民政府|政府)?$/.test(n) || /^各县市区(人民政府|政府)?$/.test(n)) return 'counties';
  if (/^(省直|省级)?各?(有关|相关)?(部门|单位)$/.test(n) && /有关|相关|各/.test(n)) return 'departments';
  return null;
}

/** "1. 推进…", "（一）推进…", "一、推进…", "（3）推进…" → "推进…". */
export function withoutNumbering(text: string): string {
  return text
    .replace(/^\s*(?:\d{1,3}\s*[.．、)）]|[（(]\s*[\d一二三四五六七八九十]{1,4}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、)\s*/, '')
    .trim();
}

/** A heading row's text: "一、稳增长", "（二）扩内需" (numbered with Chinese numerals). */
export function isHeadingText(text: string): boolean {
  return /^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])/.test(text);
}

export type ParsedFrequency =
  { kind: 'set'; frequency: 'weekly' | 'half_monthly' | 'monthly' | 'quarterly' } | { kind: 'unsupported' } | null;

/** A reporting frequency stated in a remark: 每月报送一次 → monthly, 每季度 → quarterly, 每半年 → not supported. */
export function parseFrequency(text: string): ParsedFrequency {
  const t = text.replace(/\s+/g, '');
  if (!/报送|报告|反馈|报|更新|调度/.test(t) && !/^(每|按)/.test(t)) return null;
  if (/每半年|每年|按年|每旬|半年/.test(t)) return { kind: 'unsupported' };
  if (/每半月|每半个月|半月/.test(t)) return { kind: 'set', frequency: 'half_monthly' };
  if (/每周|每星期|按周/.test(t)) return { kind: 'set', frequency: 'weekly' };
  if (/每季度|每季|按季度|按季/.test(t)) return { kind: 'set', frequency: 'quarterly' };
  if (/每月|按月|每个月/.test(t)) return { kind: 'set', frequency: 'monthly' };
  return null;
}

/** A leader's name without the title in brackets: "王建华（副省长）" → "王建华". */
export function leaderName(text: string): string {
  return text
    .replace(/[（(][^（()）]*[）)]/g, '')
    .replace(/\s+/g, '')
    .trim();
}

export type ParsedDeadline =
  | { kind: 'none' }
  | { kind: 'date'; date: string }
  | { kind: 'workingDays'; days: number }
  | { kind: 'invalid'; text: string }
  /** 持续推进 / 长期坚持: followed until the end of the year (`date`). */
  | { kind: 'ongoing'; date: string; text: string };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2100) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function lastDayOf(year: number, month: number): string | null {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** Excel's day number (1900 system) as a date. */
function fromSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 36526 || serial > 73050) return null; // 2000 … 2100
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * A 时限 cell: a date cell, an Excel day number, or text such as 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日,
 * 2026年12月底 (the month's last day), 2026年底, 2026年上半年, optionally followed by 前 / 以前 / 之前; or
 * "20个工作日" (counted from 交办). Empty means the default time limit of the item's source.
 */
export function parseDeadline(value: string | number | Date | null, currentYear = new Date().getUTCFullYear()): ParsedDeadline {
  if (value === null) return { kind: 'none' };
  if (value instanceof Date) {
    const date = isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return date ? { kind: 'date', date } : { kind: 'invalid', text: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    const date = fromSerial(value);
    return date ? { kind: 'date', date } : { kind: 'invalid', text: String(value) };
  }
  const text = value.replace(/\s+/g, '');
  if (!text) return { kind: 'none' };
  const invalid = { kind: 'invalid', text: value.trim() } as const;
  const days = /^(\d{1,3})个?工作日内?$/.exec(text);
  if (days) {
    const n = Number(days[1]);
    return n >= 1 && n <= 500 ? { kind: 'workingDays', days: n } : invalid;
  }
  if (/^(持续推进|长期坚持|长期推进|常态化推进|长期|持续|常态化)$/.test(text)) {
    return { kind: 'ongoing', date: `${currentYear}-12-31`, text: value.trim() };
  }
  // Without a year the current one is meant: 年底前, 6月底前, 年内, 上半年.
  const body = text
    .replace(/(以前|之前|前)$/, '')
    .replace(/^(年底|年内|年末)$/, `${currentYear}年底`)
    .replace(/^(上半年)$/, `${currentYear}年上半年`)
    .replace(/^(\d{1,2}月)/, `${currentYear}年$1`);
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(body);
  const monthEnd = /^(\d{4})[-/.年](\d{1,2})月?(底|末)?$/.exec(body);
  const yearEnd = /^(\d{4})年(年底|底|末|年末)$/.exec(body);
  const halfYear = /^(\d{4})年上半年$/.exec(body);
  let date: string | null = null;
  if (full) date = isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
  else if (monthEnd) date = lastDayOf(Number(monthEnd[1]), Number(monthEnd[2]));
  else if (yearEnd) date = isoDate(Number(yearEnd[1]), 12, 31);
  else if (halfYear) date = isoDate(Number(halfYear[1]), 6, 30);
  return date ? { kind: 'date', date } : invalid;
}

/** Telling words for the sources the registry was seeded with (used only when such a source is offered). */
const sourceAliases: [string, TaskSource][] = [
  ['工作报告', 'work_report'],
  ['常务会议', 'meeting_decision'],
  ['会议', 'meeting_decision'],
  ['批示', 'leader_instruction'],
  ['人大', 'npc_suggestion'],
  ['政协', 'cppcc_proposal'],
  ['审计', 'audit_finding'],
  ['媒体', 'media_report'],
  ['群众', 'public_complaint'],
  ['上级', 'superior_assignment'],
  ['文件', 'document'],
];

/**
 * The source a 来源 cell means among `sources` (the registry's active ones): a name (政府工作报告, 会议决定事项 …),
 * a code, a short code, or a telling word in it.
 */
export function parseSource(text: string, sources: readonly Pick<Source, 'code' | 'name' | 'shortCode'>[]): TaskSource | null {
  const cell = text.replace(/\s+/g, '');
  if (!cell) return null;
  const exact = sources.find((s) => cell === s.name['zh-CN'] || cell === s.code || (s.shortCode !== '' && cell === s.shortCode));
  if (exact) return exact.code;
  const offered = new Set(sources.map((s) => s.code));
  return sourceAliases.find(([word, code]) => offered.has(code) && cell.includes(word))?.[1] ?? null;
}

/**
 * The item's title from the task text: the text itself when it fits, otherwise its first sentence, otherwise its
 * beginning with an ellipsis (the whole text always goes into the content).
 */
export function titleOf(taskText: string, max: number): string {
  const flat = taskText.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const first = /^(.+?)[。；;！？]/.exec(flat)?.[1];
  if (first && first.length <= max) return first;
  return `${flat.slice(0, max - 1)}…`;
}

/** "A1:B3" → rows 1..3 (merged ranges as exceljs reports them). */
export function rowsOfRange(range: string): { top: number; bottom: number } | null {
  const match = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(range);
  if (!match) return null;
  return { top: Number(match[1]), bottom: Number(match[2]) };
}
