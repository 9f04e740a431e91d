/**
 * Import of a 分工方案 workbook (任务 / 牵头单位 / 配合单位 / 责任领导 / 时限 / 来源 / 办理要求 / 备注 …) as 拟办 items.
 *
 * Every run first checks the whole workbook and reports every row's problems (unknown or ambiguous unit, bad or
 * past date, duplicate within the file, an open item with the same title, empty task text, merged cells, missing
 * columns) and, apart from them, notes that never block (ignored columns, collective subjects expanded, leaders
 * matched by title, a reporting frequency read from 备注). Unknown unit names come with candidate units: the clerk
 * picks one per name (`mappings`), and a real import remembers each pick as an alias of that unit. A dry run stops
 * there. A real import refuses when there is any problem, and otherwise registers all rows in one transaction
 * through the engine's `registerTask` (numbering, deadline rules, timeline, audit), so it is all or nothing.
 * Look-ups are made once for the whole file, never per row.
 */
import {
  createTaskBody,
  ledgerLimits,
  limits,
  type CreateTaskBody,
  type LedgerImportMappings,
  type LedgerImportProblem,
  type LedgerImportResult,
  type TaskSource,
} from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { Scope } from '../../platform/scope.js';
import {
  findUnitInScope,
  findUnitsByAnyName,
  listLeadersForMatching,
  listUnitsForMatching,
  rememberAliases,
  type UnitForMatching,
} from '../org/index.js';
import { listSources } from '../sources/index.js';
import { canRegisterTasks, openStatuses, registerTask, supervisingGovernmentOf } from '../tasks/index.js';
import { matchLeader, parseLeaderEntry } from './ledger.import.leaders.js';
import {
  collectiveOf,
  headerNames,
  parseDeadline,
  parseFrequency,
  parseSource,
  rowsOfRange,
  splitNames,
  titleOf,
  withoutNumbering,
  type ImportField,
} from './ledger.import.rules.js';
import { loadWorkbook, readSheet, textOf, type SheetData } from './ledger.import.sheet.js';
import { candidatesFor, departmentsNamedIn, expandCollective, nameResolver, type ResolvedName } from './ledger.import.units.js';
import * as repo from './ledger.repository.js';

const PREVIEW_MAX = 200;
/** Units and leaders read for matching: a province's whole tree (≈ 350 units) fits many times over. */
const MATCHING_UNITS_MAX = 20_000;
const COOPERATING_MAX = 50;

async function inChunks<T>(values: string[], look: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += 1000) out.push(...(await look(values.slice(i, i + 1000))));
  return out;
}

interface CheckedRow {
  row: number;
  problems: LedgerImportProblem[];
  notes: LedgerImportProblem[];
  /** One body per item: a collective 牵头单位 (各州（市）人民政府) gives one item per unit. */
  bodies: CreateTaskBody[];
  previews: LedgerImportResult['preview'];
}

interface Lookups {
  resolve: (name: string) => ResolvedName;
  all: UnitForMatching[];
  departmentForms: { form: string; unit: UnitForMatching }[];
  leaders: Awaited<ReturnType<typeof listLeadersForMatching>>;
  existing: Map<string, string>;
  sources: Awaited<ReturnType<typeof listSources>>;
}

/** Everything the rows are checked against, read once for the whole file. */
async function lookUp(db: Db, scope: Scope, sheet: SheetData, picks: Map<string, UnitForMatching>): Promise<Lookups> {
  const cell = (r: SheetData['rows'][number], f: ImportField) => textOf(r.cells.get(f) ?? null);
  const unitNames = new Set<string>();
  const titles = new Set<string>();
  for (const r of sheet.rows) {
    for (const name of splitNames(cell(r, 'leadUnit'))) unitNames.add(name);
    for (const name of splitNames(cell(r, 'cooperatingUnits'))) unitNames.add(name);
    if (cell(r, 'title')) titles.add(titleOf(withoutNumbering(cell(r, 'title')), limits.nameMax));
  }
  const matches = await inChunks([...unitNames], (chunk) => findUnitsByAnyName(db, scope, chunk));
  const resolveName = nameResolver(matches, picks);
  const all = await listUnitsForMatching(db, scope, MATCHING_UNITS_MAX);
  const departmentForms = all
    .filter((u) => u.kind === 'department')
    .flatMap((unit) => {
      const short = unit.shortName;
      const forms = [
        unit.name,
        ...(short ? [short] : []),
        ...(short?.startsWith('省') && !short.startsWith('省政府') ? [short.slice(1)] : []),
      ];
      return forms.map((form) => ({ form, unit }));
    });
  return {
    resolve: (name) => resolveName(name, collectiveOf(name)),
    all,
    departmentForms,
    leaders: sheet.columns.has('leader') ? await listLeadersForMatching(db, scope, MATCHING_UNITS_MAX) : [],
    existing: new Map(
      (await inChunks([...titles], (chunk) => repo.findOpenByTitles(db, scope, chunk, openStatuses))).map((e) => [e.title, e.serialNumber]),
    ),
    sources: (await listSources(db)).filter((s) => s.active), // only active sources can be given to new items
  };
}

/** Checks every row against the organisation, the calendar date and the open items; no writes. */
function checkRows(look: Lookups, today: string, sheet: SheetData, defaultSource?: TaskSource): CheckedRow[] {
  const cell = (r: SheetData['rows'][number], f: ImportField) => textOf(r.cells.get(f) ?? null);
  const header = (f: ImportField) => sheet.columns.get(f)?.header ?? headerNames[f][0] ?? f;
  const firstSeen = new Map<string, number>();
  const year = Number(today.slice(0, 4));

  return sheet.rows.map((r): CheckedRow => {
    const problems: LedgerImportProblem[] = [];
    const notes: LedgerImportProblem[] = [];
    const at =
      (list: LedgerImportProblem[]) =>
      (field: ImportField | null, code: LedgerImportProblem['code'], params = {}) =>
        list.push({ row: r.row, column: field ? header(field) : null, code, params });
    const problem = at(problems);
    const note = at(notes);
    const rowText = [cell(r, 'title'), cell(r, 'content'), cell(r, 'requirements'), cell(r, 'remark')].join('\n');

    const taskText = cell(r, 'title');
    const title = taskText ? titleOf(withoutNumbering(taskText), limits.nameMax) : '';
    if (!taskText) problem('title', 'task_missing');

    /** Units a cell names, collective subjects expanded; unknown names reported on `field`. */
    const unitsOf = (field: 'leadUnit' | 'cooperatingUnits', names: string[], room: number) => {
      const named: UnitForMatching[] = [];
      const collective: UnitForMatching[] = [];
      let unresolved = 0;
      for (const name of names) {
        const found = look.resolve(name);
        if (found.kind === 'unknown' || found.kind === 'ambiguous') unresolved++;
        if (found.kind === 'unit') {
          named.push(found.unit);
          if (found.mapped) note(field, 'unit_mapped', { name, unit: found.unit.name });
        } else if (found.kind === 'unknown') problem(field, 'unit_unknown', { name });
        else if (found.kind === 'ambiguous') problem(field, 'unit_ambiguous', { name });
        else if (found.collective === 'departments') {
          const listed = departmentsNamedIn(rowText, look.departmentForms);
          if (listed.length) note(field, 'departments_from_text', { name, units: listed.map((u) => u.shortName ?? u.name).join('、') });
          else note(field, 'departments_unnamed', { name });
          collective.push(...listed);
        } else {
          let units = expandCollective(found.collective, look.all);
          if (found.collective === 'counties' && units.length > room) {
            units = expandCollective('prefectures', look.all);
            note(field, 'collective_via_prefectures', { name, count: expandCollective('counties', look.all).length });
          } else note(field, 'collective_expanded', { name, count: units.length });
          collective.push(...units);
        }
      }
      return { named, collective, unresolved };
    };

    const leadNames = splitNames(cell(r, 'leadUnit'));
    if (leadNames.length === 0) problem('leadUnit', 'unit_missing');
    const leadCell = unitsOf('leadUnit', leadNames, COOPERATING_MAX);
    const coopCell = unitsOf('cooperatingUnits', splitNames(cell(r, 'cooperatingUnits')), COOPERATING_MAX);
    // The first named 牵头单位 leads; further ones cooperate (分工方案 often list 牵头 first, then 配合). A cell that
    // names only a collective (各州（市）人民政府) makes one item per unit.
    // Until every name of the cell is known, nothing leads (the row waits for the clerk's mapping).
    const leads = leadCell.unresolved > 0 ? [] : leadCell.named.length ? leadCell.named.slice(0, 1) : leadCell.collective;
    const extra = leadCell.named.length ? [...leadCell.named.slice(1), ...leadCell.collective] : [];
    if (leadNames.length > 0 && leads.length === 0 && problems.every((p) => p.column !== header('leadUnit')))
      problem('leadUnit', 'unit_missing');
    // A unit named as lead and again as cooperating is a mistake in the file; a collective that includes the lead is not.
    for (const unit of coopCell.named) {
      if (leads.length === 1 && unit.id === leads[0]?.id) problem('cooperatingUnits', 'lead_cooperating', { name: unit.name });
    }
    const cooperatingOf = (lead: UnitForMatching) => {
      const out: UnitForMatching[] = [];
      for (const unit of [...extra, ...coopCell.named, ...coopCell.collective]) {
        if (unit.id !== lead.id && !out.some((u) => u.id === unit.id)) out.push(unit);
      }
      return out;
    };

    const leaderEntries = splitNames(cell(r, 'leader')).map(parseLeaderEntry);
    let leader: { id: string; name: string } | null = null;
    if (leaderEntries.length > 1) note('leader', 'leader_multiple', { value: cell(r, 'leader') });
    for (const entry of leaderEntries.slice(0, 1)) {
      const found = matchLeader(entry, look.leaders);
      if (found.kind === 'found') {
        leader = found.leader;
        if (found.byTitle) note('leader', 'leader_by_title', { value: entry.raw, name: found.leader.name });
      } else if (found.kind === 'title_only') note('leader', 'leader_title_only', { value: entry.raw });
      else note('leader', found.kind === 'unknown' ? 'leader_unknown' : 'leader_ambiguous', { name: found.name });
    }

    const deadline = parseDeadline(r.cells.get('deadline') ?? null, year);
    const deadlineDate = deadline.kind === 'date' || deadline.kind === 'ongoing' ? deadline.date : null;
    if (deadline.kind === 'invalid') problem('deadline', 'date_invalid', { value: deadline.text });
    if (deadline.kind === 'ongoing') note('deadline', 'deadline_ongoing', { value: deadline.text, date: deadline.date });
    if (deadlineDate && deadlineDate < today) problem('deadline', 'date_past', { value: deadlineDate });

    const sourceText = cell(r, 'source');
    const source = sourceText ? parseSource(sourceText, look.sources) : (defaultSource ?? null);
    if (sourceText && !source) problem('source', 'source_unknown', { value: sourceText });
    if (!sourceText && source && !look.sources.some((s) => s.code === source)) problem('source', 'source_unknown', { value: source });
    if (!sourceText && !source) problem('source', 'source_missing');

    let reportingFrequency: CreateTaskBody['reportingFrequency'] = 'monthly';
    for (const field of ['remark', 'requirements'] as const) {
      const frequency = parseFrequency(cell(r, field));
      if (!frequency) continue;
      if (frequency.kind === 'set') {
        reportingFrequency = frequency.frequency;
        note(field, 'frequency_set', { value: cell(r, field), frequency: frequency.frequency });
      } else note(field, 'frequency_unsupported', { value: cell(r, field) });
      break;
    }

    if (title) {
      for (const lead of leads.length ? leads : [null]) {
        const key = `${title}|${lead?.id ?? leadNames.join('、')}`;
        const first = firstSeen.get(key);
        if (first !== undefined) problem('title', 'duplicate_in_file', { row: first });
        else firstSeen.set(key, r.row);
      }
      const serialNumber = look.existing.get(title);
      if (serialNumber) problem('title', 'exists_open', { serialNumber });
    }

    const empty: CheckedRow = { row: r.row, problems, notes, bodies: [], previews: [] };
    if (problems.length > 0 || leads.length === 0 || !source) return empty;
    const content = [r.group ? `${header('group')}：${r.group}` : '', cell(r, 'content') || taskText].filter(Boolean).join('\n');
    const out: CheckedRow = { ...empty };
    for (const lead of leads) {
      const cooperating = cooperatingOf(lead);
      const parsed = createTaskBody.safeParse({
        title,
        source,
        content,
        ...(cell(r, 'requirements') ? { requirements: cell(r, 'requirements') } : {}),
        ...(deadlineDate ? { deadline: deadlineDate } : {}),
        ...(deadline.kind === 'workingDays' ? { deadlineWorkingDays: deadline.days } : {}),
        reportingFrequency,
        leadUnitId: lead.id,
        cooperatingUnitIds: cooperating.map((u) => u.id),
        ...(leader ? { responsibleLeaderId: leader.id } : {}),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = String(issue.path[0] ?? '');
          const column: ImportField =
            path === 'content'
              ? sheet.columns.has('content')
                ? 'content'
                : 'title'
              : path === 'requirements'
                ? 'requirements'
                : path === 'cooperatingUnitIds'
                  ? 'cooperatingUnits'
                  : 'title';
          if (issue.code === 'too_big') problem(column, 'text_too_long', { column: header(column), max: Number(issue.maximum) });
          else problem(column, 'value_invalid', { column: header(column) });
        }
        return { ...empty, problems };
      }
      if (problems.length > 0) return { ...empty, problems };
      out.bodies.push(parsed.data);
      out.previews.push({
        row: r.row,
        title,
        leadUnitName: lead.name,
        cooperatingUnitNames: cooperating.map((u) => u.name),
        responsibleLeaderName: leader?.name ?? null,
        deadline: deadlineDate,
        deadlineWorkingDays: deadline.kind === 'workingDays' ? deadline.days : null,
        source,
        reportingFrequency,
      });
    }
    return out;
  });
}

/** The clerk's picks as units in scope; a pick outside the scope is refused by name. */
async function unitsOfPicks(db: Db, scope: Scope, mappings: LedgerImportMappings): Promise<Map<string, UnitForMatching>> {
  const picks = new Map<string, UnitForMatching>();
  for (const [name, unitId] of Object.entries(mappings)) {
    const unit = await findUnitInScope(db, scope, unitId);
    if (!unit || unit.disabledAt) throw new AppError('LEDGER_IMPORT_MAPPING_INVALID', { name });
    picks.set(name, {
      id: unit.id,
      name: unit.name,
      shortName: unit.shortName,
      kind: unit.kind,
      level: '',
      parentId: unit.parentId,
      depth: unit.depth,
    });
  }
  return picks;
}

/** Unknown and ambiguous names, each once with the rows naming it and the candidate units to pick from. */
function unknownUnitsOf(problems: LedgerImportProblem[], all: UnitForMatching[]): LedgerImportResult['unknownUnits'] {
  const parentNames = new Map(all.map((u) => [u.id, u.name]));
  const rowsByName = new Map<string, number[]>();
  for (const p of problems) {
    if ((p.code !== 'unit_unknown' && p.code !== 'unit_ambiguous') || p.row === null) continue;
    const name = String(p.params.name);
    rowsByName.set(name, [...(rowsByName.get(name) ?? []), p.row]);
  }
  return [...rowsByName]
    .slice(0, ledgerLimits.importProblemsShown)
    .map(([name, rows]) => ({ name, rows: [...new Set(rows)], candidates: candidatesFor(name, all, parentNames) }));
}

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  defaultSource?: TaskSource;
  mappings?: LedgerImportMappings;
}

/** The dry run or the real import of one workbook (see the file comment). */
export async function importLedger(deps: Deps, ctx: RequestContext, input: ImportRequest): Promise<LedgerImportResult> {
  const actor = requireActor(ctx);
  if (!canRegisterTasks(actor)) throw forbidden();
  const { db } = deps.database;
  const sheet = readSheet(await loadWorkbook(input.bytes));
  const picks = await unitsOfPicks(db, actor.scope, input.mappings ?? {});
  const look = await lookUp(db, actor.scope, sheet, picks);
  const checked = checkRows(look, todayInShanghai(ctx.clock), sheet, input.defaultSource);

  const problems = [...sheet.problems];
  if (sheet.headerRow !== null && sheet.rows.length === 0) problems.push({ row: null, column: null, code: 'no_rows', params: {} });
  if (sheet.rows.length > ledgerLimits.importRowsMax) {
    problems.push({
      row: null,
      column: null,
      code: 'too_many_rows',
      params: { count: sheet.rows.length, max: ledgerLimits.importRowsMax },
    });
  }
  const merged = new Set<number>();
  for (const range of sheet.merges) {
    const rows = rowsOfRange(range);
    if (!rows) continue;
    problems.push({ row: rows.top, column: null, code: 'merged_cells', params: { range } });
    for (let r = rows.top; r <= rows.bottom; r++) merged.add(r);
  }
  for (const row of checked) problems.push(...row.problems);
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const notes = [...sheet.notes, ...checked.flatMap((row) => row.notes)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const valid = checked.filter((row) => row.bodies.length > 0 && !merged.has(row.row));
  const result: LedgerImportResult = {
    dryRun: input.dryRun,
    totalRows: sheet.rows.length,
    validRows: valid.length,
    problemCount: problems.length,
    problems: problems.slice(0, ledgerLimits.importProblemsShown),
    notes: notes.slice(0, ledgerLimits.importProblemsShown),
    unknownUnits: unknownUnitsOf(problems, look.all),
    preview: valid.flatMap((row) => row.previews).slice(0, PREVIEW_MAX),
    created: [],
  };
  if (input.dryRun) return result;

  if (sheet.rows.length > ledgerLimits.importRowsMax) {
    throw new AppError('LEDGER_IMPORT_TOO_MANY_ROWS', { count: sheet.rows.length, max: ledgerLimits.importRowsMax });
  }
  if (problems.length > 0) throw new AppError('LEDGER_IMPORT_HAS_PROBLEMS', { count: problems.length });
  const usedPicks = [...picks].filter(([name]) => notes.some((n) => n.code === 'unit_mapped' && n.params.name === name));
  const created = await db.transaction(async (tx) => {
    const government = await supervisingGovernmentOf(tx, actor.scope);
    if (!government) throw forbidden();
    const items: LedgerImportResult['created'] = [];
    for (const row of valid) {
      for (const body of row.bodies) {
        const task = await registerTask(deps, tx, ctx, body, { supervisingUnitId: government.id });
        items.push({ id: task.id, serialNumber: task.serialNumber, title: task.title });
      }
    }
    const aliases = await rememberAliases(
      tx,
      actor,
      usedPicks.map(([alias, unit]) => ({ alias, unitId: unit.id })),
    );
    await recordAudit(deps, tx, ctx, {
      eventType: 'ledger.imported',
      objectType: 'ledger',
      after: { fileName: input.fileName, count: items.length, serialNumbers: items.map((i) => i.serialNumber), aliases },
    });
    return items;
  });
  return { ...result, created };
}
