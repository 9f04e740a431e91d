/**
 * (d) Progress-report submissions at a steady 30 per second (open loop): the bench handler reports on the open
 * items of their department in turn, each POST with the CSRF token and its own Idempotency-Key, and each must be
 * accepted (201). Afterwards the audit log must hold one `report.submitted` event per accepted report.
 */
import pg from 'pg';
import type { BenchContext } from './context.js';
import { rotation } from './context.js';
import { runPaced } from './paced.js';
import type { LoadResult } from './request.js';
import { reportRequest } from './requests.js';

export interface ReportScenarioResult {
  id: 'd';
  title: string;
  ratePerSecond: number;
  items: number;
  load: LoadResult;
  accepted: number;
  auditEvents: number;
}

async function auditEventsSince(databaseUrl: string, since: Date): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ n: string }>(
      `select count(*) as n from audit_events where event_type = 'report.submitted' and occurred_at >= $1`,
      [since.toISOString()],
    );
    return Number(rows.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export async function runReportScenario(ctx: BenchContext): Promise<ReportScenarioResult> {
  const { options, server, sessions, fixtures, log } = ctx;
  const item = rotation(fixtures.reportableItemIds);
  log(`(d) progress reports: ${options.reportRate}/s for ${options.reportSeconds} s over ${fixtures.reportableItemIds.length} open items`);
  const since = new Date(Date.now() - 1000);
  const { samples: _samples, ...load } = await runPaced({
    baseUrl: server.baseUrl,
    ratePerSecond: options.reportRate,
    durationSeconds: options.reportSeconds,
    next: () => reportRequest(sessions.handler, item()),
  });
  const accepted = load.statuses.byStatus['201'] ?? 0;
  const auditEvents = await auditEventsSince(options.databaseUrl, since);
  log(
    `    p50 ${load.latency.p50} ms, p95 ${load.latency.p95} ms, p99 ${load.latency.p99} ms; ${accepted} accepted, statuses ${JSON.stringify(load.statuses.byStatus)}; audit events ${auditEvents}`,
  );
  return {
    id: 'd',
    title: 'progress report submission with its audit event',
    ratePerSecond: options.reportRate,
    items: fixtures.reportableItemIds.length,
    load,
    accepted,
    auditEvents,
  };
}
