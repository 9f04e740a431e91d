/**
 * One HTTP request of a scenario and what came back. Both load drivers (closed loop through autocannon, paced open
 * loop) take requests from a `next()` function and record `Sample`s, so every scenario is summarised the same way.
 */
import { summarize, type LatencySummary } from './stats.js';

export interface RequestSpec {
  /** What the request stands for in the summary (e.g. "ledger", "report"). */
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Sample {
  kind: string;
  /** When the response ended, ms since the run started. */
  at: number;
  latencyMs: number;
  /** HTTP status; 0 = no response (connection error or timeout). */
  status: number;
  retryAfter?: string;
  /** Why there was no HTTP answer (status 0). */
  error?: string;
}

export interface StatusCounts {
  ok: number;
  /** 429 or 503 (load shed). */
  shed: number;
  /** Shed answers that carried Retry-After. */
  shedWithRetryAfter: number;
  /** Any other 4xx/5xx. */
  failed: number;
  /** No HTTP answer at all. */
  errors: number;
  byStatus: Record<string, number>;
  /** Why requests got no answer (error message → count). */
  errorReasons?: Record<string, number>;
}

export function isShed(status: number): boolean {
  return status === 429 || status === 503;
}

export function countStatuses(samples: readonly Sample[]): StatusCounts {
  const counts: StatusCounts = { ok: 0, shed: 0, shedWithRetryAfter: 0, failed: 0, errors: 0, byStatus: {} };
  for (const s of samples) {
    counts.byStatus[String(s.status)] = (counts.byStatus[String(s.status)] ?? 0) + 1;
    if (s.status === 0) {
      counts.errors++;
      const reason = s.error ?? 'unknown';
      counts.errorReasons = { ...counts.errorReasons, [reason]: (counts.errorReasons?.[reason] ?? 0) + 1 };
    } else if (s.status < 400) counts.ok++;
    else if (isShed(s.status)) {
      counts.shed++;
      if (s.retryAfter) counts.shedWithRetryAfter++;
    } else counts.failed++;
  }
  return counts;
}

export interface LoadResult {
  durationSeconds: number;
  requestsPerSecond: number;
  /** Latency of the successful (2xx/3xx) responses. */
  latency: LatencySummary;
  statuses: StatusCounts;
  /** Per request kind, when a scenario mixes kinds. */
  byKind: Record<string, { latency: LatencySummary; statuses: StatusCounts }>;
}

export function resultOf(samples: readonly Sample[], durationSeconds: number): LoadResult {
  const okLatencies = (list: readonly Sample[]) => list.filter((s) => s.status > 0 && s.status < 400).map((s) => s.latencyMs);
  const kinds = [...new Set(samples.map((s) => s.kind))];
  const byKind: LoadResult['byKind'] = {};
  for (const kind of kinds) {
    const mine = samples.filter((s) => s.kind === kind);
    byKind[kind] = { latency: summarize(okLatencies(mine)), statuses: countStatuses(mine) };
  }
  return {
    durationSeconds: Math.round(durationSeconds * 10) / 10,
    requestsPerSecond: Math.round((samples.length / durationSeconds) * 10) / 10,
    latency: summarize(okLatencies(samples)),
    statuses: countStatuses(samples),
    byKind,
  };
}
