/**
 * Open-loop load at a fixed rate: request i is due at start + i / rate, whatever happened to the earlier ones — as
 * users arrive at a real server. Latency counts from when the request was due, so a driver or server that falls
 * behind shows up in the figures instead of quietly lowering the rate (no coordinated omission).
 *
 * The unit of load is an action — what one user does: one request, or several in stages that read answers (the
 * ledger's cursor, an item page's sections). Each action gives one sample (its kind, from due time to its last
 * answer, and its worst status); each call of an action gives a sample of its own, timed from when it was sent.
 *
 * Why not autocannon's `overallRate`: it gives each connection its share per second and each connection sends that
 * share back to back when the second starts, so "30 per second" arrives as 30 requests within ~20 ms once a second.
 */
import http from 'node:http';
import { resultOf, type LoadResult, type RequestSpec, type Sample } from './request.js';

/** What one HTTP exchange gave: status (0 = no HTTP answer), the body when asked for, and its time. */
export interface Exchange {
  status: number;
  body: string;
  retryAfter?: string;
  error?: string;
  /** Which server process answered (`x-luoshi-worker`, with `serve --workers N`). */
  worker?: string;
  /** What the server's caches did for the answer (`x-luoshi-cache`, e.g. `page-hit`); absent when none was consulted. */
  cache?: string;
  /** When the response ended (performance.now()). */
  endedAt: number;
}

/** Sends one request and resolves when its answer has ended (never rejects). */
export function exchange(agent: http.Agent, base: URL, spec: RequestSpec, timeoutMs: number, keepBody = false): Promise<Exchange> {
  return new Promise((resolve) => {
    let settled = false;
    const chunks: Buffer[] = [];
    const finish = (status: number, retryAfter?: string, error?: string, worker?: string, cache?: string) => {
      if (settled) return;
      settled = true;
      resolve({
        status,
        ...(worker ? { worker } : {}),
        ...(cache ? { cache } : {}),
        body: keepBody ? Buffer.concat(chunks).toString('utf8') : '',
        endedAt: performance.now(),
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
        response.on('data', (chunk: Buffer) => {
          if (keepBody) chunks.push(chunk);
        });
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          const worker = response.headers['x-luoshi-worker'];
          const cache = response.headers['x-luoshi-cache'];
          finish(
            response.statusCode ?? 0,
            typeof retryAfter === 'string' ? retryAfter : undefined,
            undefined,
            typeof worker === 'string' ? worker : undefined,
            typeof cache === 'string' ? cache : undefined,
          );
        });
        response.on('error', (error) => finish(0, undefined, error.message));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => finish(0, undefined, error.message));
    request.end(body);
  });
}

/**
 * Sends one request of an action; the body is kept when asked for. `notFoundIsAnswer`: a 404 is what the page
 * expects for some readers (the web shows a plain label instead), so it does not make the action a failure; the
 * call's own sample still says 404.
 */
export type Call = (spec: RequestSpec, options?: { keepBody?: boolean; notFoundIsAnswer?: boolean }) => Promise<Exchange>;

export interface Action {
  kind: string;
  run(call: Call): Promise<void>;
  /**
   * The connections to send on — a user's own, as each browser has its own (with `serve --workers N` the kernel
   * spreads connections, not requests, over the processes); the run's shared pool when absent.
   */
  agent?: http.Agent;
}

export interface ActionRunOptions {
  baseUrl: string;
  /** Actions per second. */
  ratePerSecond: number;
  durationSeconds: number;
  next: () => Action;
  timeoutSeconds?: number;
  /** Called once a second with that second's action samples (progress). */
  onSecond?: (second: number, samples: readonly Sample[]) => void;
}

export interface ActionRun {
  actions: Sample[];
  calls: Sample[];
  /** Wall time from the first due action to the last answer, s. */
  wallSeconds: number;
  /** Answers per server process (`x-luoshi-worker`); empty when the server does not say. */
  byWorker: Record<string, number>;
  /** Per call kind, successful answers by what the caches did (`x-luoshi-cache`; `none` = no cache consulted). */
  cacheByKind: CacheTally;
}

/** call kind → cache outcome (`page-hit`, `figures-stale`, …, or `none`) → count; `answers` counts the answers. */
export type CacheTally = Record<string, Record<string, number>>;

/**
 * Counts one answer's cache outcomes. An answer that consulted several figures counts once per outcome it names,
 * so the page-cache share is answers served whole from memory, and the figures share is figures served from memory.
 */
export function tallyCache(tally: CacheTally, kind: string, header: string | undefined): void {
  const byOutcome = (tally[kind] ??= {});
  byOutcome.answers = (byOutcome.answers ?? 0) + 1;
  const outcomes = header ? header.split(',').map((o) => o.trim()) : ['none'];
  for (const outcome of outcomes) byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
}

/** The worst of an action's call statuses: no answer, then shed, then any other failure, else the first success. */
export function worstStatus(statuses: readonly number[]): number {
  if (statuses.length === 0) return 0;
  if (statuses.includes(0)) return 0;
  const shed = statuses.find((s) => s === 503 || s === 429);
  if (shed) return shed;
  return statuses.find((s) => s >= 400) ?? (statuses[0] as number);
}

export async function runActions(options: ActionRunOptions): Promise<ActionRun> {
  const base = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const total = Math.round(options.ratePerSecond * options.durationSeconds);
  const interval = 1000 / options.ratePerSecond;
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const actions: Sample[] = [];
  const calls: Sample[] = [];
  const byWorker: Record<string, number> = {};
  const cacheByKind: CacheTally = {};
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let reported = 0;
  const report = () => {
    const second = Math.floor((performance.now() - started) / 1000);
    while (options.onSecond && reported < second) {
      const from = reported * 1000;
      options.onSecond(
        reported,
        actions.filter((s) => s.at >= from && s.at < from + 1000),
      );
      reported++;
    }
  };
  const perform = async (action: Action, dueAt: number) => {
    const statuses: number[] = [];
    const errors: string[] = [];
    let retryAfter: string | undefined;
    const call: Call = async (spec, callOptions = {}) => {
      const sentAt = performance.now();
      const answer = await exchange(action.agent ?? agent, base, spec, timeoutMs, callOptions.keepBody ?? false);
      if (answer.worker) byWorker[answer.worker] = (byWorker[answer.worker] ?? 0) + 1;
      if (answer.status > 0 && answer.status < 400) tallyCache(cacheByKind, spec.kind, answer.cache);
      statuses.push(answer.status === 404 && callOptions.notFoundIsAnswer ? 200 : answer.status);
      if (answer.error) errors.push(answer.error);
      if (answer.retryAfter && (answer.status === 503 || answer.status === 429)) retryAfter ??= answer.retryAfter;
      calls.push({
        kind: spec.kind,
        at: answer.endedAt - started,
        latencyMs: answer.endedAt - sentAt,
        status: answer.status,
        ...(answer.retryAfter ? { retryAfter: answer.retryAfter } : {}),
        ...(answer.error ? { error: answer.error } : {}),
      });
      return answer;
    };
    try {
      await action.run(call);
    } catch (error) {
      statuses.push(0);
      errors.push(error instanceof Error ? error.message : String(error));
    }
    const now = performance.now();
    const status = worstStatus(statuses);
    actions.push({
      kind: action.kind,
      at: now - started,
      latencyMs: now - dueAt,
      status,
      ...(retryAfter && (status === 503 || status === 429) ? { retryAfter } : {}),
      ...(status === 0 && errors[0] ? { error: errors[0] } : {}),
    });
  };
  for (let i = 0; i < total; i++) {
    const dueAt = started + i * interval;
    const wait = dueAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(perform(options.next(), dueAt));
    report();
  }
  await Promise.all(pending);
  report();
  agent.destroy();
  return { actions, calls, wallSeconds: (performance.now() - started) / 1000, byWorker, cacheByKind };
}

export interface PacedOptions {
  baseUrl: string;
  ratePerSecond: number;
  durationSeconds: number;
  next: () => RequestSpec;
  timeoutSeconds?: number;
  /** Called once a second with the samples of that second (progress and recovery tracking). */
  onSecond?: (second: number, samples: readonly Sample[]) => void;
}

/** One request per action: request i due at start + i / rate, its latency from then. */
export async function runPaced(options: PacedOptions): Promise<LoadResult & { samples: Sample[] }> {
  const { next, ...rest } = options;
  const run = await runActions({
    ...rest,
    next: () => {
      const spec = next();
      return { kind: spec.kind, run: async (call) => void (await call(spec)) };
    },
  });
  return { ...resultOf(run.actions, options.durationSeconds), samples: run.actions };
}
