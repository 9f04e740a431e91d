/**
 * The closed-loop read scenarios: (a) the ledger's first page with the default filter at 50 connections, (b) the
 * ledger with a Chinese keyword, (c) the item page's calls, (e) the cockpit — each after a warm-up, and for (a),
 * (b), (e) the same SQL replayed through `pg` at the same concurrency right after (g).
 */
import { ledgerListQuery } from '@luoshi/contracts';
import { getCockpit } from '../../../server/src/modules/cockpit/cockpit.service.js';
import { listLedger } from '../../../server/src/modules/ledger/ledger.service.js';
import { runClosedLoop } from './closed-loop.js';
import type { BenchContext } from './context.js';
import type { LoadResult, RequestSpec } from './request.js';
import { BENCH_KEYWORD, cockpitRequest, itemPageStream, ledgerRequest } from './requests.js';
import { runSqlLoad } from './sql-load.js';

export interface SqlComparison {
  statements: number;
  waves: number;
  /** The captured statements (text only), for the record. */
  sql: string[];
  load: LoadResult;
  /** API p95 / SQL p95. */
  ratioP95: number;
}

export interface ReadScenarioResult {
  id: string;
  title: string;
  connections: number;
  api: LoadResult;
  sql?: SqlComparison;
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
    `    API p50 ${api.latency.p50} ms, p95 ${api.latency.p95} ms, p99 ${api.latency.p99} ms, ${api.requestsPerSecond} req/s, non-2xx ${api.statuses.failed + api.statuses.shed + api.statuses.errors}`,
  );
  const result: ReadScenarioResult = { id: scenario.id, title: scenario.title, connections: scenario.connections, api };
  if (!scenario.service) return result;
  const call = scenario.service;
  await call(ctx); // once untimed, so the captured call is a steady-state one
  const waves = await ctx.capture.capture(() => call(ctx));
  const load = await runSqlLoad({
    databaseUrl: options.databaseUrl,
    waves,
    connections: scenario.connections,
    poolSize: ctx.serverPoolSize,
    durationSeconds: options.readSeconds,
  });
  const ratioP95 = load.latency.p95 > 0 ? Math.round((api.latency.p95 / load.latency.p95) * 100) / 100 : 0;
  log(
    `    SQL (${waves.flat().length} statements in ${waves.length} waves) p50 ${load.latency.p50} ms, p95 ${load.latency.p95} ms → ratio ${ratioP95}`,
  );
  result.sql = { statements: waves.flat().length, waves: waves.length, sql: waves.flat().map((s) => s.text), load, ratioP95 };
  return result;
}

async function duchaContext(ctx: BenchContext) {
  return ctx.capture.contextOf(ctx.sessions.ducha.cookie);
}

export function readScenarios(ctx: BenchContext): ReadScenario[] {
  const { ducha } = ctx.sessions;
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

export async function runReads(ctx: BenchContext, wanted: (id: string) => boolean): Promise<ReadScenarioResult[]> {
  const results: ReadScenarioResult[] = [];
  for (const scenario of readScenarios(ctx)) if (wanted(scenario.id)) results.push(await runReadScenario(ctx, scenario));
  return results;
}
