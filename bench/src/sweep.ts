/**
 * `npm run bench:sweep` (issue 12 item 5): the daily work the system does on its own at province scale, timed — the
 * light refresh of every item last assessed before the day (maintenance) and the escalation sweep (the 05:30 job),
 * on the bench database as it stands. The clock is set to 06:00 Shanghai on the working day after the newest light
 * assessment in the data, so every item that can have a light is stale, as on a real morning; run it again and it
 * moves on a day. It writes (new lights, escalation steps, their timelines and audit events) like the real sweep:
 * run it on the bench database only. The kept counts (task_tallies) are folded afterwards, as maintenance does.
 */
import { parseArgs } from 'node:util';
import { runEscalationSweep } from '../../server/src/modules/escalations/index.js';
import { refreshStaleWarnings } from '../../server/src/modules/warnings/index.js';
import { ManualClock } from '../../server/src/platform/clock.js';
import { systemScope } from '../../server/src/platform/scope.js';
import { DEFAULT_BENCH_DATABASE_URL, openBenchTarget } from './target.js';

const { values } = parseArgs({ options: { 'skip-escalations': { type: 'boolean', default: false } } });
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const target = await openBenchTarget({ databaseUrl });
try {
  const [latest] = await target.exec(`select (coalesce(max(warning_on), current_date) + 1)::text as day from tasks`);
  const [working] = await target.exec(
    `select min(d::date)::text as day from generate_series($1::date, $1::date + 14, interval '1 day') d
     where extract(isodow from d) < 6 and not exists (select 1 from calendar_days c where c.day = d::date and c.kind = 'holiday')`,
    [String(latest?.day)],
  );
  const day = String(working?.day ?? latest?.day);
  const clock = new ManualClock(`${day}T06:00:00+08:00`);
  const deps = { ...target.deps, clock };
  const [candidates] = await target.exec(
    `select count(*)::int as n from tasks where status in ('assigned', 'accepted', 'in_progress') or warning_level > 0`,
  );
  console.log(`sweep of ${day} over ${String(candidates?.n)} items that can have a light (${databaseUrl})`);
  let started = Date.now();
  const refreshed = await refreshStaleWarnings(deps.database.db, clock);
  const lightsMs = Date.now() - started;
  console.log(
    `light refresh: ${refreshed} items in ${(lightsMs / 1000).toFixed(1)} s (${((lightsMs / Math.max(refreshed, 1)) * 1000).toFixed(0)} µs per item)`,
  );
  if (!values['skip-escalations']) {
    started = Date.now();
    const report = await runEscalationSweep(deps, systemScope());
    const sweepMs = Date.now() - started;
    console.log(`escalation sweep: ${JSON.stringify(report)} in ${(sweepMs / 1000).toFixed(1)} s`);
  }
  started = Date.now();
  const [folded] = await target.exec('select luoshi_compact_task_tallies() as n');
  console.log(`tallies folded: ${String(folded?.n)} delta rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await target.close();
}
