/**
 * The Excel export of the ledger: exactly the filtered set, in the ledger's sort order, streamed. Rows are read from
 * the database in keyset batches and written through exceljs's streaming WorkbookWriter, so neither the rows nor the
 * workbook are ever held in memory whole; the HTTP response starts with the first batch.
 *
 * The sheet opens with a title row naming the scope, whether a filter applied, and the moment the figures are as of
 * (a printed or forwarded file says what it is); the header row below carries an auto-filter and stays frozen.
 * Text that a spreadsheet could read as a formula is written as text in a cell formatted as text (`looksLikeFormula`),
 * so it shows exactly as typed and stays text when edited. Dates are real dates (not text), 原定时限 appears only
 * where an extension moved the deadline, the newest report's 本期进展 is its own column, and strings are written
 * inline (no shared-string table growing with the row count).
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  taskStatusLabels,
  urgencyLabels,
  warningCodeValues,
  warningReasonText,
  type LedgerFilter,
  type LedgerRow,
  type WarningCode,
} from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { sourceLabels } from '../sources/index.js';
import { presentLedgerRow } from './ledger.presenter.js';
import * as repo from './ledger.repository.js';
import { cursorValuesOf, looksLikeFormula, type CursorValue } from './ledger.rules.js';
import { overdueCounter, resolveConditions, sortOf } from './ledger.service.js';

/**
 * Rows per keyset batch. Smaller batches keep fewer row objects alive across the awaits between them, so fewer are
 * promoted to the old generation: at 100,000 rows the server's peak RSS rose by ~95 MB with 500-row batches and by
 * ~30 MB with 200, in about the same time.
 */
const BATCH = 200;

const warningWords = { green: '绿灯', yellow: '黄灯', red: '红灯' } as const;

interface Column {
  header: string;
  width: number;
  /** A date column gets this number format. */
  numFmt?: string;
  /** `sourceNames`: the registry's zh-CN name per source code. */
  value: (row: LedgerRow, index: number, sourceNames: ReadonlyMap<string, string>) => string | number | Date | null;
}

/** A calendar date as the spreadsheet's date of that day (exceljs converts from UTC). */
function dateCell(day: string | null): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/** An instant as the Asia/Shanghai wall-clock time it was. */
function shanghaiCell(instant: string | null): Date | null {
  return instant ? new Date(new Date(instant).getTime() + 8 * 3_600_000) : null;
}

const columns: Column[] = [
  { header: '序号', width: 7, value: (_row, i) => i + 1 },
  { header: '编号', width: 16, value: (r) => r.serialNumber },
  { header: '事项名称', width: 40, value: (r) => r.title },
  { header: '来源', width: 14, value: (r, _i, sourceNames) => sourceNames.get(r.source) ?? r.source },
  { header: '状态', width: 10, value: (r) => taskStatusLabels[r.status]['zh-CN'] },
  { header: '紧急程度', width: 9, value: (r) => urgencyLabels[r.urgency]['zh-CN'] },
  { header: '办结时限', width: 12, numFmt: 'yyyy-mm-dd', value: (r) => dateCell(r.deadline) },
  { header: '时限（交办后工作日）', width: 12, value: (r) => (r.deadline ? null : r.deadlineWorkingDays) },
  {
    header: '原定时限',
    width: 12,
    numFmt: 'yyyy-mm-dd',
    value: (r) => (r.originalDeadline && r.originalDeadline !== r.deadline ? dateCell(r.originalDeadline) : null),
  },
  { header: '逾期（工作日）', width: 10, value: (r) => r.overdueWorkingDays },
  { header: '牵头单位', width: 24, value: (r) => r.leadUnitName },
  { header: '配合单位', width: 30, value: (r) => r.cooperatingUnitNames.join('、') },
  { header: '责任领导', width: 10, value: (r) => r.responsibleLeaderName },
  { header: '承办人', width: 10, value: (r) => r.handlerName },
  { header: '进度（%）', width: 9, value: (r) => r.progressPercent },
  { header: '预警', width: 7, value: (r) => warningWords[r.warningLevel] },
  { header: '预警原因', width: 36, value: (r) => r.warningReasons.map((reason) => reasonInWords(reason, r.overdueWorkingDays)).join('；') },
  { header: '层级', width: 6, value: (r) => r.depth + 1 },
  { header: '催办次数', width: 9, value: (r) => r.urgeCount },
  { header: '退回重办次数', width: 12, value: (r) => r.sendBackCount },
  { header: '最近反馈时间', width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => shanghaiCell(r.lastReportAt) },
  { header: '最新进展', width: 50, value: (r) => r.lastReportText },
  { header: '登记时间', width: 17, numFmt: 'yyyy-mm-dd hh:mm', value: (r) => shanghaiCell(r.createdAt) },
];

/**
 * A stored warning reason in Chinese words; a code the contracts do not know stays as its code. A late open item's
 * reason counts working days past 办结时限 (the 逾期（工作日） column's number), not the stored calendar days.
 */
function reasonInWords(reason: LedgerRow['warningReasons'][number], overdueWorkingDays: number | null): string {
  if (reason.code === 'deadline_overdue' && overdueWorkingDays !== null) {
    return `已超过办结时限（${String(reason.params.deadline ?? '')}）${overdueWorkingDays} 个工作日`;
  }
  const code = reason.code as WarningCode;
  return warningCodeValues.includes(code) ? warningReasonText({ code, params: reason.params }, 'zh-CN') : reason.code;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Whether the export was narrowed by anything beyond its sort. */
function isFiltered(filter: LedgerFilter): boolean {
  return Object.entries(filter).some(([key, value]) => key !== 'sort' && key !== 'order' && value !== undefined);
}

/** The title row: what the file is, whose items, narrowed or not, as of when (Beijing time). */
export function titleOf(scopeName: string, filtered: boolean, asOf: string): string {
  return `督查工作台账（范围：${scopeName}及所属单位${filtered ? '，按台账筛选条件' : ''}；数据截至 ${asOf}）`;
}

/** `YYYY-MM-DD HH:mm` in Beijing time. */
function beijingMinute(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Waits while the response is blocked on a slow client (so rows are not read faster than they are sent). */
async function drained(stream: PassThrough): Promise<void> {
  if (!stream.writableNeedDrain) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Starts the export and returns the stream to send. The audit event (who exported what filter) is committed before
 * the first byte; a failure in the middle ends the stream with an error, so the client sees a broken download
 * rather than a silently short file.
 */
export async function exportLedger(deps: Deps, ctx: RequestContext, filter: LedgerFilter): Promise<{ fileName: string; stream: Readable }> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const conditions = await resolveConditions(db, actor, filter);
  const { keys } = sortOf(filter);
  const today = todayInShanghai(ctx.clock);
  const scopeName = (await repo.findUnitName(db, actor.scope.unitId)) ?? '';
  const title = titleOf(scopeName, isFiltered(filter), beijingMinute(ctx.clock.now()));
  const sourceNames = new Map([...(await sourceLabels(db))].map(([code, name]) => [code, name['zh-CN']]));
  const fileName = `督查工作台账-${today}.xlsx`;
  await db.transaction((tx) =>
    recordAudit(deps, tx, ctx, { eventType: 'ledger.exported', objectType: 'ledger', after: { filter, fileName } }),
  );

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = '落实 Luoshi';
  const sheet = workbook.addWorksheet('督查工作台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c, i) => ({ key: String(i), width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const last = columnLetter(columns.length);
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(`A1:${last}1`);
  titleRow.commit();
  const headerRow = sheet.addRow(columns.map((c) => c.header));
  headerRow.font = { bold: true };
  headerRow.commit();
  sheet.autoFilter = `A2:${last}2`;

  const write = async () => {
    let after: CursorValue[] | null = null;
    let index = 0;
    for (;;) {
      const rows = await repo.listLedgerRows(db, conditions, keys, after, BATCH);
      const overdue = await overdueCounter(db, today, rows);
      for (const row of rows) {
        const presented = presentLedgerRow(row, overdue);
        const values = columns.map((c) => c.value(presented, index, sourceNames));
        const added = sheet.addRow(values);
        values.forEach((value, i) => {
          // Formula-looking text stays as typed, in a cell formatted as text (never evaluated, not even when edited).
          if (typeof value === 'string' && looksLikeFormula(value)) added.getCell(i + 1).numFmt = '@';
        });
        added.commit();
        index++;
      }
      const last = rows.at(-1);
      if (rows.length < BATCH || !last) break;
      after = cursorValuesOf(keys, last);
      if (out.destroyed) return; // the client went away
      await drained(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return { fileName, stream: out };
}
