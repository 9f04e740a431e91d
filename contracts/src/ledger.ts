/**
 * 督查工作台账 (REQUIREMENTS S8): one table over every item the reader may see, with filters, sorting, keyset pages,
 * counts per warning colour, saved views, a streamed Excel export of exactly the filtered set, and the import of the
 * common 分工方案 workbook (任务 / 牵头单位 / 配合单位 / 责任领导 / 时限 …) — a dry run that lists every row's
 * problems first, then an all-or-nothing commit.
 *
 * The same filter travels in the URL of the ledger page, in a saved view and in the export link, so a figure on
 * another page (the cockpit) can link to a filtered ledger.
 */
import { z } from 'zod';
import { limits, text } from './common.js';
import { reportingFrequencySchema, taskSourceSchema, taskStatusSchema, urgencySchema } from './tasks.js';

/** Warning colours as filter values; stored as tasks.warning_level 0 / 1 / 2. */
export const ledgerWarningValues = ['green', 'yellow', 'red'] as const;
export const ledgerWarningSchema = z.enum(ledgerWarningValues);
export type LedgerWarning = z.infer<typeof ledgerWarningSchema>;

export const ledgerSortValues = ['deadline', 'createdAt', 'serialNumber', 'warningLevel'] as const;
export const ledgerSortSchema = z.enum(ledgerSortValues);
export type LedgerSort = z.infer<typeof ledgerSortSchema>;

export const ledgerLimits = {
  pageSizeDefault: 50,
  pageSizeMax: 100,
  /**
   * A real import refuses workbooks with more data rows than this. Every row goes through the registration use case
   * in one transaction (≈40 ms per row on PostgreSQL here), which holds the serial-number and audit-chain locks it
   * takes until the end; 500 rows keep that under half a minute.
   */
  importRowsMax: 500,
  /** Rows beyond this are not examined at all (the dry run still reports a 10,000-row workbook row by row). */
  importRowsExaminedMax: 20_000,
  /** The dry-run report lists at most this many problems (and says how many there are in all). */
  importProblemsShown: 500,
  importBytesMax: 5 * 1024 * 1024,
} as const;

/**
 * A multi-valued query parameter: `status=a,b` or `status=a&status=b`. Saved views store it as an array, which
 * parses the same way; an empty value means "no filter".
 */
function listParam<T extends z.ZodType>(item: T, max = 20) {
  return z
    .preprocess((value) => {
      if (value === undefined || value === null) return undefined;
      const parts = (Array.isArray(value) ? value : [value])
        .flatMap((v) => String(v).split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      return parts.length ? parts : undefined;
    }, z.array(item).max(max).optional())
    .optional();
}

const booleanParam = z.enum(['true', 'false']).optional();

/**
 * Filters and sort of the ledger. Strict: an unknown field answers 400, so a typo in a link never silently shows
 * everything. Dates are Asia/Shanghai calendar dates; periods include both ends.
 */
export const ledgerFilterShape = {
  source: listParam(taskSourceSchema),
  status: listParam(taskStatusSchema),
  /** The lead unit, or any unit below it. */
  leadUnitId: z.uuid().optional(),
  responsibleLeaderId: z.uuid().optional(),
  warning: listParam(ledgerWarningSchema, 3),
  deadlineFrom: z.iso.date().optional(),
  deadlineTo: z.iso.date().optional(),
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  /** 交办 in this period (the cockpit's monthly figures link here). */
  assignedFrom: z.iso.date().optional(),
  assignedTo: z.iso.date().optional(),
  /** 办结 in this period. */
  completedFrom: z.iso.date().optional(),
  completedTo: z.iso.date().optional(),
  /** Sub-items of one item (一级督一级). */
  parentId: z.uuid().optional(),
  /** Only items that are not sub-items. */
  topLevelOnly: booleanParam,
  /** Words in the title, serial number or content (Chinese works). */
  q: z.string().trim().min(1).max(limits.nameMax).optional(),
  /** Default: deadline, ascending, items without a deadline last. */
  sort: ledgerSortSchema.optional(),
  order: z.enum(['asc', 'desc']).optional(),
};
export const ledgerFilter = z.strictObject(ledgerFilterShape);
export type LedgerFilter = z.infer<typeof ledgerFilter>;

/** `GET /api/ledger` and `GET /api/ledger/export.xlsx` take the same filter; the list adds the page. */
export const ledgerListQuery = z.strictObject({
  ...ledgerFilterShape,
  limit: z.coerce.number().int().min(1).max(ledgerLimits.pageSizeMax).optional(),
  /** Opaque; only valid with the sort and order it came with. */
  cursor: z.string().max(400).optional(),
});
export type LedgerListQuery = z.infer<typeof ledgerListQuery>;

/** Why the light has its colour, as the warning computation stores it (labels live with that computation). */
export const ledgerWarningReason = z.object({
  code: z.string(),
  level: z.number().int().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ledgerRow = z.object({
  id: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  source: taskSourceSchema,
  status: taskStatusSchema,
  urgency: urgencySchema,
  deadline: z.iso.date().nullable(),
  /** Before 交办 fixes the date: N working days from 交办. */
  deadlineWorkingDays: z.number().int().nullable(),
  originalDeadline: z.iso.date().nullable(),
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  cooperatingUnitNames: z.array(z.string()),
  responsibleLeaderId: z.uuid().nullable(),
  responsibleLeaderName: z.string().nullable(),
  handlerName: z.string().nullable(),
  progressPercent: z.number().int().nullable(),
  warningLevel: ledgerWarningSchema,
  warningReasons: z.array(ledgerWarningReason),
  depth: z.number().int(),
  parentId: z.uuid().nullable(),
  /** A sub-item's parent number (shown with the lead unit in the title column: sub-items share the parent's title). */
  parentSerialNumber: z.string().nullable(),
  /** Working days past 办结时限 while open; null when not late. */
  overdueWorkingDays: z.number().int().nullable(),
  /** 本期进展 of the newest report (its text, not only its time). */
  lastReportText: z.string().nullable(),
  urgeCount: z.number().int(),
  sendBackCount: z.number().int(),
  lastReportAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type LedgerRow = z.infer<typeof ledgerRow>;

export const ledgerCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), total: z.number().int() });
export type LedgerCounts = z.infer<typeof ledgerCounts>;

export const ledgerPage = z.object({
  items: z.array(ledgerRow),
  nextCursor: z.string().nullable(),
  /** Items per colour for the same filter, ignoring the warning filter itself (the tags above the table). */
  counts: ledgerCounts,
});
export type LedgerPage = z.infer<typeof ledgerPage>;

/** Columns a user can show or hide (and a saved view remembers). */
export const ledgerColumnValues = [
  'serialNumber',
  'title',
  'source',
  'status',
  'urgency',
  'deadline',
  'originalDeadline',
  'leadUnitName',
  'cooperatingUnitNames',
  'responsibleLeaderName',
  'handlerName',
  'progressPercent',
  'warningLevel',
  'depth',
  'urgeCount',
  'sendBackCount',
  'lastReportAt',
  'lastReportText',
  'createdAt',
] as const;
export const ledgerColumnSchema = z.enum(ledgerColumnValues);
export type LedgerColumn = z.infer<typeof ledgerColumnSchema>;

/**
 * A filter as stored and answered: the same fields with lists already split (response schemas cannot hold the
 * parameter parsing above, which only reads).
 */
export const ledgerFilterValue = z.strictObject({
  ...ledgerFilterShape,
  source: z.array(taskSourceSchema).optional(),
  status: z.array(taskStatusSchema).optional(),
  warning: z.array(ledgerWarningSchema).optional(),
});

export const ledgerView = z.object({
  id: z.uuid(),
  name: z.string(),
  query: ledgerFilterValue,
  columns: z.array(ledgerColumnSchema).nullable(),
  createdAt: z.iso.datetime(),
});
export type LedgerView = z.infer<typeof ledgerView>;

export const createLedgerViewBody = z.strictObject({
  name: text(64),
  query: ledgerFilter,
  columns: z.array(ledgerColumnSchema).max(ledgerColumnValues.length).optional(),
});
export type CreateLedgerViewBody = z.infer<typeof createLedgerViewBody>;

// ── import of the 分工方案 workbook ─────────────────────────────────────────────────────────────────────────

/** At most this many unknown names can be mapped in one import. */
export const ledgerImportMappingsMax = 200;

/**
 * The clerk's picks for unknown unit names: `{"曲靖":"<unit id>"}` as JSON in one query parameter (the body is the
 * workbook). On a real import each pick is also remembered as an alias of that unit.
 */
const importMappings = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  },
  z
    .record(text(limits.nameMax), z.uuid())
    .refine((m) => Object.keys(m).length <= ledgerImportMappingsMax, { message: 'too many mappings' }),
);

export const ledgerImportQuery = z.strictObject({
  /** Default true: nothing is written unless the caller asks for it with dryRun=false. */
  dryRun: z.enum(['true', 'false']).optional(),
  /** The source for rows whose 来源 cell is empty (or when the workbook has no 来源 column). */
  defaultSource: taskSourceSchema.optional(),
  /** Unknown unit name → the unit the clerk picked for it (see `importMappings`). */
  mappings: importMappings.optional(),
});
export type LedgerImportMappings = Record<string, string>;

/** Codes that are only ever notes in the dry run (never blocking). */
const noteOnlyCodes = [
  'column_ignored',
  'section_heading',
  'collective_expanded',
  'collective_via_prefectures',
  'departments_unnamed',
  'departments_from_text',
  'unit_mapped',
  'leader_by_title',
  'leader_title_only',
  'deadline_ongoing',
  'frequency_set',
  'frequency_unsupported',
] as const;

export const ledgerImportProblemCodes = [
  'no_header',
  'columns_missing',
  'column_repeated',
  'too_many_rows',
  'no_rows',
  'merged_cells',
  'task_missing',
  'unit_missing',
  'unit_unknown',
  'unit_ambiguous',
  'lead_cooperating',
  'leader_unknown',
  'leader_ambiguous',
  'leader_multiple',
  'date_invalid',
  'date_past',
  'source_unknown',
  'source_missing',
  'duplicate_in_file',
  'exists_open',
  'value_invalid',
  'text_too_long',
  // Notes: shown in the dry run, never blocking.
  ...noteOnlyCodes,
] as const;
export const ledgerImportProblemCodeSchema = z.enum(ledgerImportProblemCodes);
export type LedgerImportProblemCode = z.infer<typeof ledgerImportProblemCodeSchema>;

/** Problem texts; `{param}` placeholders are filled from the problem's params. */
export const ledgerImportProblemLabels: Record<LedgerImportProblemCode, { 'zh-CN': string; en: string }> = {
  no_header: {
    'zh-CN': '未找到表头行（须含「任务」和「牵头单位」列）',
    en: 'No header row found (it needs the columns 任务 and 牵头单位)',
  },
  columns_missing: { 'zh-CN': '缺少必需的列：{columns}', en: 'Required columns missing: {columns}' },
  column_repeated: { 'zh-CN': '列「{column}」出现了不止一次', en: 'The column {column} appears more than once' },
  too_many_rows: {
    'zh-CN': '共 {count} 行，一次最多导入 {max} 行，请分批导入',
    en: '{count} rows; at most {max} rows can be imported at once — split the workbook',
  },
  no_rows: { 'zh-CN': '表头下没有任何任务行', en: 'There are no task rows under the header' },
  merged_cells: {
    'zh-CN': '含合并单元格 {range}，请取消合并并在每一行填写完整',
    en: 'Merged cells {range}: unmerge them and fill in every row',
  },
  task_missing: { 'zh-CN': '未填写任务内容', en: 'The task text is empty' },
  unit_missing: { 'zh-CN': '未填写牵头单位', en: 'No lead unit given' },
  unit_unknown: { 'zh-CN': '单位「{name}」不存在或不在您的管辖范围内', en: 'Unit “{name}” does not exist or is outside your scope' },
  unit_ambiguous: {
    'zh-CN': '单位名称「{name}」对应多个单位，请填写全称',
    en: 'The unit name “{name}” matches several units; use the full name',
  },
  lead_cooperating: { 'zh-CN': '牵头单位「{name}」不能同时是配合单位', en: 'The lead unit “{name}” cannot also be a cooperating unit' },
  leader_unknown: { 'zh-CN': '责任领导「{name}」不在领导名单中', en: 'The responsible leader “{name}” is not among the leaders' },
  leader_ambiguous: { 'zh-CN': '责任领导「{name}」有重名，请在系统中核对', en: 'Several leaders are called “{name}”' },
  leader_multiple: { 'zh-CN': '只能填写一位责任领导（「{value}」）', en: 'Only one responsible leader per item (“{value}”)' },
  date_invalid: {
    'zh-CN': '时限「{value}」无法识别（填写日期，如 2026-12-31，或「N个工作日」）',
    en: 'Deadline “{value}” not understood (a date such as 2026-12-31, or “N个工作日”)',
  },
  date_past: { 'zh-CN': '时限 {value} 早于今天', en: 'The deadline {value} is in the past' },
  source_unknown: { 'zh-CN': '来源「{value}」无法识别', en: 'Source “{value}” not understood' },
  source_missing: { 'zh-CN': '未填写来源，且未选择默认来源', en: 'No source given and no default source chosen' },
  duplicate_in_file: {
    'zh-CN': '与第 {row} 行重复（任务与牵头单位相同）',
    en: 'Repeats row {row} (same task and lead unit)',
  },
  exists_open: {
    'zh-CN': '已有同名的在办督办事项 {serialNumber}',
    en: 'An open item with this title already exists: {serialNumber}',
  },
  value_invalid: { 'zh-CN': '「{column}」的内容不符合要求', en: 'The value in “{column}” is not valid' },
  text_too_long: { 'zh-CN': '「{column}」不能超过 {max} 个字', en: '“{column}” may have at most {max} characters' },
  column_ignored: {
    'zh-CN': '列「{column}」未导入（系统没有对应的字段）',
    en: 'The column “{column}” is not imported (no matching field)',
  },
  section_heading: { 'zh-CN': '「{text}」作为分组标题，不单独导入', en: '“{text}” is read as a group heading, not as an item' },
  collective_expanded: {
    'zh-CN': '「{name}」展开为 {count} 个单位',
    en: '“{name}” expanded to {count} units',
  },
  collective_via_prefectures: {
    'zh-CN': '「{name}」共 {count} 个单位，超过配合单位上限，改由各州（市）人民政府配合并逐级分解',
    en: '“{name}” means {count} units, more than an item can have; the 州市 governments cooperate and break it down',
  },
  departments_unnamed: {
    'zh-CN': '「{name}」未列明具体部门，请在导入后补充配合单位',
    en: '“{name}” names no department; add the cooperating departments after the import',
  },
  departments_from_text: {
    'zh-CN': '「{name}」按本行文字识别为：{units}',
    en: '“{name}” read from the row’s text as: {units}',
  },
  unit_mapped: { 'zh-CN': '「{name}」按您的选择对应「{unit}」', en: '“{name}” maps to “{unit}” as you chose' },
  leader_by_title: {
    'zh-CN': '责任领导「{value}」按职务和分管领域对应 {name}',
    en: 'The responsible leader “{value}” matched {name} by title and area',
  },
  leader_title_only: {
    'zh-CN': '责任领导「{value}」只写了职务，未能确定具体领导，导入后请补充',
    en: 'The responsible leader “{value}” is a title only; choose the leader after the import',
  },
  deadline_ongoing: {
    'zh-CN': '时限「{value}」按 {date} 跟踪',
    en: 'The deadline “{value}” is tracked as {date}',
  },
  frequency_set: {
    'zh-CN': '按备注「{value}」设为{frequency|reportingFrequency}报送',
    en: 'Reporting set to {frequency|reportingFrequency} from the remark “{value}”',
  },
  frequency_unsupported: {
    'zh-CN': '备注「{value}」中的报送频次系统暂不支持，按每月报送',
    en: 'The reporting frequency in “{value}” is not supported; monthly is used',
  },
};

/** Codes that never block an import: they are reported as notes. */
export const ledgerImportNoteCodes: readonly LedgerImportProblemCode[] = [
  ...noteOnlyCodes,
  // A leader the row names but that cannot be matched is chosen after the import: a note, not a block.
  'leader_unknown',
  'leader_ambiguous',
  'leader_multiple',
];

export const ledgerImportProblem = z.object({
  /** The worksheet row number as Excel shows it; null for a problem of the whole workbook. */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: ledgerImportProblemCodeSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type LedgerImportProblem = z.infer<typeof ledgerImportProblem>;

/** What a valid row becomes (shown in the dry run so the clerk can check the matching). */
export const ledgerImportPreviewRow = z.object({
  row: z.number().int(),
  title: z.string(),
  leadUnitName: z.string(),
  cooperatingUnitNames: z.array(z.string()),
  responsibleLeaderName: z.string().nullable(),
  deadline: z.iso.date().nullable(),
  deadlineWorkingDays: z.number().int().nullable(),
  source: taskSourceSchema,
  reportingFrequency: reportingFrequencySchema,
});

/** A unit name the import could not resolve, with the units in the importer's scope whose names look like it. */
export const ledgerImportUnknownUnit = z.object({
  name: z.string(),
  rows: z.array(z.number().int()),
  candidates: z.array(z.object({ id: z.uuid(), name: z.string(), parentName: z.string().nullable() })),
});
export type LedgerImportUnknownUnit = z.infer<typeof ledgerImportUnknownUnit>;

export const ledgerImportResult = z.object({
  dryRun: z.boolean(),
  /** Data rows found under the header (empty rows skipped). */
  totalRows: z.number().int(),
  /** Rows without any problem. */
  validRows: z.number().int(),
  /** All problems found; `problems` holds the first `ledgerLimits.importProblemsShown` of them. */
  problemCount: z.number().int(),
  problems: z.array(ledgerImportProblem),
  /** What the import read differently from the cells or left out (never blocking): ignored columns, expansions … */
  notes: z.array(ledgerImportProblem),
  /** Unit names to map once (each also listed as a `unit_unknown` problem on its rows). */
  unknownUnits: z.array(ledgerImportUnknownUnit),
  /** The first valid rows as they would be registered (at most 200). */
  preview: z.array(ledgerImportPreviewRow),
  /** After a real import: the 拟办 items created, in row order. */
  created: z.array(z.object({ id: z.uuid(), serialNumber: z.string(), title: z.string() })),
});
export type LedgerImportResult = z.infer<typeof ledgerImportResult>;

/** Reporting frequencies as a 备注 names them (the only vocabulary the import texts quote). */
export const ledgerImportFrequencyWords: Record<string, { 'zh-CN': string; en: string }> = {
  weekly: { 'zh-CN': '每周', en: 'weekly' },
  half_monthly: { 'zh-CN': '每半月', en: 'twice a month' },
  monthly: { 'zh-CN': '每月', en: 'monthly' },
  quarterly: { 'zh-CN': '每季度', en: 'quarterly' },
  once: { 'zh-CN': '一次性', en: 'once' },
  custom: { 'zh-CN': '自定义频次', en: 'a custom frequency' },
};

/** Problem text in one language; `{frequency|reportingFrequency}` renders a frequency key in that language. */
export function ledgerImportProblemText(problem: Pick<LedgerImportProblem, 'code' | 'params'>, locale: 'zh-CN' | 'en'): string {
  const template = ledgerImportProblemLabels[problem.code][locale];
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, key: string, vocabulary?: string) => {
    if (!(key in problem.params)) return whole;
    const value = String(problem.params[key]);
    return vocabulary === 'reportingFrequency' ? (ledgerImportFrequencyWords[value]?.[locale] ?? value) : value;
  });
}
