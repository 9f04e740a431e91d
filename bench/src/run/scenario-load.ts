/**
 * The mixed load at 100 requests/s (5 minutes in the full run), then the surge: 300 requests/s of the same mix,
 * which the server must shed with 429/503 + Retry-After without crashing, then 100/s again while the time until
 * latency is back to normal is measured.
 */
import type { BenchContext } from './context.js';
import { mixedStream } from './mix.js';
import { runPaced } from './paced.js';
import { isShed, resultOf, type LoadResult } from './request.js';
import { percentile } from './stats.js';

export interface MixedScenarioResult {
  id: 'mixed';
  ratePerSecond: number;
  load: LoadResult;
}

export interface SurgeScenarioResult {
  id: 'surge';
  ratePerSecond: number;
  seconds: number;
  load: LoadResult;
  serverAlive: boolean;
  healthAfter: number;
  recovery: {
    ratePerSecond: number;
    load: LoadResult;
    /** p95 (ms) and shed count per second after the surge. */
    perSecond: { second: number; p95: number; shed: number; count: number }[];
    /** Seconds after the surge until the first 5-second window without shedding and with p95 ≤ the normal bound. */
    secondsToNormal: number | null;
    normalP95Ms: number;
  };
}

export async function runMixed(ctx: BenchContext): Promise<MixedScenarioResult> {
  const { options, server, log } = ctx;
  // Warm-up at the same rate, not measured (as the closed-loop scenarios have theirs): the first reads of each
  // reader's scope compute its figures (a second or two for 昆明市's colour counts), which a server that has been
  // running has long done. The stream continues where the warm-up left it.
  const next = mixedStream(ctx);
  const warmupSeconds = options.warmupSeconds * 2;
  log(`mixed load: warm-up ${warmupSeconds} s, then ${options.mixedRate}/s for ${options.mixedSeconds} s`);
  await runPaced({ baseUrl: server.baseUrl, ratePerSecond: options.mixedRate, durationSeconds: warmupSeconds, next });
  let lastLog = 0;
  const { samples: _samples, ...load } = await runPaced({
    baseUrl: server.baseUrl,
    ratePerSecond: options.mixedRate,
    durationSeconds: options.mixedSeconds,
    next,
    onSecond: (second, samples) => {
      // BENCH_EVERY_SECOND=1: a line per second (to find stalls), not only every 30 s.
      if (second - lastLog < (process.env.BENCH_EVERY_SECOND ? 1 : 30)) return;
      lastLog = second;
      const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
      const shed = samples.filter((s) => s.status === 503 || s.status === 429).length;
      log(`    t=${second}s p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms, shed ${shed}`);
    },
  });
  log(
    `    p50 ${load.latency.p50} ms, p95 ${load.latency.p95} ms, p99 ${load.latency.p99} ms; statuses ${JSON.stringify(load.statuses.byStatus)}`,
  );
  return { id: 'mixed', ratePerSecond: options.mixedRate, load };
}

/** The seconds from the start of `samples` until the first `window`-second stretch that is back to normal. */
export function secondsToNormal(
  perSecond: { second: number; p95: number; shed: number; count: number }[],
  normalP95: number,
  window = 5,
): number | null {
  for (let start = 0; start + window <= perSecond.length; start++) {
    const stretch = perSecond.slice(start, start + window);
    if (stretch.every((s) => s.shed === 0 && s.count > 0 && s.p95 <= normalP95)) return start;
  }
  return null;
}

export async function runSurge(ctx: BenchContext, normalP95Ms: number): Promise<SurgeScenarioResult> {
  const { options, server, log } = ctx;
  const next = mixedStream(ctx);
  log(`surge: ${options.surgeRate}/s for ${options.surgeSeconds} s`);
  const { samples: _surgeSamples, ...load } = await runPaced({
    baseUrl: server.baseUrl,
    ratePerSecond: options.surgeRate,
    durationSeconds: options.surgeSeconds,
    next,
    timeoutSeconds: 60,
  });
  log(`    statuses ${JSON.stringify(load.statuses.byStatus)}; accepted p95 ${load.latency.p95} ms, p99 ${load.latency.p99} ms`);
  log(`recovery: ${options.mixedRate}/s for ${options.recoverySeconds} s`);
  const perSecond: SurgeScenarioResult['recovery']['perSecond'] = [];
  const { samples: recoverySamples } = await runPaced({
    baseUrl: server.baseUrl,
    ratePerSecond: options.mixedRate,
    durationSeconds: options.recoverySeconds,
    next,
    onSecond: (second, samples) => {
      const ok = samples
        .filter((s) => s.status > 0 && s.status < 400)
        .map((s) => s.latencyMs)
        .sort((a, b) => a - b);
      perSecond.push({
        second,
        p95: Math.round(percentile(ok, 95) * 10) / 10,
        shed: samples.filter((s) => isShed(s.status)).length,
        count: samples.length,
      });
    },
  });
  const recoveryLoad = resultOf(recoverySamples, options.recoverySeconds);
  const toNormal = secondsToNormal(perSecond, normalP95Ms);
  let healthAfter = 0;
  try {
    healthAfter = (await fetch(`${server.baseUrl}/api/health`)).status;
  } catch {
    healthAfter = 0;
  }
  log(
    `    back to normal (p95 ≤ ${normalP95Ms} ms, nothing shed, 5 s in a row) after ${toNormal ?? 'never'} s; server alive ${server.alive()}, health ${healthAfter}`,
  );
  return {
    id: 'surge',
    ratePerSecond: options.surgeRate,
    seconds: options.surgeSeconds,
    load,
    serverAlive: server.alive(),
    healthAfter,
    recovery: { ratePerSecond: options.mixedRate, load: recoveryLoad, perSecond, secondsToNormal: toNormal, normalP95Ms },
  };
}
