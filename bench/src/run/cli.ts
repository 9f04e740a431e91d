/**
 * `npm run bench [-- --quick] [--only a,b,c,d,e,f,g,mixed,surge,traffic] [--servers N]`: starts the product's server
 * on the bench database (DATABASE_URL, default postgres://root@127.0.0.1:5432/luoshi_bench, made by `npm run
 * bench:data`), signs in the bench accounts, runs the scenarios of issue 6 over loopback (the cached reference),
 * then the traffic model of issue 12 on servers of its own, and writes bench/results/<date>.json and .md (and
 * <date>-traffic.json and .md).
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_ACCOUNTS } from '../phase-users.js';
import type { BenchContext } from './context.js';
import { loadFixtures } from './fixtures.js';
import { describeMachine } from './machine.js';
import { parseOptions, wants } from './options.js';
import { writeResults } from './results.js';
import { runExportScenario } from './scenario-export.js';
import { runMixed, runSurge } from './scenario-load.js';
import { runReads, runSqlComparisons } from './scenario-reads.js';
import { runReportScenario } from './scenario-report.js';
import { runTraffic } from './scenario-traffic.js';
import { repoRoot, startServer } from './server.js';
import { signIn } from './session.js';
import { settleDatabase } from './settle.js';
import { openSqlCapture } from './sql-capture.js';
import type { RunResults } from './targets.js';
import { targetRows } from './targets.js';
import { writeTrafficResults } from './traffic-results.js';

/** The pool size `openDatabase` gives the server (platform/db.ts); the SQL replay uses the same. */
const SERVER_POOL_SIZE = 10;

const log = (line: string) => console.log(line);
const options = parseOptions(process.argv.slice(2), process.env, join(repoRoot, 'bench', 'results'));
const startedAt = new Date();
const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(startedAt);
const database = options.databaseUrl.replace(/\/\/[^@]*@/, '//…@');
log(`Luoshi benchmark${options.quick ? ' (quick)' : ''} on ${database}`);

const machine = await describeMachine(options.databaseUrl);
log(
  `machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, PostgreSQL ${machine.postgres}, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`,
);
const fixtures = await loadFixtures(options.databaseUrl, { itemsToOpen: 300, reportable: 1000, exportRows: options.exportRows });
log(`dataset: ${fixtures.counts.tasks} items, ${fixtures.counts.progressReports} reports, ${fixtures.counts.auditEvents} audit events`);

mkdirSync(options.outDir, { recursive: true });
/** The issue-6 scenarios share one server; the traffic model starts its own (other settings, --servers). */
const ISSUE_6_SCENARIOS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'mixed', 'surge'];
const results: RunResults = { reads: [] };
const serverEnv: Record<string, string> = { LOG_LEVEL: 'warn' };
if (options.maxInFlight !== undefined) serverEnv.MAX_IN_FLIGHT_REQUESTS = String(options.maxInFlight);
const runsIssue6 = options.only.length === 0 || options.only.some((id) => ISSUE_6_SCENARIOS.includes(id));
if (runsIssue6) {
  const server = await startServer({
    databaseUrl: options.databaseUrl,
    port: options.port,
    env: serverEnv,
    logFile: join(options.outDir, `server-${date}.log`),
  });
  log(`server pid ${server.pid} at ${server.baseUrl}`);
  const capture = openSqlCapture(options.databaseUrl);
  try {
    const ctx: BenchContext = {
      options,
      server,
      fixtures,
      sessions: {
        ducha: await signIn(server.baseUrl, BENCH_ACCOUNTS.provinceSupervisor),
        kmDucha: await signIn(server.baseUrl, BENCH_ACCOUNTS.prefectureSupervisor),
        leader: await signIn(server.baseUrl, BENCH_ACCOUNTS.provinceLeader),
        handler: await signIn(server.baseUrl, BENCH_ACCOUNTS.departmentHandler),
      },
      capture,
      serverPoolSize: SERVER_POOL_SIZE,
      log,
    };
    const wanted = (id: string) => wants(options, id);
    const settle = async () => {
      const { waitedSeconds, cancelled } = await settleDatabase(options.databaseUrl);
      if (waitedSeconds > 1 || cancelled)
        log(`    (database busy: waited ${waitedSeconds.toFixed(0)} s${cancelled ? `, cancelled ${cancelled} statements` : ''})`);
    };
    if (wanted('f')) results.export = await runExportScenario(ctx);
    await settle();
    results.reads = await runReads(ctx, wanted, settle);
    if (wanted('d')) results.report = await runReportScenario(ctx);
    await settle();
    if (wanted('mixed')) results.mixed = await runMixed(ctx);
    await settle();
    if (wanted('surge')) results.surge = await runSurge(ctx, 100);
    await settle();
    if (
      results.reads.some((r) => ['a', 'b', 'e'].includes(r.id)) &&
      (wanted('g') || options.only.some((id) => ['a', 'b', 'e'].includes(id)))
    ) {
      // (g) on a second server whose figures cache is off, so that API and SQL do the same work.
      const uncached = await startServer({
        databaseUrl: options.databaseUrl,
        port: options.port + 1,
        env: { ...serverEnv, FIGURES_KEEP_FROM_MS: '0', PAGE_CACHE_ENTRIES: '0', MAX_IN_FLIGHT_REQUESTS: '0' },
        logFile: join(options.outDir, `server-${date}-uncached.log`),
      });
      try {
        const ducha = await signIn(uncached.baseUrl, BENCH_ACCOUNTS.provinceSupervisor);
        await runSqlComparisons(ctx, results.reads, { baseUrl: uncached.baseUrl, ducha }, settle);
      } finally {
        await settle();
        await uncached.stop();
      }
    }
  } finally {
    await capture.close();
    await server.stop();
  }
}
if (wants(options, 'traffic')) results.traffic = await runTraffic(options, log, date);

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const { databaseUrl: _url, ...shownOptions } = options;
const targets = targetRows(results);
// A traffic-only run writes its own file alone (it must not replace the day's issue-6 table with an empty one).
const files = runsIssue6
  ? writeResults(options.outDir, {
      date,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit,
      quick: options.quick,
      options: { ...shownOptions, database },
      machine,
      dataset: fixtures.counts,
      serverEnv,
      targets,
      results,
    })
  : null;
log('');
for (const t of targets) log(`${t.pass ? 'pass' : 'FAIL'}  ${t.id.padEnd(8)} ${t.target.padEnd(40)} ${t.measured}`);
if (files) log(`\nwritten ${files.json} and ${files.md}`);
if (results.traffic) {
  const header = [
    `# Luoshi benchmark, traffic model — ${date}${options.quick ? ' (quick run: shortened phases, not a published result)' : ''}`,
    '',
    `Commit \`${commit}\`. Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres}; load average at start ${machine.loadAverageAtStart.join(' / ')}.`,
    '',
    `Dataset (${database}): ${fixtures.counts.tasks.toLocaleString('en-US')} items, ${fixtures.counts.units.toLocaleString('en-US')} units, ${fixtures.counts.users.toLocaleString('en-US')} users.`,
    '',
    '| | scenario | target | measured | |',
    '| --- | --- | --- | --- | --- |',
    ...targets
      .filter((t) => t.id.startsWith('traffic-'))
      .map((t) => `| ${t.id} | ${t.what} | ${t.target} | ${t.measured} | ${t.pass ? 'pass' : '**FAIL**'} |`),
    '',
  ];
  const name = `${date}-traffic${options.servers > 1 ? `-${options.servers}servers` : ''}${options.quick ? '-quick' : ''}`;
  const traffic = writeTrafficResults(
    options.outDir,
    name,
    { date, commit, quick: options.quick, machine, dataset: fixtures.counts },
    results.traffic,
    header,
  );
  log(`written ${traffic.json} and ${traffic.md}`);
}
