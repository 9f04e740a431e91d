/** The targets, checked against one run's figures: target vs measured vs pass/fail. */
import type { ExportScenarioResult } from './scenario-export.js';
import type { MixedScenarioResult, SurgeScenarioResult } from './scenario-load.js';
import type { ReadScenarioResult } from './scenario-reads.js';
import type { ReportScenarioResult } from './scenario-report.js';
import type { TrafficScenarioResult } from './scenario-traffic.js';
import { trafficTargetRows } from './traffic-results.js';

export interface TargetRow {
  id: string;
  what: string;
  target: string;
  measured: string;
  pass: boolean;
}

export interface RunResults {
  reads: ReadScenarioResult[];
  report?: ReportScenarioResult;
  export?: ExportScenarioResult;
  mixed?: MixedScenarioResult;
  surge?: SurgeScenarioResult;
  traffic?: TrafficScenarioResult;
}

const ms = (value: number) => `${value} ms`;

export function targetRows(results: RunResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const read = (id: string) => results.reads.find((r) => r.id === id);
  const readTargets: [string, number][] = [
    ['a', 50],
    ['b', 150],
    ['c', 30],
    ['e', 100],
  ];
  for (const [id, limit] of readTargets) {
    const r = read(id);
    if (!r) continue;
    const failures = r.api.statuses.failed + r.api.statuses.shed + r.api.statuses.errors;
    rows.push({
      id,
      what: `${r.title} (${r.connections} connections)`,
      target: `p95 ≤ ${limit} ms, no errors`,
      measured: `p50 ${ms(r.api.latency.p50)} · p95 ${ms(r.api.latency.p95)} · p99 ${ms(r.api.latency.p99)} · ${r.api.requestsPerSecond} req/s · ${failures} errors`,
      pass: r.api.latency.p95 <= limit && failures === 0,
    });
  }
  if (results.report) {
    const { load, accepted, auditEvents, ratePerSecond } = results.report;
    const failures = load.statuses.failed + load.statuses.shed + load.statuses.errors;
    rows.push({
      id: 'd',
      what: `progress report + audit event at ${ratePerSecond}/s`,
      target: 'p95 ≤ 100 ms, zero errors, one audit event per report',
      measured: `p50 ${ms(load.latency.p50)} · p95 ${ms(load.latency.p95)} · p99 ${ms(load.latency.p99)} · ${accepted} accepted · ${failures} errors · ${auditEvents} audit events`,
      pass: load.latency.p95 <= 100 && failures === 0 && accepted > 0 && auditEvents === accepted,
    });
  }
  if (results.export) {
    const e = results.export;
    rows.push({
      id: 'f',
      what: `Excel export of ${e.rows.toLocaleString('en-US')} rows`,
      target: '≤ 20 s, peak RSS ≤ 300 MB',
      measured: `${e.seconds} s · peak RSS ${e.peakRssMB} MB · ${(e.bytes / 1e6).toFixed(1)} MB file`,
      pass: e.status === 200 && e.rows >= 100_000 && e.seconds <= 20 && e.peakRssMB <= 300,
    });
  }
  for (const id of ['a', 'b', 'e']) {
    const r = read(id);
    if (!r?.sql) continue;
    rows.push({
      id: `g-${id}`,
      what: `(${id}) API p95 / the same SQL's p95 through pg (figures cache off, one request at a time)`,
      target: 'ratio ≤ 1.5',
      measured: `${r.sql.ratioP95} (API ${ms(r.sql.uncachedApi.latency.p95)} / SQL ${ms(r.sql.load.latency.p95)}, ${r.sql.statements} statements)`,
      pass: r.sql.ratioP95 > 0 && r.sql.ratioP95 <= 1.5,
    });
  }
  if (results.mixed) {
    const { load, ratePerSecond } = results.mixed;
    const failures = load.statuses.failed + load.statuses.shed + load.statuses.errors;
    rows.push({
      id: 'mixed',
      what: `mixed load ${ratePerSecond}/s for ${Math.round(load.durationSeconds)} s`,
      target: 'p95 ≤ 100 ms, no errors',
      measured: `p50 ${ms(load.latency.p50)} · p95 ${ms(load.latency.p95)} · p99 ${ms(load.latency.p99)} · ${failures} errors`,
      pass: load.latency.p95 <= 100 && failures === 0,
    });
  }
  if (results.surge) {
    const s = results.surge;
    const otherFailures = s.load.statuses.failed + s.load.statuses.errors;
    rows.push({
      id: 'surge',
      what: `surge ${s.ratePerSecond}/s for ${s.seconds} s`,
      target: 'excess shed with 429/503 + Retry-After, no crash, no other errors',
      measured: `${s.load.statuses.shed} shed (${s.load.statuses.shedWithRetryAfter} with Retry-After) · ${s.load.statuses.ok} served, p95 ${ms(s.load.latency.p95)} · ${otherFailures} other errors · server ${s.serverAlive ? 'up' : 'DOWN'}, health ${s.healthAfter}`,
      pass:
        s.serverAlive &&
        s.healthAfter === 200 &&
        s.load.statuses.shed > 0 &&
        s.load.statuses.shedWithRetryAfter === s.load.statuses.shed &&
        otherFailures === 0,
    });
    rows.push({
      id: 'recovery',
      what: 'latency back to normal after the surge',
      target: `≤ 60 s (5 s in a row: nothing shed, p95 ≤ ${s.recovery.normalP95Ms} ms)`,
      measured: s.recovery.secondsToNormal === null ? 'not within the run' : `${s.recovery.secondsToNormal} s`,
      pass: s.recovery.secondsToNormal !== null && s.recovery.secondsToNormal <= 60,
    });
  }
  if (results.traffic) rows.push(...trafficTargetRows(results.traffic));
  return rows;
}
