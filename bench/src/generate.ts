/**
 * The generator's phases in order, each timed: units → people → item plan → items → reports → timelines → audit →
 * indexes → VACUUM ANALYZE. Everything after the people runs as a handful of set-based SQL statements on the owner session,
 * so the same code loads PGlite (county scale) and PostgreSQL (province scale).
 */
import { loadUnitModel, generateUnits } from './phase-units.js';
import { generateUsers } from './phase-users.js';
import { insertCooperations, insertTasks, planTasks } from './phase-tasks.js';
import { insertReports } from './phase-reports.js';
import { insertTimeline } from './phase-timeline.js';
import { insertAuditEvents } from './phase-audit.js';
import { dropSecondaryIndexes, recreateIndexes, type IndexDefinition } from './indexes.js';
import type { Clock } from './lifecycle-sql.js';
import type { Scale } from './scale.js';
import { pairSlots } from './skew.js';
import { createStagingTables } from './staging.js';
import { summarize, type BenchSummary } from './summary.js';
import type { BenchTarget } from './target.js';

export interface PhaseTiming {
  phase: string;
  seconds: number;
}

export interface GenerateResult {
  timings: PhaseTiming[];
  summary: BenchSummary;
}

/** The Shanghai calendar date of an instant (YYYY-MM-DD). */
export function shanghaiDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at);
}

export async function generateBenchData(
  target: BenchTarget,
  scale: Scale,
  log: (line: string) => void = () => undefined,
): Promise<GenerateResult> {
  const { exec, deps } = target;
  const existing = await exec('select count(*)::int as n from tasks');
  if (Number(existing[0]?.n) > 0)
    throw new Error('The target database already has items: start from an empty one (--fresh drops and recreates the bench database).');
  const now = deps.clock.now();
  const clock: Clock = { today: shanghaiDate(now), now: now.toISOString() };
  const timings: PhaseTiming[] = [];
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    log(`${name} …`);
    const result = await fn();
    const seconds = (Date.now() - started) / 1000;
    timings.push({ phase: name, seconds });
    log(`${name} done in ${seconds.toFixed(1)} s`);
    return result;
  };
  await configureSession(target, scale);
  await phase('units', () => generateUnits(exec, scale));
  const model = await loadUnitModel(exec);
  const staff = await phase('users', () => generateUsers(exec, model, scale));
  let dropped: IndexDefinition[] = [];
  if (scale.rebuildIndexes) dropped = await phase('drop indexes', () => dropSecondaryIndexes(exec));
  await phase('plan items', async () => {
    await createStagingTables(exec, model, staff);
    await planTasks(exec, scale, clock, pairSlots(model));
  });
  await phase('tasks', () => insertTasks(exec, clock));
  await phase('cooperations', () => insertCooperations(exec));
  // Who can see each item and the kept counts (migration 0018): kept by triggers, which the province-scale load runs
  // without (session_replication_role = replica), so they are built once from the loaded items — also at county
  // scale, where it gives the same rows the triggers made.
  await phase('task reach', () => exec('select luoshi_rebuild_task_reach()'));
  await phase('progress reports', () => insertReports(exec, clock));
  await phase('timelines', () => insertTimeline(exec, clock));
  await phase('audit events', () => insertAuditEvents(exec));
  if (dropped.length) await phase('rebuild indexes', () => recreateIndexes(exec, dropped, log));
  // VACUUM as well as ANALYZE: it sets the visibility map, without which an index-only scan still reads every heap
  // page. A freshly bulk-loaded table is not what a running system has (autovacuum would have got to it), and the
  // benchmark should measure the running system.
  await phase('vacuum analyze', async () => {
    await exec('drop table if exists bench_plan, bench_steps, bench_staff, bench_gov');
    if (deps.database.kind === 'postgres') await exec('set session_replication_role = origin');
    await exec('vacuum (analyze)');
  });
  const summary = await phase('summary', () => summarize(exec));
  return { timings, summary };
}

/**
 * Session settings for the bulk load. On PostgreSQL: more memory for sorts and index builds, no waiting for WAL
 * flushes (a crashed load is rerun, not recovered), and — at province scale — no per-row foreign-key triggers
 * (`session_replication_role = replica`, superuser only; the rows are consistent by construction and the county-scale
 * test loads with the checks on).
 */
async function configureSession(target: BenchTarget, scale: Scale): Promise<void> {
  const { exec, deps } = target;
  await exec('select setseed(0.2026)');
  if (deps.database.kind !== 'postgres') return;
  await exec(`set work_mem = '256MB'`);
  await exec(`set maintenance_work_mem = '1GB'`);
  await exec(`set synchronous_commit = off`);
  if (scale.skipForeignKeyChecks) await exec('set session_replication_role = replica');
}
