/**
 * Reading a 分工方案 worksheet as documents lay it out: a title row and a 文号 line above the header, the header
 * found among the first rows, columns the import does not use reported as ignored, heading rows (一、…, （二）…)
 * read as groups rather than items, and a 重点工作 cell merged over its tasks' rows applied to each of them.
 * Merged cells elsewhere under the header stay a problem: which row a merged 牵头单位 belongs to is a guess.
 */
import ExcelJS from 'exceljs';
import { ledgerLimits, type LedgerImportProblem } from '@luoshi/contracts';
import { AppError } from '../../platform/errors.js';
import { checkZip } from '../../platform/zip-guard.js';
import { fieldOfHeader, headerNames, isHeadingText, requiredFields, rowsOfRange, type ImportField } from './ledger.import.rules.js';

export type Cell = string | number | Date | null;

/** Rows beyond this many are not even examined (the report would be useless and the work unbounded). */
const ROWS_EXAMINED_MAX = ledgerLimits.importRowsExaminedMax;
const HEADER_SEARCH_ROWS = 20;

/** Columns whose merged cells are read as one value for every row they cover. */
const mergeableFields: ReadonlySet<ImportField> = new Set(['group', 'serial', 'remark']);

export function cellOf(value: ExcelJS.CellValue): Cell {
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

export const textOf = (cell: Cell): string =>
  cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();

export interface SheetRow {
  row: number;
  cells: Map<ImportField, Cell>;
  /** The 重点工作 / heading this row falls under, if any. */
  group: string | null;
}

export interface SheetData {
  headerRow: number | null;
  columns: Map<ImportField, { col: number; header: string }>;
  rows: SheetRow[];
  /** Merged ranges under the header that cover item fields (reported as problems). */
  merges: string[];
  problems: LedgerImportProblem[];
  notes: LedgerImportProblem[];
}

function fileProblem(code: LedgerImportProblem['code'], params: LedgerImportProblem['params'] = {}): LedgerImportProblem {
  return { row: null, column: null, code, params };
}

interface Header {
  row: number;
  cells: { col: number; field: ImportField; header: string }[];
  ignored: string[];
}

/** The header row: among the first rows, the one naming the most known columns (at least two). */
function findHeader(sheet: ExcelJS.Worksheet): Header | null {
  let best: Header | null = null;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const cells: Header['cells'] = [];
    const ignored: string[] = [];
    sheet.getRow(r).eachCell((cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const header = textOf(cellOf(cell.value));
      const field = fieldOfHeader(header);
      if (field) cells.push({ col, field, header });
      else if (header) ignored.push(header);
    });
    const distinct = new Set(cells.map((c) => c.field).filter((f) => f !== 'serial')).size;
    if (distinct >= 2 && (!best || distinct > new Set(best.cells.map((c) => c.field)).size)) best = { row: r, cells, ignored };
  }
  return best;
}

/** Covered cells of a merge read as nothing (the file holds nothing there), except in the mergeable columns. */
function valueAt(row: ExcelJS.Row, col: number, field: ImportField): Cell {
  const cell = row.getCell(col);
  if (cell.type !== ExcelJS.ValueType.Merge) return cellOf(cell.value);
  return mergeableFields.has(field) ? cellOf(cell.master.value) : null;
}

export function readSheet(workbook: ExcelJS.Workbook): SheetData {
  const sheets = workbook.worksheets.filter((s) => s.state === 'visible' || s.state === undefined);
  const found = sheets.map((sheet) => ({ sheet, header: findHeader(sheet) })).find((s) => s.header);
  const empty: SheetData = { headerRow: null, columns: new Map(), rows: [], merges: [], problems: [fileProblem('no_header')], notes: [] };
  if (!found?.header) return empty;
  const { sheet, header } = found;
  const problems: LedgerImportProblem[] = [];
  const notes: LedgerImportProblem[] = header.ignored.map((column) => ({
    row: header.row,
    column,
    code: 'column_ignored' as const,
    params: { column },
  }));
  const columns = new Map<ImportField, { col: number; header: string }>();
  // 牵头单位 and 责任单位 side by side: the 牵头 column leads and the other lists the units that share the work.
  const ordered = [...header.cells].sort((a, b) => Number(b.header.includes('牵头')) - Number(a.header.includes('牵头')));
  for (const cell of ordered) {
    if (cell.field === 'leadUnit' && columns.has('leadUnit') && !columns.has('cooperatingUnits') && !cell.header.includes('牵头'))
      columns.set('cooperatingUnits', { col: cell.col, header: cell.header });
    else if (columns.has(cell.field))
      problems.push({ row: header.row, column: cell.header, code: 'column_repeated', params: { column: cell.header } });
    else columns.set(cell.field, { col: cell.col, header: cell.header });
  }
  const missing = requiredFields.filter((f) => !columns.has(f)).map((f) => headerNames[f][0]);
  if (missing.length) problems.push(fileProblem('columns_missing', { columns: missing.join('、') }));
  const itemColumns = new Set([...columns].filter(([field]) => !mergeableFields.has(field)).map(([, c]) => c.col));
  const rows: SheetRow[] = [];
  let group: string | null = null;
  // Templates often carry borders far below the data: rows without values are skipped, not counted.
  for (let r = header.row + 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (!row?.hasValues) continue;
    const cells = new Map<ImportField, Cell>();
    for (const [field, { col }] of columns) cells.set(field, valueAt(row, col, field));
    const filled = [...cells].filter(([field, v]) => v !== null && field !== 'serial' && field !== 'group');
    const ownGroup = textOf(cells.get('group') ?? null);
    if (ownGroup) group = ownGroup;
    if (filled.length === 0) continue;
    // A heading row (一、… / （二）…) with nothing but its text: the group of the rows under it.
    const only = filled.length === 1 ? textOf(filled[0]?.[1] ?? null) : '';
    if (only && !cells.get('leadUnit') && isHeadingText(only)) {
      group = only;
      notes.push({ row: r, column: null, code: 'section_heading', params: { text: only.slice(0, 40) } });
      continue;
    }
    if (rows.length === ROWS_EXAMINED_MAX) {
      throw new AppError('LEDGER_IMPORT_TOO_MANY_ROWS', { count: `${ROWS_EXAMINED_MAX}+`, max: ledgerLimits.importRowsMax });
    }
    rows.push({ row: r, cells, group });
  }
  const merges = (sheet.model.merges ?? []).filter((range) => {
    const span = rowsOfRange(range);
    if (!span || span.bottom <= header.row || span.top === span.bottom) return false; // a title or heading row
    const cols = colsOfRange(range);
    return !cols || [...itemColumns].some((c) => c >= cols.left && c <= cols.right);
  });
  return { headerRow: header.row, columns, rows, merges, problems, notes };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3:D7" → columns 2..4. */
function colsOfRange(range: string): { left: number; right: number } | null {
  const match = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(range);
  if (!match?.[1] || !match[2]) return null;
  return { left: colNumber(match[1]), right: colNumber(match[2]) };
}

/** What an .xlsx of at most `importBytesMax` may inflate to; real 分工方案 inflate 5–10 times. */
const INFLATED_BYTES_MAX = 100 * 1024 * 1024;

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  // A decompression bomb is refused before exceljs would spend seconds and hundreds of MB on it.
  const check = checkZip(bytes, { maxInflatedBytes: INFLATED_BYTES_MAX, maxEntries: 5_000 });
  if (!check.ok) {
    if (check.reason === 'unreadable') throw new AppError('LEDGER_IMPORT_UNREADABLE');
    throw new AppError('UPLOAD_INFLATES_TOO_LARGE', { maxMiB: INFLATED_BYTES_MAX / 1024 / 1024 });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('LEDGER_IMPORT_UNREADABLE');
  }
  return workbook;
}
