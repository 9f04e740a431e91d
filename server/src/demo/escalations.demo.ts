/**
 * Demo: the reminders and escalation steps the daily sweep would have taken had the demo been running all along.
 * The demo items are registered "in the past" (tasks.demo-roadmap.ts), so the sweep is replayed at 09:00 on each of
 * the past days: an overdue item then shows 临期提醒, 逾期提醒, 催办 and 督办通知 on its 时间线 on the days they fell
 * due, and the 承办人 (the `jyt` account for 省教育厅's item) finds them in the bell.
 */
import { runEscalationSweep } from '../modules/escalations/index.js';
import type { Deps } from '../platform/context.js';
import { systemScope } from '../platform/scope.js';

const DAY_MS = 86_400_000;

/** Runs the sweep as of 09:00 Beijing time on each of the last `days` days, oldest first, then leaves `deps` as it was. */
export async function replayDemoSweeps(deps: Deps, days = 60): Promise<number> {
  const now = deps.clock.now();
  // 09:00 in Beijing is 01:00 UTC.
  const todayNine = new Date(now.getTime() - ((now.getTime() - 3_600_000) % DAY_MS));
  let recorded = 0;
  for (let back = days; back >= 0; back--) {
    const at = new Date(todayNine.getTime() - back * DAY_MS);
    if (at > now) continue;
    recorded += (await runEscalationSweep({ ...deps, clock: { now: () => at } }, systemScope())).stepsRecorded;
  }
  return recorded;
}
