/**
 * `traffic` (issue 12 item 1): what users do, instead of one URL for one user. A stratified sample of ≥ 500 accounts
 * at every level signs in, each with its own session and scope, and drives the product open loop at a fixed rate
 * (100 requests/s by default) with the mix of traffic-model.ts — ledger and keyword walks with filters, sorts and
 * pages 1–20, item pages on items from the user's own answers, work desks, cockpits, leaders' reports — while 30
 * progress reports a second are filed on items the writers' own units lead, government-led items included. The same
 * traffic then runs once more on a server with the page and figures caches off: the "uncached" column, and the
 * indirect measure of what the caches serve.
 */
import { join } from 'node:path';
import { seededRandom } from '../bulk.js';
import os from 'node:os';
import { cpuBetween, cpuSnapshot } from './machine.js';
import type { BenchOptions } from './options.js';
import { resultOf, type LoadResult } from './request.js';
import { startServer, type RunningServer } from './server.js';
import { getJson, signIn } from './session.js';
import { settleDatabase } from './settle.js';
import { browserAgent, newUserState, rememberRows, actionStream, type TrafficWorld, type UserState } from './traffic-actions.js';
import { runActions, type CacheTally } from './paced.js';
import { ensureGovernmentHandlers, loadCandidates } from './traffic-fixtures.js';
import { ACTIONS_PER_SECOND_AT_100, FILTER_SHARES, PAGE_DEPTHS, SORTS, STATUS_FILTERS, LIGHT_FILTERS } from './traffic-model.js';
import { countByStratum, scaleQuotas, stratifiedSample, WRITER_SHARES, type Stratum } from './traffic-users.js';

export interface TrafficRun {
  label: 'cached' | 'uncached';
  serverEnv: Record<string, string>;
  servers: number;
  actionsPerSecond: number;
  /** HTTP requests per second actually sent (an item page is several). */
  requestsPerSecond: number;
  /** One sample per user action (item page = all its calls), by kind. */
  actions: LoadResult;
  /** One sample per HTTP call, by call kind. */
  calls: LoadResult;
  /** Ledger requests that repeated a (scope, query, page) already asked in the run: the most the page cache can serve. */
  ledgerRepeatShare: Record<'ledger' | 'keyword', number>;
  /** What the server's caches actually did, per call kind (`x-luoshi-cache` on each successful answer). */
  cacheByKind: CacheTally;
  wallSeconds: number;
  /** Server processes and their worker processes together. */
  serverPeakRssMiB: number;
  /** Answers per server process (x-luoshi-worker), with --servers N. */
  byWorker: Record<string, number>;
  /** The machine during the measured run: a shared machine's other work shows up as `otherSeconds`. */
  cpu: ReturnType<typeof cpuBetween>;
  loadAverage: { start: number; end: number };
}

export interface TrafficScenarioResult {
  id: 'traffic';
  ratePerSecond: number;
  seconds: number;
  warmupSeconds: number;
  users: { total: number; byStratum: Record<Stratum, number> };
  writers: { total: number; byStratum: Record<Stratum, number>; items: number };
  governmentHandlers: { added: number; total: number };
  signIn: { users: number; seconds: number };
  model: Record<string, unknown>;
  cached: TrafficRun;
  uncached?: TrafficRun;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

const WRITER_STRATA = new Set<Stratum>(WRITER_SHARES.map(([s]) => s));

type ReportablePage = { items: { id: string; leadUnitId: string }[]; nextCursor: string | null };

/** Open items led by the writer's own unit, found through the writer's own ledger (a few pages at most). */
async function findReportable(baseUrl: string, user: UserState): Promise<void> {
  let cursor: string | null = null;
  for (let page = 0; page < 4 && user.reportable.length < 50; page++) {
    const query: URLSearchParams = new URLSearchParams({
      leadUnitId: user.scopeUnitId,
      status: 'accepted,in_progress',
      limit: '100',
      ...(cursor ? { cursor } : {}),
    });
    const body: ReportablePage = await getJson<ReportablePage>(baseUrl, user.session, `/api/ledger?${query.toString()}`);
    user.reportable.push(...body.items.filter((r) => r.leadUnitId === user.scopeUnitId).map((r) => r.id));
    rememberRows(user, JSON.stringify(body));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function shanghaiToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function measure(
  label: TrafficRun['label'],
  server: RunningServer,
  serverEnv: Record<string, string>,
  users: UserState[],
  base: Omit<TrafficWorld, 'users' | 'writers' | 'random' | 'ledgerRequests' | 'seenLedgerKeys'>,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<TrafficRun> {
  for (const u of users) {
    u.walk = null;
    u.agent.destroy();
    u.agent = browserAgent();
  }
  const world: TrafficWorld = {
    ...base,
    users,
    writers: users.filter((u) => u.reportable.length > 0),
    random: seededRandom(20_261_207),
    ledgerRequests: { ledger: { total: 0, repeats: 0 }, keyword: { total: 0, repeats: 0 } },
    seenLedgerKeys: new Set(),
  };
  const { next, actionsPerSecond } = actionStream(world, options.trafficRate);
  log(
    `  ${label}: warm-up ${options.trafficWarmupSeconds} s, then ${actionsPerSecond} actions/s (≈ ${options.trafficRate} requests/s) for ${options.trafficSeconds} s`,
  );
  await runActions({ baseUrl: server.baseUrl, ratePerSecond: actionsPerSecond, durationSeconds: options.trafficWarmupSeconds, next });
  world.ledgerRequests = { ledger: { total: 0, repeats: 0 }, keyword: { total: 0, repeats: 0 } };
  server.resetPeak();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const cpuAtStart = cpuSnapshot(server.pids(), databaseName(options.databaseUrl));
  let lastLog = 0;
  const run = await runActions({
    baseUrl: server.baseUrl,
    ratePerSecond: actionsPerSecond,
    durationSeconds: options.trafficSeconds,
    next,
    onSecond: (second, samples) => {
      if (second - lastLog < (process.env.BENCH_EVERY_SECOND ? 1 : 10)) return;
      lastLog = second;
      const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
      const shed = samples.filter((s) => s.status === 503 || s.status === 429).length;
      log(`    t=${second}s ${samples.length} actions, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms, shed ${shed}`);
    },
  });
  const cpu = cpuBetween(cpuAtStart, cpuSnapshot(server.pids(), databaseName(options.databaseUrl)));
  const actions = resultOf(run.actions, options.trafficSeconds);
  const calls = resultOf(run.calls, options.trafficSeconds);
  const share = (c: { total: number; repeats: number }) => (c.total ? Math.round((c.repeats / c.total) * 1000) / 10 : 0);
  const result: TrafficRun = {
    label,
    serverEnv,
    servers: options.servers,
    actionsPerSecond,
    requestsPerSecond: calls.requestsPerSecond,
    actions,
    calls,
    ledgerRepeatShare: { ledger: share(world.ledgerRequests.ledger), keyword: share(world.ledgerRequests.keyword) },
    cacheByKind: run.cacheByKind,
    wallSeconds: Math.round(run.wallSeconds * 10) / 10,
    serverPeakRssMiB: server.memory().peakMiB,
    byWorker: run.byWorker,
    cpu,
    loadAverage: { start: Math.round(loadAtStart * 100) / 100, end: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
  };
  log(
    `    machine: ${cpu.busyPercent} % busy; CPU s: server ${cpu.serverSeconds}, load generator ${cpu.clientSeconds}, its PostgreSQL backends ${cpu.databaseSeconds}, everything else on the machine ${cpu.otherSeconds}; load ${result.loadAverage.start} → ${result.loadAverage.end}`,
  );
  for (const u of users) u.agent.destroy();
  for (const [kind, k] of Object.entries(actions.byKind))
    log(
      `    ${kind.padEnd(8)} p50 ${k.latency.p50} · p95 ${k.latency.p95} · p99 ${k.latency.p99} ms · ${k.latency.count} ok · shed ${k.statuses.shed} · failed ${k.statuses.failed} · errors ${k.statuses.errors}`,
    );
  return result;
}

export async function runTraffic(options: BenchOptions, log: (line: string) => void, date: string): Promise<TrafficScenarioResult> {
  log(`traffic model: ${options.trafficUsers} users, ${options.trafficRate} requests/s, ${options.servers} server process(es)`);
  const governmentHandlers = await ensureGovernmentHandlers(options.databaseUrl);
  log(`  government handlers: ${governmentHandlers.total} (${governmentHandlers.added} added now)`);
  const sample = stratifiedSample(await loadCandidates(options.databaseUrl), scaleQuotas(options.trafficUsers), seededRandom(12));
  const byStratum = countByStratum(sample);
  log(
    `  users: ${sample.length} — ${Object.entries(byStratum)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );

  // Every user signs in from 127.0.0.1: the per-address sign-in limit (600/min) would refuse the 601st.
  const serverEnv: Record<string, string> = { LOG_LEVEL: 'warn', SIGN_IN_RATE_PER_MINUTE: '100000' };
  if (options.maxInFlight !== undefined) serverEnv.MAX_IN_FLIGHT_REQUESTS = String(options.maxInFlight);
  const start = (env: Record<string, string>, suffix: string) =>
    startServer({
      databaseUrl: options.databaseUrl,
      port: options.port,
      env,
      workers: options.servers,
      logFile: join(options.outDir, `server-${date}-traffic${suffix}.log`),
    });
  let server = await start(serverEnv, '');
  let users: UserState[];
  let cached: TrafficRun;
  let signInSeconds: number;
  let sources: string[];
  const today = shanghaiToday();
  try {
    const signInStarted = performance.now();
    users = await mapLimit(sample, 4, async (user) => newUserState(user, await signIn(server.baseUrl, user.username)));
    signInSeconds = Math.round((performance.now() - signInStarted) / 100) / 10;
    log(`  signed in ${users.length} users in ${signInSeconds} s`);
    const supervisor = users.find((u) => u.roles.includes('supervisor')) ?? users[0];
    if (!supervisor) throw new Error('no users to sign in');
    sources = (await getJson<{ code: string; active: boolean }[]>(server.baseUrl, supervisor.session, '/api/sources')).map((s) => s.code);
    await mapLimit(users, 4, async (u) => {
      const children = await getJson<{ id: string }[]>(server.baseUrl, u.session, `/api/units?parentId=${u.scopeUnitId}`);
      u.scopeUnits.push(...children.map((c) => c.id));
    });
    await mapLimit(
      users.filter((u) => WRITER_STRATA.has(u.stratum)),
      4,
      (u) => findReportable(server.baseUrl, u),
    );
    const writers = users.filter((u) => u.reportable.length > 0);
    if (writers.length === 0) throw new Error('no sampled handler has open items of their own unit to report on');
    log(
      `  writers: ${writers.length} — ${Object.entries(countByStratum(writers))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    await settleDatabase(options.databaseUrl);
    cached = await measure('cached', server, serverEnv, users, { sources, today }, options, log);
  } finally {
    await server.stop();
  }
  let uncached: TrafficRun | undefined;
  if (options.trafficUncached) {
    await settleDatabase(options.databaseUrl);
    const uncachedEnv = { ...serverEnv, PAGE_CACHE_ENTRIES: '0', FIGURES_KEEP_FROM_MS: '0' };
    server = await start(uncachedEnv, '-uncached');
    try {
      // Sessions live in the database, so the same sign-ins serve the second server.
      const first = users[0];
      if (first) await getJson(server.baseUrl, first.session, '/api/auth/session');
      uncached = await measure('uncached', server, uncachedEnv, users, { sources, today }, options, log);
    } finally {
      await server.stop();
    }
  }
  const writers = users.filter((u) => u.reportable.length > 0);
  return {
    id: 'traffic',
    ratePerSecond: options.trafficRate,
    seconds: options.trafficSeconds,
    warmupSeconds: options.trafficWarmupSeconds,
    users: { total: users.length, byStratum },
    writers: { total: writers.length, byStratum: countByStratum(writers), items: writers.reduce((n, w) => n + w.reportable.length, 0) },
    governmentHandlers,
    signIn: { users: users.length, seconds: signInSeconds },
    model: {
      actionsPerSecondAt100: ACTIONS_PER_SECOND_AT_100,
      filterShares: FILTER_SHARES,
      statusFilters: STATUS_FILTERS,
      lightFilters: LIGHT_FILTERS,
      sorts: SORTS,
      pageDepths: PAGE_DEPTHS,
      writerShares: WRITER_SHARES,
      keywords: '200 terms (traffic-keywords.ts), Zipf 1.0',
      sources,
    },
    cached,
    ...(uncached ? { uncached } : {}),
  };
}
