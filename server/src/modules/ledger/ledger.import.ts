/**
 * Import of a 分工方案 workbook (任务 / 牵头单位 / 配合单位 / 责任领导 / 时限 / 来源 / 办理要求 …) as 拟办 items.
 *
 * Every run first checks the whole workbook and reports every row's problems (unknown or ambiguous unit, bad or
 * past date, duplicate within the file, an open item with the same title, empty task text, merged cells, missing
 * columns) — a dry run stops there. A real import refuses when there is any problem, and otherwise registers all
 * rows in one transaction through the engine's `registerTask` (numbering, deadline rules, timeline, audit),
 * so it is all or nothing. Look-ups are made once for the whole file, never per row.
 */
import type { Scope } from '../../platform/scope.js';
import ExcelJS from 'exceljs';
import {
  createTaskBody,
  ledgerLimits,
  limits,
  type CreateTaskBody,
  type LedgerImportProblem,
  type LedgerImportResult,
  type TaskSource,
} from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { canRegisterTasks, openStatuses, registerTask, supervisingGovernmentOf } from '../tasks/index.js';
import {
  fieldOfHeader,
  headerNames,
  leaderName,
  parseDeadline,
  parseSource,
  requiredFields,
  rowsOfRange,
  splitNames,
  titleOf,
  type ImportField,
} from './ledger.import.rules.js';
import { listSources } from '../sources/index.js';
import * as repo from './ledger.repository.js';

type Cell = string | number | Date | null;

/** Rows beyond this many are not even examined (the report would be useless and the work unbounded). */
const ROWS_EXAMINED_MAX = ledgerLimits.importRowsExaminedMax;
const HEADER_SEARCH_ROWS = 20;
const PREVIEW_MAX = 200;

function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('hyperlink' in value) return String(value.text).trim() || null;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result instanceof Date || typeof result === 'number') return result;
    if (typeof result === 'string') return result.trim() || null;
    return typeof result === 'boolean' ? String(result) : null;
  }
  return null; // an error value (#N/A …)
}

const textOf = (cell: Cell): string => (cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());

interface SheetData {
  headerRow: number | null;
  columns: Map<ImportField, { col: number; header: string }>;
  rows: { row: number; cells: Map<ImportField, Cell> }[];
  merges: string[];
  problems: LedgerImportProblem[];
}

function fileProblem(code: LedgerImportProblem['code'], params: LedgerImportProblem['params'] = {}): LedgerImportProblem {
  return { row: null, column: null, code, params };
}

/** The header row: among the first rows, the one naming the most known columns (at least two). */
function findHeader(sheet: ExcelJS.Worksheet): { row: number; cells: { col: number; field: ImportField; header: string }[] } | null {
  let best: { row: number; cells: { col: number; field: ImportField; header: string }[] } | null = null;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const cells: { col: number; field: ImportField; header: string }[] = [];
    sheet.getRow(r).eachCell((cell, col) => {
      const header = textOf(cellOf(cell.value));
      const field = fieldOfHeader(header);
      if (field) cells.push({ col, field, header });
    });
    const distinct = new Set(cells.map((c) => c.field)).size;
    if (distinct >= 2 && (!best || distinct > new Set(best.cells.map((c) => c.field)).size)) best = { row: r, cells };
  }
  return best;
}

function readSheet(workbook: ExcelJS.Workbook): SheetData {
  const sheets = workbook.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
  const found = sheets.map((sheet) => ({ sheet, header: findHeader(sheet) })).find((s) => s.header);
  const empty: SheetData = { headerRow: null, columns: new Map(), rows: [], merges: [], problems: [fileProblem('no_header')] };
  if (!found?.header) return empty;
  const { sheet, header } = found;
  const problems: LedgerImportProblem[] = [];
  const columns = new Map<ImportField, { col: number; header: string }>();
  for (const cell of header.cells) {
    if (columns.has(cell.field))
      problems.push({ row: header.row, column: cell.header, code: 'column_repeated', params: { column: cell.header } });
    else columns.set(cell.field, { col: cell.col, header: cell.header });
  }
  const missing = requiredFields.filter((f) => !columns.has(f)).map((f) => headerNames[f][0]);
  if (missing.length) problems.push(fileProblem('columns_missing', { columns: missing.join('、') }));
  const rows: SheetData['rows'] = [];
  // Templates often carry borders far below the data: rows without values are skipped, not counted.
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (!row?.hasValues) continue;
    const cells = new Map<ImportField, Cell>();
    for (const [field, { col }] of columns) {
      const cell = row.getCell(col);
      // The covered cells of a merge read as the master's value in exceljs; the file itself holds nothing there.
      cells.set(field, cell.type === ExcelJS.ValueType.Merge ? null : cellOf(cell.value));
    }
    if (![...cells.values()].some((v) => v !== null)) continue;
    if (rows.length === ROWS_EXAMINED_MAX) {
      throw new AppError('LEDGER_IMPORT_TOO_MANY_ROWS', { count: `${ROWS_EXAMINED_MAX}+`, max: ledgerLimits.importRowsMax });
    }
    rows.push({ row: r, cells });
  }
  const merges = (sheet.model.merges ?? []).filter((range) => (rowsOfRange(range)?.bottom ?? 0) >= header.row);
  return { headerRow: header.row, columns, rows, merges, problems };
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('LEDGER_IMPORT_UNREADABLE');
  }
  return workbook;
}

/** name → the units called so (full name first; short names only when no full name matches). */
function unitResolver(matches: repo.UnitMatch[]) {
  const byName = new Map<string, repo.UnitMatch[]>();
  const byShort = new Map<string, repo.UnitMatch[]>();
  for (const unit of matches) {
    byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);
    if (unit.shortName) byShort.set(unit.shortName, [...(byShort.get(unit.shortName) ?? []), unit]);
  }
  return (name: string): repo.UnitMatch | 'unknown' | 'ambiguous' => {
    const candidates = byName.get(name)?.length ? (byName.get(name) ?? []) : (byShort.get(name) ?? []);
    if (candidates.length === 0) return 'unknown';
    return candidates.length === 1 && candidates[0] ? candidates[0] : 'ambiguous';
  };
}

async function inChunks<T>(values: string[], look: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += 1000) out.push(...(await look(values.slice(i, i + 1000))));
  return out;
}

interface CheckedRow {
  row: number;
  problems: LedgerImportProblem[];
  body: CreateTaskBody | null;
  preview: LedgerImportResult['preview'][number] | null;
}

/** Checks every row against the organisation, the calendar date and the open items; no writes. */
async function checkRows(db: Db, scope: Scope, today: string, sheet: SheetData, defaultSource?: TaskSource): Promise<CheckedRow[]> {
  // Only active sources can be given to new items.
  const sources = (await listSources(db)).filter((s) => s.active);
  const cell = (r: SheetData['rows'][number], f: ImportField) => textOf(r.cells.get(f) ?? null);
  const header = (f: ImportField) => sheet.columns.get(f)?.header ?? headerNames[f][0] ?? f;
  const unitNames = new Set<string>();
  const leaderNames = new Set<string>();
  const titles = new Set<string>();
  for (const r of sheet.rows) {
    for (const name of splitNames(cell(r, 'leadUnit'))) unitNames.add(name);
    for (const name of splitNames(cell(r, 'cooperatingUnits'))) unitNames.add(name);
    for (const name of splitNames(cell(r, 'leader'))) leaderNames.add(leaderName(name));
    if (cell(r, 'title')) titles.add(titleOf(cell(r, 'title'), limits.nameMax));
  }
  const resolveUnit = unitResolver(await inChunks([...unitNames], (chunk) => repo.findUnitsByNames(db, scope, chunk)));
  const leaders = await inChunks([...leaderNames], (chunk) => repo.findLeadersByNames(db, scope, chunk));
  const existing = new Map(
    (await inChunks([...titles], (chunk) => repo.findOpenByTitles(db, scope, chunk, openStatuses))).map((e) => [e.title, e.serialNumber]),
  );
  const firstSeen = new Map<string, number>();

  return sheet.rows.map((r): CheckedRow => {
    const problems: LedgerImportProblem[] = [];
    const problem = (field: ImportField | null, code: LedgerImportProblem['code'], params: LedgerImportProblem['params'] = {}) =>
      problems.push({ row: r.row, column: field ? header(field) : null, code, params });

    const taskText = cell(r, 'title');
    const title = taskText ? titleOf(taskText, limits.nameMax) : '';
    if (!taskText) problem('title', 'task_missing');

    const leadNames = splitNames(cell(r, 'leadUnit'));
    let lead: repo.UnitMatch | null = null;
    if (leadNames.length === 0) problem('leadUnit', 'unit_missing');
    for (const [i, name] of leadNames.entries()) {
      const found = resolveUnit(name);
      if (found === 'unknown' || found === 'ambiguous')
        problem('leadUnit', found === 'unknown' ? 'unit_unknown' : 'unit_ambiguous', { name });
      else if (i === 0) lead = found;
      // A second 牵头单位 in the same cell becomes a cooperating unit (分工方案 often list 牵头 first, then 配合).
    }
    const cooperating: repo.UnitMatch[] = [];
    for (const name of [...leadNames.slice(1), ...splitNames(cell(r, 'cooperatingUnits'))]) {
      const found = resolveUnit(name);
      if (found === 'unknown' || found === 'ambiguous') {
        if (!leadNames.slice(1).includes(name))
          problem('cooperatingUnits', found === 'unknown' ? 'unit_unknown' : 'unit_ambiguous', { name });
      } else if (lead && found.id === lead.id) problem('cooperatingUnits', 'lead_cooperating', { name });
      else if (!cooperating.some((u) => u.id === found.id)) cooperating.push(found);
    }

    const leaderCell = splitNames(cell(r, 'leader')).map(leaderName);
    let leader: { id: string; name: string } | null = null;
    if (leaderCell.length > 1) problem('leader', 'leader_multiple', { value: cell(r, 'leader') });
    else if (leaderCell[0]) {
      const name = leaderCell[0];
      const found = leaders.filter((l) => l.name === name);
      if (found.length === 0) problem('leader', 'leader_unknown', { name });
      else if (found.length > 1) problem('leader', 'leader_ambiguous', { name });
      else leader = found[0] ?? null;
    }

    const deadline = parseDeadline(r.cells.get('deadline') ?? null);
    if (deadline.kind === 'invalid') problem('deadline', 'date_invalid', { value: deadline.text });
    if (deadline.kind === 'date' && deadline.date < today) problem('deadline', 'date_past', { value: deadline.date });

    const sourceText = cell(r, 'source');
    const source = sourceText ? parseSource(sourceText, sources) : (defaultSource ?? null);
    if (sourceText && !source) problem('source', 'source_unknown', { value: sourceText });
    if (!sourceText && source && !sources.some((s) => s.code === source)) problem('source', 'source_unknown', { value: source });
    if (!sourceText && !source) problem('source', 'source_missing');

    if (title) {
      const key = `${title}|${lead?.id ?? leadNames.join('、')}`;
      const first = firstSeen.get(key);
      if (first !== undefined) problem('title', 'duplicate_in_file', { row: first });
      else firstSeen.set(key, r.row);
      const serialNumber = existing.get(title);
      if (serialNumber) problem('title', 'exists_open', { serialNumber });
    }

    if (problems.length > 0 || !lead || !source) return { row: r.row, problems, body: null, preview: null };
    const parsed = createTaskBody.safeParse({
      title,
      source,
      content: cell(r, 'content') || taskText,
      ...(cell(r, 'requirements') ? { requirements: cell(r, 'requirements') } : {}),
      ...(deadline.kind === 'date' ? { deadline: deadline.date } : {}),
      ...(deadline.kind === 'workingDays' ? { deadlineWorkingDays: deadline.days } : {}),
      leadUnitId: lead.id,
      cooperatingUnitIds: cooperating.map((u) => u.id),
      ...(leader ? { responsibleLeaderId: leader.id } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column =
          field === 'content' ? (sheet.columns.has('content') ? 'content' : 'title') : field === 'requirements' ? 'requirements' : 'title';
        problem(column, 'value_invalid', { column: header(column), detail: issue.message });
      }
      return { row: r.row, problems, body: null, preview: null };
    }
    return {
      row: r.row,
      problems,
      body: parsed.data,
      preview: {
        row: r.row,
        title,
        leadUnitName: lead.name,
        cooperatingUnitNames: cooperating.map((u) => u.name),
        responsibleLeaderName: leader?.name ?? null,
        deadline: deadline.kind === 'date' ? deadline.date : null,
        deadlineWorkingDays: deadline.kind === 'workingDays' ? deadline.days : null,
        source,
      },
    };
  });
}

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  defaultSource?: TaskSource;
}

/** The dry run or the real import of one workbook (see the file comment). */
export async function importLedger(deps: Deps, ctx: RequestContext, input: ImportRequest): Promise<LedgerImportResult> {
  const actor = requireActor(ctx);
  if (!canRegisterTasks(actor)) throw forbidden();
  const { db } = deps.database;
  const sheet = readSheet(await loadWorkbook(input.bytes));
  const checked = await checkRows(db, actor.scope, todayInShanghai(ctx.clock), sheet, input.defaultSource);

  const problems = [...sheet.problems];
  if (sheet.headerRow !== null && sheet.rows.length === 0) problems.push(fileProblem('no_rows'));
  if (sheet.rows.length > ledgerLimits.importRowsMax)
    problems.push(fileProblem('too_many_rows', { count: sheet.rows.length, max: ledgerLimits.importRowsMax }));
  const merged = new Set<number>();
  for (const range of sheet.merges) {
    const rows = rowsOfRange(range);
    if (!rows) continue;
    problems.push({ row: rows.top, column: null, code: 'merged_cells', params: { range } });
    for (let r = rows.top; r <= rows.bottom; r++) merged.add(r);
  }
  for (const row of checked) problems.push(...row.problems);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const valid = checked.filter((row) => row.body && !merged.has(row.row));
  const result: LedgerImportResult = {
    dryRun: input.dryRun,
    totalRows: sheet.rows.length,
    validRows: valid.length,
    problemCount: problems.length,
    problems: problems.slice(0, ledgerLimits.importProblemsShown),
    preview: valid.slice(0, PREVIEW_MAX).flatMap((row) => (row.preview ? [row.preview] : [])),
    created: [],
  };
  if (input.dryRun) return result;

  if (sheet.rows.length > ledgerLimits.importRowsMax) {
    throw new AppError('LEDGER_IMPORT_TOO_MANY_ROWS', { count: sheet.rows.length, max: ledgerLimits.importRowsMax });
  }
  if (problems.length > 0) throw new AppError('LEDGER_IMPORT_HAS_PROBLEMS', { count: problems.length });
  const created = await db.transaction(async (tx) => {
    const government = await supervisingGovernmentOf(tx, actor.scope);
    if (!government) throw forbidden();
    const items: LedgerImportResult['created'] = [];
    for (const row of valid) {
      if (!row.body) continue;
      const task = await registerTask(deps, tx, ctx, row.body, { supervisingUnitId: government.id });
      items.push({ id: task.id, serialNumber: task.serialNumber, title: task.title });
    }
    await recordAudit(deps, tx, ctx, {
      eventType: 'ledger.imported',
      objectType: 'ledger',
      after: { fileName: input.fileName, count: items.length, serialNumbers: items.map((i) => i.serialNumber) },
    });
    return items;
  });
  return { ...result, created };
}
