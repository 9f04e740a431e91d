/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate, whatever happened to the earlier ones — as
 * users arrive at a real server. Latency counts from when the request was due, so a driver or server that falls
 * behind shows up in the figures instead of quietly lowering the rate (no coordinated omission).
 *
 * Why not autocannon's `overallRate`: it gives each connection its share per second and each connection sends that
 * share back to back when the second starts, so "30 per second" arrives as 30 requests within ~20 ms once a second.
 */
import http from 'node:http';
import { resultOf, type LoadResult, type RequestSpec, type Sample } from './request.js';

export interface PacedOptions {
  baseUrl: string;
  ratePerSecond: number;
  durationSeconds: number;
  next: () => RequestSpec;
  timeoutSeconds?: number;
  /** Called once a second with the samples of that second (progress and recovery tracking). */
  onSecond?: (second: number, samples: readonly Sample[]) => void;
}

/** Sends one request; resolves with its sample (status 0 when there was no HTTP answer). */
function send(agent: http.Agent, base: URL, spec: RequestSpec, dueAt: number, started: number, timeoutMs: number): Promise<Sample> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (status: number, retryAfter?: string, error?: string) => {
      if (settled) return;
      settled = true;
      const now = performance.now();
      resolve({
        kind: spec.kind,
        at: now - started,
        latencyMs: now - dueAt,
        status,
        ...(retryAfter ? { retryAfter } : {}),
        ...(error ? { error } : {}),
      });
    };
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body, 'utf8');
    const request = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: spec.method,
        path: spec.path,
        headers: { ...spec.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
        timeout: timeoutMs,
      },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          finish(response.statusCode ?? 0, typeof retryAfter === 'string' ? retryAfter : undefined);
        });
        response.on('error', (error) => finish(0, undefined, error.message));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => finish(0, undefined, error.message));
    request.end(body);
  });
}

export async function runPaced(options: PacedOptions): Promise<LoadResult & { samples: Sample[] }> {
  const base = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const total = Math.round(options.ratePerSecond * options.durationSeconds);
  const interval = 1000 / options.ratePerSecond;
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const samples: Sample[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let reported = 0;
  const report = () => {
    const second = Math.floor((performance.now() - started) / 1000);
    while (options.onSecond && reported < second) {
      const from = reported * 1000;
      options.onSecond(
        reported,
        samples.filter((s) => s.at >= from && s.at < from + 1000),
      );
      reported++;
    }
  };
  for (let i = 0; i < total; i++) {
    const dueAt = started + i * interval;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(agent, base, options.next(), dueAt, started, timeoutMs).then((sample) => void samples.push(sample)));
    report();
  }
  await Promise.all(pending);
  report();
  agent.destroy();
  return { ...resultOf(samples, options.durationSeconds), samples };
}
