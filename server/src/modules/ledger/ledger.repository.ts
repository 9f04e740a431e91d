/**
 * SQL of the 督查工作台账. One query per page (a CTE takes the page by keyset, then names and cooperating units are
 * joined to those rows only) and one grouped count per colour — never a query per row.
 *
 * Scope is the same as the item page's (tasks.visibility.ts): the supervising government, the lead unit or a
 * cooperating unit lies in the reader's subtree. Below the province a page walks the reader's own `task_reach` rows in
 * the requested order (one index range per sort segment), so a county reads its own items and never tests the
 * province's against its scope; the province's whole tree walks the items' own indexes with no scope test at all.
 * Colour counts come from the tallies kept by the writes whenever the filter is one they keep (source, status, top
 * level); other filters count the reader's reach rows.
 */
import type { Scope } from '../../platform/scope.js';
import { and, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { ledgerViews, persons, units } from '../../db/schema/index.js';
import { executeRows, type Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';
import type { CursorValue, SortKey } from './ledger.rules.js';
import { indexOrder, segmentsOf } from './ledger.segments.js';

/** Filters after the service resolved them (paths, levels, period bounds). */
export interface LedgerConditions {
  scope: Scope;
  /**
   * The unit whose reach rows hold the reader's items (tasks `reachUnitOf`): the scope's own unit, or null for the
   * system's whole-tree scope. Pages below the province read through it.
   */
  reachUnitId: string | null;
  /**
   * Every unit lies in the reader's scope (the province's whole tree), so every item does: the scope test is left
   * out, which makes a page cheaper to plan and run and lets a count read the items alone.
   */
  scopeIsEverything?: boolean;
  sources?: string[];
  statuses?: string[];
  /** Lead unit or below: the resolved path of the chosen unit. */
  leadUnitPath?: string;
  responsibleLeaderId?: string;
  warningLevels?: number[];
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Inclusive lower bound and exclusive upper bound of created_at. */
  createdFrom?: Date;
  createdBefore?: Date;
  assignedFrom?: Date;
  assignedBefore?: Date;
  completedFrom?: Date;
  completedBefore?: Date;
  parentId?: string;
  topLevelOnly?: boolean;
  q?: string;
  /**
   * The keyword matches so many items that a page is found soonest by walking the sort index and testing each row
   * (about 50 × items ÷ matches rows), not by collecting every match through the trigram indexes first and sorting
   * them (all the matches, each re-checked). The planner cannot tell the two apart from its estimates — at a million
   * items a common keyword took 270 ms the trigram way and 10–20 ms the walking way — so the service decides from
   * the count it already has. Pages only; a count always uses the trigram indexes.
   */
  keywordByWalk?: boolean;
}

/** The filter as SQL; `withKeyword` false leaves the keyword to the caller (a count applies it first, see below). */
function whereOf(c: LedgerConditions, withWarning: boolean, withKeyword = true): SQL {
  const parts: SQL[] = [readsReach(c) ? sql`r.unit_id = ${c.reachUnitId}::uuid` : sql`true`];
  const list = (values: readonly (string | number)[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  if (c.sources?.length) parts.push(sql`t.source in (${list(c.sources)})`);
  if (c.statuses?.length) parts.push(sql`t.status in (${list(c.statuses)})`);
  if (c.leadUnitPath) parts.push(sql`lu.path like ${`${c.leadUnitPath}%`}`);
  if (c.responsibleLeaderId) parts.push(sql`t.responsible_leader_id = ${c.responsibleLeaderId}`);
  if (withWarning && c.warningLevels?.length) parts.push(sql`t.warning_level in (${list(c.warningLevels)})`);
  if (c.deadlineFrom) parts.push(sql`t.deadline >= ${c.deadlineFrom}::date`);
  if (c.deadlineTo) parts.push(sql`t.deadline <= ${c.deadlineTo}::date`);
  if (c.createdFrom) parts.push(sql`t.created_at >= ${c.createdFrom.toISOString()}::timestamptz`);
  if (c.createdBefore) parts.push(sql`t.created_at < ${c.createdBefore.toISOString()}::timestamptz`);
  if (c.assignedFrom) parts.push(sql`t.assigned_at >= ${c.assignedFrom.toISOString()}::timestamptz`);
  if (c.assignedBefore) parts.push(sql`t.assigned_at < ${c.assignedBefore.toISOString()}::timestamptz`);
  if (c.completedFrom) parts.push(sql`t.completed_at >= ${c.completedFrom.toISOString()}::timestamptz`);
  if (c.completedBefore) parts.push(sql`t.completed_at < ${c.completedBefore.toISOString()}::timestamptz`);
  if (c.parentId) parts.push(sql`t.parent_id = ${c.parentId}`);
  if (c.topLevelOnly) parts.push(sql`t.parent_id is null`);
  if (c.q && withKeyword) parts.push(keywordMatch(c.q, 't', !c.keywordByWalk));
  return sql.join(parts, sql` and `);
}

/**
 * 事项名称, 事项内容 or 编号 contains the keyword (each has a trigram index). A keyword without upper/lower case
 * (Chinese, digits — nearly every search here) is matched with LIKE, which gives the same rows as ILIKE for it and
 * costs a quarter as much per row: ILIKE lowercases every 事项内容 it tests (0.7 s → 0.18 s for a common keyword's
 * count at a million items). `indexable` false writes each column as `(column || '')`, which no index serves: a
 * test on each row a page walk reads (see keywordByWalk).
 */
function keywordMatch(q: string, table: string, indexable = true): SQL {
  const p = `%${likeEscape(q)}%`;
  const op = sql.raw(q.toLowerCase() === q && q.toUpperCase() === q ? 'like' : 'ilike');
  const [title, serial, content] = ['title', 'serial_number', 'content'].map((column) =>
    sql.raw(indexable ? `${table}.${column}` : `(${table}.${column} || '')`),
  );
  const match = sql`(${title} ${op} ${p} or ${serial} ${op} ${p} or ${content} ${op} ${p})`;
  const pairs = indexable ? bigramQuery(q) : null;
  if (!pairs) return match;
  // Too short for a trigram: the character-pair index (migration 0019) finds the candidates, LIKE keeps the matches.
  const text = sql.raw(`luoshi_bigrams(${table}.title || ' ' || ${table}.serial_number || ' ' || ${table}.content)`);
  return sql`(${text} @@ ${pairs}::tsquery and ${match})`;
}

/**
 * The text-search query of a keyword without a trigram (one or two characters besides white space): its character
 * pairs, all required, as `luoshi_bigrams` indexes them (lower case, no white space). Null when the keyword has a
 * trigram (the trigram indexes serve it better) or no pair at all.
 */
export function bigramQuery(q: string): string | null {
  const chars = [...q.toLowerCase()];
  if (chars.length >= 3) return null;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    if (!/\s/u.test(pair)) pairs.add(pair);
  }
  if (pairs.size === 0) return null;
  return [...pairs].map((pair) => `'${pair.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}

const joinUnits = sql`join units su on su.id = t.supervising_unit_id join units lu on lu.id = t.lead_unit_id`;
const fromTasks = sql`from tasks t ${joinUnits}`;
const joinLead = sql`join units lu on lu.id = t.lead_unit_id`;

/**
 * Whether the reader's items are read through their reach rows: every scope but the whole tree (whose every item is in
 * scope, so its pages walk the items' own indexes with no test). A scope that holds nothing reads no reach rows.
 */
function readsReach(c: LedgerConditions): c is LedgerConditions & { reachUnitId: string } {
  return !c.scopeIsEverything && c.reachUnitId !== null;
}

/** FROM of a page: the reader's reach rows joined to their items, or the items alone over the whole tree. */
function pageSource(c: LedgerConditions): SQL {
  return readsReach(c) ? sql`from task_reach r join tasks t on t.id = r.task_id ${joinLead}` : sql`from tasks t ${joinLead}`;
}

/**
 * The items a count reads: with a keyword, the matching items first — found through the trigram indexes, in a
 * subquery the planner keeps apart (`offset 0`) — then scope and the rest are checked on those few. Left to itself
 * the planner may instead visit every unit in scope and test the keyword on each of its items, which at a million
 * items reads them all. A page keeps the keyword inline: walking the sort index until a page of matches is found is
 * cheaper than collecting every match.
 */
function countSource(c: LedgerConditions): SQL {
  // Over the whole tree with no unit filter the count needs no unit at all: the items alone, grouped.
  const joins = !readsReach(c) && !c.leadUnitPath ? sql`` : joinLead;
  const items = c.q ? sql`(select * from tasks k where ${keywordMatch(c.q, 'k')} offset 0) t` : sql`tasks t`;
  return readsReach(c) ? sql`from ${items} join task_reach r on r.task_id = t.id ${joins}` : sql`from ${items} ${joins}`;
}

export interface LedgerDbRow {
  id: string;
  serial_number: string;
  serial_year: number;
  serial_seq: number;
  title: string;
  source: string;
  status: string;
  urgency: string;
  deadline: string | null;
  deadline_working_days: number | null;
  original_deadline: string | null;
  lead_unit_id: string;
  lead_unit_name: string;
  cooperating_unit_names: string[] | string | null;
  responsible_leader_id: string | null;
  responsible_leader_name: string | null;
  handler_name: string | null;
  progress_percent: number | null;
  warning_level: number;
  warning_reasons: unknown;
  depth: number;
  parent_id: string | null;
  parent_serial_number: string | null;
  last_report_text: string | null;
  urge_count: number;
  send_back_count: number;
  last_report_at: string | null;
  created_at: string;
}

const utcText = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * One page in the sort order, after `cursorValues` when given: each segment of the sort (ledger.segments.ts) reads
 * at most a page along its index, the union is cut to the page, and only then are names and cooperating units
 * joined — for those rows alone.
 */
export async function listLedgerRows(
  db: Db,
  conditions: LedgerConditions,
  keys: readonly SortKey[],
  cursorValues: readonly CursorValue[] | null,
  limit: number,
): Promise<LedgerDbRow[]> {
  const where = whereOf(conditions, true);
  const segments = segmentsOf(keys, cursorValues, readsReach(conditions) ? 'r' : 't').map(
    (segment, i) => sql`(select ${i}::int as seg, t.id, t.serial_number, t.serial_year, t.serial_seq, t.title, t.source, t.status,
        t.urgency, t.deadline, t.deadline_working_days,
        t.original_deadline, t.lead_unit_id, lu.name as lead_unit_name, t.responsible_leader_id, t.handler_id, t.progress_percent,
        t.warning_level, t.warning_reasons, t.depth, t.parent_id, t.urge_count, t.send_back_count, t.last_report_at, t.created_at
      ${pageSource(conditions)}
      where ${where} and ${segment.where}
      order by ${segment.order}
      limit ${limit})`,
  );
  return executeRows<LedgerDbRow>(
    db,
    sql`with page as (
      select * from (${sql.join(segments, sql` union all `)}) u
      order by u.seg, ${indexOrder(keys, 'u')}
      limit ${limit}
    )
    select page.id, page.serial_number, page.serial_year, page.serial_seq, page.title, page.source, page.status, page.urgency,
      page.deadline::text as deadline, page.deadline_working_days, page.original_deadline::text as original_deadline, page.lead_unit_id,
      page.lead_unit_name, page.responsible_leader_id, leader.name as responsible_leader_name, handler.name as handler_name,
      page.progress_percent, page.warning_level, page.warning_reasons, page.depth, page.parent_id, page.urge_count,
      page.send_back_count, ${utcText('page.last_report_at')} as last_report_at, ${utcText('page.created_at')} as created_at,
      coalesce((select json_agg(cu.name order by cu.depth, cu.sort_order, cu.name)
        from task_cooperations c join units cu on cu.id = c.unit_id where c.task_id = page.id), '[]'::json) as cooperating_unit_names,
      parent.serial_number as parent_serial_number,
      (select pr.done from progress_reports pr where pr.task_id = page.id order by pr.seq desc limit 1) as last_report_text
    from page
    left join tasks parent on parent.id = page.parent_id
    left join persons leader on leader.id = page.responsible_leader_id
    left join persons handler on handler.id = page.handler_id
    order by page.seg, ${indexOrder(keys, 'page')}`,
  );
}

/**
 * The unit whose tallies answer the count, when they can: the filter is only source, status and 只看一级事项 (what
 * the tallies are kept by) and the reader's scope is one unit (the whole tree's is its root, in whose reach every
 * item is).
 */
function tallyUnitOf(c: LedgerConditions): string | null {
  const unit = c.scope.unitId || null;
  if (!unit || (!c.scopeIsEverything && c.reachUnitId === null)) return null;
  const other = [c.leadUnitPath, c.responsibleLeaderId, c.deadlineFrom, c.deadlineTo, c.createdFrom, c.createdBefore, c.assignedFrom];
  const more = [c.assignedBefore, c.completedFrom, c.completedBefore, c.parentId, c.q];
  return [...other, ...more].some((v) => v !== undefined && v !== '') ? null : unit;
}

/** How many items a unit's readers have in scope (its kept reach tallies: a few rows). */
export async function countItemsInReach(db: Db, unitId: string): Promise<number> {
  const rows = await executeRows<{ n: number | string | null }>(
    db,
    sql`select sum(n)::int as n from task_tallies where unit_id = ${unitId}::uuid and kind = 'reach'`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Items per warning level for the filter, ignoring its warning part. */
export async function countByWarning(db: Db, conditions: LedgerConditions): Promise<Map<number, number>> {
  const unit = tallyUnitOf(conditions);
  const rows = unit
    ? await countFromTallies(db, unit, conditions)
    : await executeRows<{ level: number; n: number | string }>(
        db,
        sql`select t.warning_level as level, count(*)::int as n ${countSource(conditions)} where ${whereOf(conditions, false, false)}
        group by t.warning_level`,
      );
  return new Map(rows.filter((r) => Number(r.n) !== 0).map((r) => [Number(r.level), Number(r.n)]));
}

/** The counts kept by the writes (db/schema/task-reach.ts): a few rows of the unit, whatever its size. */
async function countFromTallies(db: Db, unit: string, c: LedgerConditions): Promise<{ level: number; n: number | string }[]> {
  const list = (values: readonly string[]) =>
    sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    );
  const parts = [sql`k.unit_id = ${unit}::uuid`, sql`k.kind = 'reach'`];
  if (c.sources?.length) parts.push(sql`k.source in (${list(c.sources)})`);
  if (c.statuses?.length) parts.push(sql`k.status in (${list(c.statuses)})`);
  if (c.topLevelOnly) parts.push(sql`k.top_level`);
  return executeRows(
    db,
    sql`select k.warning_level as level, sum(k.n)::int as n from task_tallies k where ${sql.join(parts, sql` and `)}
        group by k.warning_level`,
  );
}

/**
 * Whether every unit lies under `scope.path`: true when the scope is the one root of the unit tree (every unit
 * descends from a root). Checked on each request through the index on `parent_id` (a few rows) rather than
 * remembered, so a unit tree added beside the province can never widen anybody's view.
 */
export async function scopeCoversAllUnits(db: Db, scope: Scope): Promise<boolean> {
  const rows = await executeRows<{ all: boolean | null }>(
    db,
    sql`select bool_and(path = ${scope.path}) as "all" from units where parent_id is null`,
  );
  return rows[0]?.all === true;
}

/** A unit's name (the export's title row names the reader's scope); null for the system's whole-tree scope. */
export async function findUnitName(db: Db, id: string): Promise<string | null> {
  if (!id) return null;
  const rows = await db.select({ name: units.name }).from(units).where(eq(units.id, id)).limit(1);
  return rows[0]?.name ?? null;
}

export async function findUnitPathInScope(db: Db, scope: Scope, id: string): Promise<string | null> {
  const rows = await db
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.id, id), like(units.path, `${scope.path}%`)))
    .limit(1);
  return rows[0]?.path ?? null;
}

// ── import look-ups ─────────────────────────────────────────────────────────────────────────────────────────

export interface UnitMatch {
  id: string;
  name: string;
  shortName: string | null;
}

/** Enabled units in scope whose name or short name is one of `names`. */
export async function findUnitsByNames(db: Db, scope: Scope, names: string[]): Promise<UnitMatch[]> {
  if (names.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, shortName: units.shortName })
    .from(units)
    .where(
      and(
        like(units.path, `${scope.path}%`),
        sql`${units.disabledAt} is null`,
        or(inArray(units.name, names), inArray(units.shortName, names)),
      ),
    );
}

/** Enabled leaders in scope called one of `names`. */
export async function findLeadersByNames(db: Db, scope: Scope, names: string[]): Promise<{ id: string; name: string }[]> {
  if (names.length === 0) return [];
  return db
    .select({ id: persons.id, name: persons.name })
    .from(persons)
    .innerJoin(units, eq(units.id, persons.unitId))
    .where(
      and(inArray(persons.name, names), eq(persons.isLeader, true), sql`${persons.disabledAt} is null`, like(units.path, `${scope.path}%`)),
    );
}

/** Open items in scope with exactly one of these titles. */
export async function findOpenByTitles(
  db: Db,
  scope: Scope,
  titles: string[],
  openStatuses: readonly string[],
): Promise<{ title: string; serialNumber: string }[]> {
  if (titles.length === 0) return [];
  const pattern = `${scope.path}%`;
  const rows = await executeRows<{ title: string; serial_number: string }>(
    db,
    sql`select t.title, t.serial_number ${fromTasks}
        where t.title in (${sql.join(
          titles.map((x) => sql`${x}`),
          sql`, `,
        )})
          and t.status in (${sql.join(
            openStatuses.map((s) => sql`${s}`),
            sql`, `,
          )})
          and (su.path like ${pattern} or lu.path like ${pattern})`,
  );
  return rows.map((r) => ({ title: r.title, serialNumber: r.serial_number }));
}

// ── saved views ─────────────────────────────────────────────────────────────────────────────────────────────

export type LedgerViewRecord = typeof ledgerViews.$inferSelect;

export async function listViews(db: Db, userId: string): Promise<LedgerViewRecord[]> {
  return db.select().from(ledgerViews).where(eq(ledgerViews.userId, userId)).orderBy(asc(ledgerViews.name));
}

export async function insertView(tx: Db, row: typeof ledgerViews.$inferInsert): Promise<void> {
  await tx.insert(ledgerViews).values(row);
}

/** Deletes the user's own view; returns it, or null when there is no such view of theirs. */
export async function deleteView(tx: Db, userId: string, id: string): Promise<LedgerViewRecord | null> {
  const rows = await tx
    .delete(ledgerViews)
    .where(and(eq(ledgerViews.id, id), eq(ledgerViews.userId, userId)))
    .returning();
  return rows[0] ?? null;
}
