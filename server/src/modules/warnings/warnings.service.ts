/**
 * Keeps each item's light and rolled-up progress current, and announces changes to live readers: `refreshDerived` runs inside every transaction that changes
 * an item (so the ledger is right the moment the write commits) and walks up to the top-level item (一级督一级: the
 * worst light and the progress of sub-items roll up); `refreshStaleWarnings` runs from the housekeeping loop so
 * lights change when only the date moves on.
 */
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { shanghaiDateOf, todayInShanghai, type WorkingDayCalendar } from '../../platform/calendar/working-days.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db.js';
import { publishTaskChange } from '../../platform/live.js';
import * as repo from './warnings.repository.js';
import { assessWarning } from './warnings.rules.js';
import { rolledUpPercent } from './rollup.rules.js';

/**
 * Recomputes the item's light (and, for a parent, its rolled-up progress), then its ancestors', and tells live
 * readers (ledger, item pages, cockpit) when the transaction commits: always about the item written (`written`),
 * and about an ancestor or a daily-refreshed item only when its light or progress actually changed.
 */
export async function refreshDerived(tx: Db, clock: Clock, taskId: string, calendar?: WorkingDayCalendar, written = true): Promise<void> {
  const today = todayInShanghai(clock);
  const cal = calendar ?? (await loadCalendar(tx));
  let id: string | null = taskId;
  for (let depth = 0; id && depth < 32; depth++) {
    const facts = await repo.findWarningFacts(tx, id);
    if (!facts) return;
    const children = await repo.listChildren(tx, id);
    const progressPercent = children.length ? rolledUpPercent(facts.rollupMode, children) : facts.progressPercent;
    const milestones = await repo.listMilestoneFacts(tx, id);
    const assessment = assessWarning(
      {
        status: facts.status,
        assignedOn: shanghaiDateOf(facts.assignedAt),
        deadline: facts.deadline,
        reportingFrequency: facts.reportingFrequency,
        lastReportOn: shanghaiDateOf(facts.lastReportAt),
        progressPercent,
        milestones: milestones.map((m) => ({ ...m, reached: m.reachedAt !== null })),
        childLevels: children.map((c) => c.warningLevel),
      },
      today,
      cal,
      await repo.thresholdsFor(tx, facts.source),
    );
    await repo.writeDerived(tx, id, {
      warningLevel: assessment.level,
      warningReasons: assessment.reasons,
      warningOn: today,
      ...(children.length ? { progressPercent } : {}),
    });
    const changed = assessment.level !== facts.warningLevel || progressPercent !== facts.progressPercent;
    if ((written && depth === 0) || changed) await announce(tx, id);
    id = facts.parentId;
  }
}

/** Tells live readers in scope that the item changed (when `tx` commits) — for writes that do not move its light. */
export async function announceTaskChange(tx: Db, taskId: string): Promise<void> {
  await announce(tx, taskId);
}

async function announce(tx: Db, taskId: string): Promise<void> {
  const paths = await repo.unitPathsOf(tx, taskId);
  if (paths) await publishTaskChange(tx, { taskId, ...paths });
}

/**
 * A progress report was filed: its time, percent and milestone are kept on the item, so the light and the roll-up
 * that the report's step recomputes (tasks.steps.ts) see it.
 */
export async function noteReport(
  tx: Db,
  taskId: string,
  report: { at: Date; percent: number | null; milestone: string | null },
): Promise<void> {
  await repo.recordReport(tx, taskId, report);
}
