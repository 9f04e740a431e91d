/**
 * The closed-loop read scenarios: (a) the ledger's first page with the default filter at 50 connections, (b) the
 * ledger with a Chinese keyword, (c) the item page's calls, (e) the cockpit — each after a warm-up, on the server as
 * configured for production (figures cache on).
 *
 * (g) compares like with like: the API of a second server whose figures cache is off (every answer computed, as
 * the SQL is) against the SQL of that answer replayed straight through `pg`, one request at a time on each side (at
 * 50 connections both would measure only the queue in front of a saturated database). The ratio is then what HTTP,
 * the session check, validation and JSON add to the database's work.
 */
import { ledgerListQuery } from '@luoshi/contracts';
import { getCockpit } from '../../../server/src/modules/cockpit/cockpit.service.js';
import { listLedger } from '../../../server/src/modules/ledger/ledger.service.js';
import { runClosedLoop } from './closed-loop.js';
import type { BenchContext } from './context.js';
import type { LoadResult, RequestSpec } from './request.js';
import { BENCH_KEYWORD, cockpitRequest, itemPageStream, ledgerRequest } from './requests.js';
import type { BenchSession } from './session.js';
import { runSqlLoad } from './sql-load.js';

export interface ReadScenarioResult {
  id: string;
  title: string;
  connections: number;
  api: LoadResult;
  sql?: SqlComparison;
}

export interface SqlComparison {
  /** The API with the figures cache off (see above). */
  uncachedApi: LoadResult;
  statements: number;
  waves: number;
  /** The captured statements (text only), for the record. */
  sql: string[];
  load: LoadResult;
  /** Uncached API p95 / SQL p95. */
  ratioP95: number;
}

interface ReadScenario {
  id: string;
  title: string;
  connections: number;
  next: () => RequestSpec;
  /** The service call behind the request, as the route makes it (for the SQL comparison). */
  service?: (ctx: BenchContext) => Promise<unknown>;
}

async function runReadScenario(ctx: BenchContext, scenario: ReadScenario): Promise<ReadScenarioResult> {
  const { options, server, log } = ctx;
  log(
    `(${scenario.id}) ${scenario.title}: warm-up ${options.warmupSeconds} s, then ${options.readSeconds} s at ${scenario.connections} connections`,
  );
  await runClosedLoop({
    baseUrl: server.baseUrl,
    connections: scenario.connections,
    durationSeconds: options.warmupSeconds,
    next: scenario.next,
  });
  const { samples: _samples, ...api } = await runClosedLoop({
    baseUrl: server.baseUrl,
    connections: scenario.connections,
    durationSeconds: options.readSeconds,
    next: scenario.next,
  });
  log(
    `    API p50 ${api.latency.p50} ms, p95 ${api.latency.p95} ms, p99 ${api.latency.p99} ms, ${api.requestsPerSecond} req/s, non-2xx ${failuresOf(api)}`,
  );
  return { id: scenario.id, title: scenario.title, connections: scenario.connections, api };
}

const failuresOf = (load: LoadResult) => load.statuses.failed + load.statuses.shed + load.statuses.errors;

/** A second server on the same database with the figures cache off, and the requests of each scenario for it. */
export interface UncachedServer {
  baseUrl: string;
  next(id: string): () => RequestSpec;
}

/** (g) for one scenario: the uncached API on `uncached` (a server with the figures cache off), then its SQL via pg. */
async function compareWithSql(
  ctx: BenchContext,
  scenario: ReadScenario,
  uncached: UncachedServer,
  settle: () => Promise<void>,
): Promise<SqlComparison | undefined> {
  const { options, log } = ctx;
  const call = scenario.service;
  if (!call) return undefined;
  log(`(g-${scenario.id}) uncached API, then the same SQL through pg: ${options.readSeconds} s each, one request at a time`);
  const next = uncached.next(scenario.id);
  await runClosedLoop({ baseUrl: uncached.baseUrl, connections: 1, durationSeconds: options.warmupSeconds, next });
  const { samples: _samples, ...uncachedApi } = await runClosedLoop({
    baseUrl: uncached.baseUrl,
    connections: 1,
    durationSeconds: options.readSeconds,
    next,
  });
  await settle();
  const waves = await ctx.capture.capture(() => call(ctx));
  const load = await runSqlLoad({
    databaseUrl: options.databaseUrl,
    waves,
    connections: 1,
    poolSize: ctx.serverPoolSize,
    durationSeconds: options.readSeconds,
  });
  const ratioP95 = load.latency.p95 > 0 ? Math.round((uncachedApi.latency.p95 / load.latency.p95) * 100) / 100 : 0;
  log(
    `    API p95 ${uncachedApi.latency.p95} ms (non-2xx ${failuresOf(uncachedApi)}); SQL (${waves.flat().length} statements in ${waves.length} waves) p95 ${load.latency.p95} ms → ratio ${ratioP95}`,
  );
  return { uncachedApi, statements: waves.flat().length, waves: waves.length, sql: waves.flat().map((s) => s.text), load, ratioP95 };
}

async function duchaContext(ctx: BenchContext) {
  return ctx.capture.contextOf(ctx.sessions.ducha.cookie);
}

export function readScenarios(ctx: BenchContext, ducha = ctx.sessions.ducha): ReadScenario[] {
  return [
    {
      id: 'a',
      title: 'ledger, default filter, by deadline, 50 rows',
      connections: ctx.options.ledgerConnections,
      next: () => ledgerRequest(ducha),
      service: async (c) => listLedger(c.capture.deps, await duchaContext(c), ledgerListQuery.parse({ limit: '50' })),
    },
    {
      id: 'b',
      title: `ledger, keyword “${BENCH_KEYWORD}”`,
      connections: ctx.options.readConnections,
      next: () => ledgerRequest(ducha, { q: BENCH_KEYWORD }),
      service: async (c) => listLedger(c.capture.deps, await duchaContext(c), ledgerListQuery.parse({ q: BENCH_KEYWORD, limit: '50' })),
    },
    {
      id: 'c',
      title: 'item page with timeline (every call the page makes)',
      connections: ctx.options.readConnections,
      next: itemPageStream(ducha, ctx.fixtures.itemsToOpen),
    },
    {
      id: 'e',
      title: 'cockpit figures, province scope',
      connections: ctx.options.readConnections,
      next: () => cockpitRequest(ducha),
      service: async (c) => getCockpit(c.capture.deps, await duchaContext(c)),
    },
  ];
}

export async function runReads(
  ctx: BenchContext,
  wanted: (id: string) => boolean,
  settle: () => Promise<void>,
): Promise<ReadScenarioResult[]> {
  const results: ReadScenarioResult[] = [];
  for (const scenario of readScenarios(ctx)) {
    if (!wanted(scenario.id)) continue;
    results.push(await runReadScenario(ctx, scenario));
    await settle();
  }
  return results;
}

/** (g) for the read scenarios that have one, on the uncached server; adds `sql` to their results. */
export async function runSqlComparisons(
  ctx: BenchContext,
  results: ReadScenarioResult[],
  uncached: { baseUrl: string; ducha: BenchSession },
  settle: () => Promise<void>,
): Promise<void> {
  const scenarios = readScenarios(ctx, uncached.ducha);
  const server: UncachedServer = {
    baseUrl: uncached.baseUrl,
    next: (id) => scenarios.find((s) => s.id === id)?.next ?? (() => ledgerRequest(uncached.ducha)),
  };
  for (const result of results) {
    const scenario = scenarios.find((s) => s.id === result.id);
    if (!scenario?.service) continue;
    const sql = await compareWithSql(ctx, scenario, server, settle);
    if (sql) result.sql = sql;
    await settle();
  }
}
