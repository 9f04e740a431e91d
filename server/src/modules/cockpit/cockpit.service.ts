/**
 * 领导驾驶舱 use case: the figures over the items in the reader's scope. Read-only, so nothing is audited; the
 * reader's scope decides what is counted, exactly as the ledger filters it. A province-wide cockpit is a second of
 * grouping at a million items, so expensive figures are kept between changes (platform/figures-cache.ts).
 */
import type { Scope } from '../../platform/scope.js';
import { cockpitMonthsBack, cockpitOpenStatuses, type CockpitSummary } from '@luoshi/contracts';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { figuresCache } from '../../platform/figures-cache.js';
import { countByMonth, countByTopUnitStatusAndLight, findTopUnits } from './cockpit.repository.js';
import { monthWindows, summarise } from './cockpit.rules.js';

export async function getCockpit(deps: Deps, ctx: RequestContext): Promise<CockpitSummary> {
  const actor = requireActor(ctx);
  const today = todayInShanghai(ctx.clock);
  return figuresCache(deps).get(`cockpit:${today}`, actor.scope.path, (db) => computeCockpit(db, ctx, actor.scope));
}

async function computeCockpit(db: Db, ctx: RequestContext, scope: Scope): Promise<CockpitSummary> {
  const now = ctx.clock.now();
  const windows = monthWindows(now, cockpitMonthsBack);
  // Two independent grouped scans: on PostgreSQL they run side by side on two pooled connections (in a background
  // refresh's transaction, one after the other).
  const [rows, months] = await Promise.all([
    countByTopUnitStatusAndLight(db, scope, cockpitOpenStatuses),
    countByMonth(db, scope, windows[0]?.from ?? now),
  ]);
  const topIds = [...new Set(rows.map((r) => r.topUnitId).filter((id): id is string => id !== null))];
  const topUnits = await findTopUnits(db, scope, topIds);
  const scopeDepth = scope.path.split('/').filter(Boolean).length - 1;
  return summarise({
    today: todayInShanghai(ctx.clock),
    rows,
    topUnits,
    prefecturesInScope: topUnits.filter((u) => u.kind === 'government').map((u) => u.id),
    scopeIsProvince: scopeDepth === 0,
    windows,
    months,
  });
}
