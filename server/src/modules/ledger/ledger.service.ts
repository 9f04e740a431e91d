/**
 * 督查工作台账 use cases: the filtered, sorted, keyset-paged table with counts per warning colour, and saved views.
 * The export and the import live in their own files (ledger.export.ts, ledger.import.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  ledgerLimits,
  ledgerPage,
  type CreateLedgerViewBody,
  type LedgerFilter,
  type LedgerListQuery,
  type LedgerPage,
  type LedgerView,
} from '@luoshi/contracts';
import { overdueWorkingDaysOf } from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { fieldError, notFound, refuseDuplicate } from '../../platform/errors.js';
import { figuresCache } from '../../platform/figures-cache.js';
import { pageCache } from '../../platform/page-cache.js';
import { reachUnitOf } from '../tasks/index.js';
import { presentLedgerRow, presentView } from './ledger.presenter.js';
import * as repo from './ledger.repository.js';
import {
  cursorValuesOf,
  decodeCursor,
  encodeCursor,
  shanghaiDayStart,
  shanghaiNextDayStart,
  sortKeys,
  warningLevelOf,
} from './ledger.rules.js';

/**
 * The filter in SQL terms. A lead unit outside the reader's scope answers 404, exactly like a unit that does not
 * exist, so the filter cannot be used to learn about other subtrees.
 */
export async function resolveConditions(db: Db, actor: Actor, filter: LedgerFilter): Promise<repo.LedgerConditions> {
  let leadUnitPath: string | undefined;
  if (filter.leadUnitId) {
    const path = await repo.findUnitPathInScope(db, actor.scope, filter.leadUnitId);
    if (!path) throw notFound();
    leadUnitPath = path;
  }
  return {
    scope: actor.scope,
    scopeIsEverything: await repo.scopeCoversAllUnits(db, actor.scope),
    reachUnitId: reachUnitOf(actor.scope),
    sources: filter.source,
    statuses: filter.status,
    leadUnitPath,
    responsibleLeaderId: filter.responsibleLeaderId,
    warningLevels: filter.warning?.map((w) => warningLevelOf[w]),
    deadlineFrom: filter.deadlineFrom,
    deadlineTo: filter.deadlineTo,
    createdFrom: filter.createdFrom ? shanghaiDayStart(filter.createdFrom) : undefined,
    createdBefore: filter.createdTo ? shanghaiNextDayStart(filter.createdTo) : undefined,
    assignedFrom: filter.assignedFrom ? shanghaiDayStart(filter.assignedFrom) : undefined,
    assignedBefore: filter.assignedTo ? shanghaiNextDayStart(filter.assignedTo) : undefined,
    completedFrom: filter.completedFrom ? shanghaiDayStart(filter.completedFrom) : undefined,
    completedBefore: filter.completedTo ? shanghaiNextDayStart(filter.completedTo) : undefined,
    parentId: filter.parentId,
    topLevelOnly: filter.topLevelOnly === 'true',
    q: filter.q,
  };
}

/** The sort of a filter with its defaults (deadline, ascending). */
export function sortOf(filter: LedgerFilter) {
  const sort = filter.sort ?? 'deadline';
  const order = filter.order ?? 'asc';
  return { sort, order, keys: sortKeys(sort, order) };
}

/**
 * From this many matching items on, a keyword page walks the sort index (repo `keywordByWalk`). Walking reads about
 * 50 × items ÷ matches rows, collecting reads every match: at a million items they cost the same near 7,000 matches.
 */
const KEYWORD_WALK_FROM = 5_000;

export async function listLedger(deps: Deps, ctx: RequestContext, query: LedgerListQuery): Promise<LedgerPage> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const { limit: requested, cursor, ...filter } = query;
  const limit = requested ?? ledgerLimits.pageSizeDefault;
  const { sort, order, keys } = sortOf(filter);
  const after = cursor ? decodeCursor(cursor, sort, order) : null;
  if (cursor && !after) throw fieldError('VALIDATION_FAILED', 'cursor', 'bad cursor (or one from another sort)');
  const conditions = await resolveConditions(db, actor, filter);
  let rows: repo.LedgerDbRow[];
  let byLevel: Map<number, number>;
  if (conditions.q) {
    // The count first (usually kept): how many items match decides how the page is best found.
    byLevel = await countByWarning(deps, conditions);
    const levels = conditions.warningLevels ?? [...byLevel.keys()];
    const matches = levels.reduce((sum, level) => sum + (byLevel.get(level) ?? 0), 0);
    const keywordByWalk = matches >= KEYWORD_WALK_FROM || (await walkIsCheaperInScope(db, conditions, matches));
    rows = await repo.listLedgerRows(db, { ...conditions, keywordByWalk }, keys, after, limit + 1);
  } else {
    [rows, byLevel] = await Promise.all([repo.listLedgerRows(db, conditions, keys, after, limit + 1), countByWarning(deps, conditions)]);
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const counts = { green: byLevel.get(0) ?? 0, yellow: byLevel.get(1) ?? 0, red: byLevel.get(2) ?? 0, total: 0 };
  counts.total = [...byLevel.values()].reduce((sum, n) => sum + n, 0);
  const overdue = await overdueCounter(db, todayInShanghai(ctx.clock), page);
  return {
    items: page.map((row) => presentLedgerRow(row, overdue)),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, order, cursorValuesOf(keys, last)) : null,
    counts,
  };
}

/**
 * Working days past 办结时限 of a row (`overdueWorkingDaysOf`), for the rows of one batch: the calendar is read only
 * when one of them is late.
 */
export async function overdueCounter(
  db: Db,
  today: string,
  rows: readonly { status: string; deadline: string | null }[],
): Promise<(row: { status: string; deadline: string | null }) => number | null> {
  if (!rows.some((r) => overdueWorkingDaysOf(r, today, () => 1) !== null)) return () => null;
  const calendar = await loadCalendar(db);
  return (row) => overdueWorkingDaysOf(row, today, (from, to) => calendar.workingDaysBetween(from, to));
}

/**
 * Below the province a keyword page can walk the reader's own items in order (about 50 × items in scope ÷ matches in
 * scope rows) or collect the keyword's matches over the whole province through the trigram index and keep those in
 * scope (at least the matches in scope, usually many more). Walking is surely cheaper when the first is below the
 * second's lower bound: at a 州市 with 118,000 items, from about 2,400 matches on (a common keyword there took 260 ms
 * collected province-wide, 10–20 ms walked).
 */
async function walkIsCheaperInScope(db: Db, conditions: repo.LedgerConditions, matches: number): Promise<boolean> {
  if (conditions.scopeIsEverything || conditions.reachUnitId === null || matches === 0) return false;
  const inScope = await repo.countItemsInReach(db, conditions.reachUnitId);
  return (50 * inScope) / matches < matches;
}

/**
 * The page as sent: validated against the contract and serialised once, then kept until an item in the reader's
 * scope changes (platform/page-cache.ts). The answer depends on the reader's scope and the query alone.
 */
export async function listLedgerJson(deps: Deps, ctx: RequestContext, query: LedgerListQuery): Promise<string> {
  const actor = requireActor(ctx);
  const key = JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
  return pageCache(deps).get(actor.scope.path, `ledger:${key}`, async () =>
    JSON.stringify(ledgerPage.parse(await listLedger(deps, ctx, query))),
  );
}

/**
 * Items per colour for the filter (its colour part ignored). Over a whole province that is an aggregate of a million
 * rows, so an expensive count is kept between changes in scope (platform/figures-cache.ts); cheap ones are exact.
 */
async function countByWarning(deps: Deps, conditions: repo.LedgerConditions): Promise<Map<number, number>> {
  const { warningLevels: _ignored, ...counted } = conditions;
  const entries = await figuresCache(deps).get(`ledger-counts:${JSON.stringify(counted)}`, conditions.scope.path, async (db) => [
    ...(await repo.countByWarning(db, conditions)).entries(),
  ]);
  return new Map(entries);
}

// ── saved views ─────────────────────────────────────────────────────────────────────────────────────────────

export async function listLedgerViews(deps: Deps, ctx: RequestContext): Promise<LedgerView[]> {
  const actor = requireActor(ctx);
  return (await repo.listViews(deps.database.db, actor.userId)).map(presentView);
}

export async function createLedgerView(deps: Deps, ctx: RequestContext, input: CreateLedgerViewBody): Promise<LedgerView> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const record = {
      id: randomUUID(),
      userId: actor.userId,
      name: input.name,
      query: input.query,
      columns: input.columns ?? null,
      createdAt: ctx.clock.now(),
    };
    await refuseDuplicate(input.name, 'name', () => repo.insertView(tx, record));
    const view = presentView(record);
    await recordAudit(deps, tx, ctx, { eventType: 'ledger.view_saved', objectType: 'ledger_view', objectId: view.id, after: view });
    return view;
  });
}

/** Deletes one of the caller's own views; anybody else's is a 404 like a missing one. */
export async function deleteLedgerView(deps: Deps, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const deleted = await repo.deleteView(tx, actor.userId, id);
    if (!deleted) throw notFound();
    await recordAudit(deps, tx, ctx, {
      eventType: 'ledger.view_deleted',
      objectType: 'ledger_view',
      objectId: id,
      before: presentView(deleted),
    });
    return { ok: true as const };
  });
}
