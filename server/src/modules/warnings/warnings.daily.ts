/**
 * The daily light refresh (issue 12 item 5): every item that can have a light is assessed again when only the date
 * has moved on. At a province's scale that is ~180,000 items each morning; item by item — a transaction, six look-ups
 * and a write each — it took about half an hour on two cores. Here a batch of items is read with three queries
 * (facts, sub-items, milestones), assessed in memory by the same rules as every write (warnings.rules.ts), and
 * written with one UPDATE in one transaction, so the kept counts' triggers also run once per batch.
 *
 * Depths are refreshed deepest first (`refreshStaleWarnings`), so a sub-item's new light is known before its parent
 * rolls it up: from an earlier batch through the database, or from this batch through `fresh`.
 */
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { shanghaiDateOf, todayInShanghai, type WorkingDayCalendar } from '../../platform/calendar/working-days.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { announceTaskChange } from './warnings.service.js';
import * as repo from './warnings.repository.js';
import { assessWarning, defaultThresholds, type WarningThresholds } from './warnings.rules.js';
import { rolledUpPercent } from './rollup.rules.js';

export interface DailyContext {
  today: string;
  calendar: WorkingDayCalendar;
  thresholds: Map<string, WarningThresholds>;
}

/** Assesses and writes one batch of items (ids deepest first) in one transaction; returns how many lights changed. */
export async function refreshBatch(db: Db, ids: readonly string[], context: DailyContext): Promise<number> {
  if (ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    // One after the other: a transaction is one connection, which runs one statement at a time anyway.
    const facts = await repo.findWarningFactsOf(tx, ids);
    const children = await repo.listChildrenOf(tx, ids);
    const milestones = await repo.listMilestoneFactsOf(tx, ids);
    const byId = new Map(facts.map((f) => [f.id, f]));
    const fresh = new Map<string, { warningLevel: number; progressPercent: number | null }>();
    const writes: repo.DerivedWrite[] = [];
    const changed: string[] = [];
    for (const id of ids) {
      const item = byId.get(id);
      if (!item) continue;
      const kids = (children.get(id) ?? []).map((c) => ({ ...c, ...fresh.get(c.id) }));
      const progressPercent = kids.length ? rolledUpPercent(item.rollupMode, kids) : item.progressPercent;
      const assessment = assessWarning(
        {
          status: item.status,
          assignedOn: shanghaiDateOf(item.assignedAt),
          deadline: item.deadline,
          reportingFrequency: item.reportingFrequency,
          lastReportOn: shanghaiDateOf(item.lastReportAt),
          progressPercent,
          milestones: (milestones.get(id) ?? []).map((m) => ({ ...m, reached: m.reachedAt !== null })),
          childLevels: kids.map((c) => c.warningLevel),
        },
        context.today,
        context.calendar,
        context.thresholds.get(item.source) ?? defaultThresholds,
      );
      fresh.set(id, { warningLevel: assessment.level, progressPercent });
      writes.push({
        id,
        warningLevel: assessment.level,
        warningReasons: assessment.reasons,
        hasChildren: kids.length > 0,
        progressPercent,
      });
      if (assessment.level !== item.warningLevel || progressPercent !== item.progressPercent) changed.push(id);
    }
    await repo.writeDerivedMany(tx, writes, context.today);
    // Live readers hear about the items whose light or progress moved (the rest look the same as yesterday).
    for (const id of changed) await announceTaskChange(tx, id);
    return changed.length;
  });
}

/**
 * Recomputes every light last computed before today, a batch per transaction, one depth at a time from the deepest:
 * at each depth the items that can have a light, then the parents there whose sub-items were just assessed but which
 * cannot have a light themselves (e.g. 已暂停) — every write rolls those up too (refreshDerived walks up), so the
 * parents one level higher must see them fresh. Returns how many items it refreshed.
 */
export async function refreshStaleWarnings(db: Db, clock: Clock, batch = 200): Promise<number> {
  const context = { today: todayInShanghai(clock), calendar: await loadCalendar(db), thresholds: await repo.allThresholds(db) };
  let refreshed = 0;
  for (let depth = await repo.deepestLightDepth(db); depth >= 0; depth--) {
    let after: string | null = null;
    for (;;) {
      const stale = await repo.listStaleAtDepth(db, context.today, depth, batch, after);
      await refreshBatch(db, stale, context);
      refreshed += stale.length;
      after = stale.at(-1) ?? null;
      if (stale.length < batch || !after) break;
    }
    const parents = await repo.listParentsBehind(db, context.today, depth);
    for (let i = 0; i < parents.length; i += batch) await refreshBatch(db, parents.slice(i, i + batch), context);
    refreshed += parents.length;
  }
  return refreshed;
}
