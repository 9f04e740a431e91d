/**
 * Figures over a reader's whole scope (the ledger's colour counts, the cockpit) kept in memory between changes —
 * only the expensive ones.
 *
 * Why: at a million items such a figure is an aggregate over hundreds of thousands of rows, 0.3–1 s of database time
 * even index-only, and readers ask for the same figure many times a minute. A figure that took at least
 * `keepFromMs` to compute is kept and served from memory until an item in its scope changes (the live change
 * notifications of `platform/live.ts`, which every task write sends in its transaction). The next read after a
 * change starts the recomputation in the background and still gets the kept figure, so no reader waits a second for
 * a count; while changes keep coming, a figure is recomputed at most once per `minRefreshMs` (a busy province writes
 * every few milliseconds), and it is never served older than `maxAgeMs` (a missed notification — the listening
 * connection was down — cannot keep it wrong for long).
 *
 * Background recomputations run one at a time, each through `runner.background` — on PostgreSQL a read-only
 * transaction without parallel workers (see `figuresCache`). Why: a province's figures are a few whole-scope scans,
 * and when a stream of writes made them all stale together, recomputing them side by side, each with parallel
 * workers, took every core for seconds and stalled every other request behind them (the mixed load's one-second
 * p95). One at a time on one core, the other core keeps serving. A first computation (nothing kept yet: a reader
 * waits for it) runs at once with the foreground handle.
 *
 * Figures cheaper than `keepFromMs` — every figure of a county, a department, a small deployment — are computed on
 * every read, so they are always exact, and so is every figure on the embedded database (PGlite). One cache per
 * process and database (with `serve --workers N`, one per server process, each marked stale by the same notification).
 * FIGURES_KEEP_FROM_MS and FIGURES_MIN_REFRESH_SECONDS set the two limits; FIGURES_KEEP_FROM_MS=0 turns the cache
 * off (every read computes its own figure: the tests, and the benchmark's API-versus-SQL comparison).
 */
import { sql } from 'drizzle-orm';
import { noteCacheOutcome } from './cache-outcome.js';
import type { Deps } from './context.js';
import type { Database, Db } from './db.js';
import { subscribeToChanges } from './live.js';

export interface FiguresCacheOptions {
  keepFromMs: number;
  minRefreshMs: number;
  maxAgeMs: number;
  /** Figures kept; the least recently computed go first. */
  maxEntries: number;
}

export const figuresCacheDefaults: FiguresCacheOptions = { keepFromMs: 25, minRefreshMs: 30_000, maxAgeMs: 10 * 60_000, maxEntries: 500 };

/** Calls `onChange` after every committed change to an item in the scope. */
export type SubscribeToScope = (scopePath: string, onChange: () => void) => Promise<unknown>;

/** Where computations run: readers' on `foreground`; background recomputations through `background`, one at a time. */
export interface FiguresRunner<H> {
  foreground: H;
  background<T>(compute: (handle: H) => Promise<T>): Promise<T>;
}

const direct: FiguresRunner<undefined> = { foreground: undefined, background: (compute) => compute(undefined) };

interface Entry {
  scopePath: string;
  value: unknown;
  /** When the computation that gave `value` started. */
  computedAt: number;
  /** Set by a change in scope after that computation started. */
  stale: boolean;
  refreshing: boolean;
}

export class FiguresCache<H = undefined> {
  private readonly entries = new Map<string, Entry>();
  /** Computations under way: readers of the same figure share one instead of each starting their own. */
  private readonly computing = new Map<string, Promise<unknown>>();
  private readonly watched = new Set<string>();
  /** The tail of the background recomputations, which run one after another. */
  private backgroundQueue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly subscribe: SubscribeToScope,
    private readonly options: FiguresCacheOptions = figuresCacheDefaults,
    private readonly now: () => number = () => performance.now(),
    private readonly runner: FiguresRunner<H> = direct as unknown as FiguresRunner<H>,
  ) {}

  /** The figure under `key` for a reader of `scopePath`; `compute` runs when it is not kept or out of date. */
  async get<T>(key: string, scopePath: string, compute: (handle: H) => Promise<T>): Promise<T> {
    if (this.options.keepFromMs <= 0) {
      noteCacheOutcome('figures-miss'); // off: every read computes its own figure
      return compute(this.runner.foreground);
    }
    this.watch(scopePath);
    const id = `${scopePath}\u0000${key}`;
    const entry = this.entries.get(id);
    if (!entry) {
      noteCacheOutcome(this.computing.has(id) ? 'figures-joined' : 'figures-miss');
      return this.compute(id, scopePath, () => compute(this.runner.foreground));
    }
    const age = this.now() - entry.computedAt;
    noteCacheOutcome(entry.stale || age > this.options.maxAgeMs ? 'figures-stale' : 'figures-fresh');
    if (!entry.refreshing && (age > this.options.maxAgeMs || (entry.stale && age >= this.options.minRefreshMs))) {
      entry.refreshing = true;
      const refresh = this.backgroundQueue.then(() => this.compute(id, scopePath, () => this.runner.background(compute)));
      this.backgroundQueue = refresh.catch(() => {
        entry.refreshing = false;
      });
    }
    return entry.value as T;
  }

  private compute<T>(id: string, scopePath: string, compute: () => Promise<T>): Promise<T> {
    const running = this.computing.get(id);
    if (running) return running as Promise<T>;
    const run = this.run(id, scopePath, compute).finally(() => this.computing.delete(id));
    this.computing.set(id, run);
    return run;
  }

  private async run<T>(id: string, scopePath: string, compute: () => Promise<T>): Promise<T> {
    const startedAt = this.now();
    // A change during the computation must count against the new value too.
    const previous = this.entries.get(id);
    if (previous) previous.stale = false;
    const value = await compute();
    const tookMs = this.now() - startedAt;
    const stale = this.entries.get(id)?.stale ?? false;
    this.entries.delete(id);
    if (tookMs >= this.options.keepFromMs) {
      this.entries.set(id, { scopePath, value, computedAt: startedAt, stale, refreshing: false });
      while (this.entries.size > this.options.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    return value;
  }

  /** Marks every figure of the scope as out of date (a change to an item in it committed). */
  invalidateScope(scopePath: string): void {
    for (const entry of this.entries.values()) if (entry.scopePath === scopePath) entry.stale = true;
  }

  private watch(scopePath: string): void {
    if (this.watched.has(scopePath)) return;
    this.watched.add(scopePath);
    this.subscribe(scopePath, () => this.invalidateScope(scopePath)).catch(() => {
      // Without notifications figures still expire after maxAgeMs; listening is tried again on the next read.
      this.watched.delete(scopePath);
    });
  }
}

const caches = new WeakMap<Database, FiguresCache<Db>>();

/**
 * A background recomputation: a read-only transaction whose statements plan without parallel workers, so that it
 * takes one core, not all of them, while requests keep arriving.
 */
async function gently<T>(db: Db, compute: (db: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return compute(tx);
  });
}

/** The figures cache of this process for the database. */
export function figuresCache(deps: Deps): FiguresCache<Db> {
  let cache = caches.get(deps.database);
  if (!cache) {
    const { db } = deps.database;
    cache = new FiguresCache<Db>(
      // Item changes only: no user id, so no bell events reach it.
      (scopePath, onChange) => subscribeToChanges(deps, { scopePath, userId: '' }, onChange),
      {
        ...figuresCacheDefaults,
        // The embedded database serves one small deployment on one connection: figures stay exact there.
        keepFromMs: deps.database.kind === 'pglite' ? 0 : deps.env.FIGURES_KEEP_FROM_MS,
        minRefreshMs: deps.env.FIGURES_MIN_REFRESH_SECONDS * 1000,
      },
      () => performance.now(),
      { foreground: db, background: (compute) => gently(db, compute) },
    );
    caches.set(deps.database, cache);
  }
  return cache;
}
