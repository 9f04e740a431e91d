/**
 * `npm run bench [-- --quick] [--only a,b,c,d,e,f,g,mixed,surge]`: starts the product's server on the bench database
 * (DATABASE_URL, default postgres://root@127.0.0.1:5432/luoshi_bench, made by `npm run bench:data`), signs in the
 * bench accounts, runs the scenarios of issue 6 over loopback and writes bench/results/<date>.json and .md.
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
import { repoRoot, startServer } from './server.js';
import { signIn } from './session.js';
import { settleDatabase } from './settle.js';
import { openSqlCapture } from './sql-capture.js';
import type { RunResults } from './targets.js';
import { targetRows } from './targets.js';

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
const serverEnv: Record<string, string> = { LOG_LEVEL: 'warn' };
if (options.maxInFlight !== undefined) serverEnv.MAX_IN_FLIGHT_REQUESTS = String(options.maxInFlight);
const server = await startServer({
  databaseUrl: options.databaseUrl,
  port: options.port,
  env: serverEnv,
  logFile: join(options.outDir, `server-${date}.log`),
});
log(`server pid ${server.pid} at ${server.baseUrl}`);
const capture = openSqlCapture(options.databaseUrl);
const results: RunResults = { reads: [] };
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

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { cwd: repoRoot, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const { databaseUrl: _url, ...shownOptions } = options;
const targets = targetRows(results);
const files = writeResults(options.outDir, {
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
});
log('');
for (const t of targets) log(`${t.pass ? 'pass' : 'FAIL'}  ${t.id.padEnd(8)} ${t.target.padEnd(40)} ${t.measured}`);
log(`\nwritten ${files.json} and ${files.md}`);
