/**
 * Answers (serialised JSON) kept in memory until an item in their reader's scope changes — exact, unlike the
 * figures cache, which may serve a figure up to half a minute old while it recomputes.
 *
 * Why: the 督查工作台账's first page is what every 督查室 desk opens, reopens and has refreshed live, and at a
 * province's scale it is a few milliseconds of database and several of Node per answer (rows, names, JSON of 50
 * items). Between two changes in a scope the answer cannot differ, so it is computed once and sent as is.
 *
 * Exactness rests on the live change notifications (`platform/live.ts`): every item write sends one in its
 * transaction, delivered once it commits, to every process. A change drops the scope's answers at once; an answer
 * whose computation overlapped a change is handed to its readers but not kept; nothing is kept for a scope until its
 * listener is confirmed. A notification lost while the listening connection was down is covered by `maxAgeMs`.
 * What remains is the notification's own delay (the time from a commit to its delivery, normally under a
 * millisecond on one machine): a reader whose request arrives inside it gets the answer from just before the change,
 * and the live refresh brings the new one.
 *
 * Per process and database — with `serve --workers N` each server process keeps its own, and the one notification of a
 * commit drops the scope's answers in all of them (server/test/two-servers.pg.test.ts). PAGE_CACHE_ENTRIES sets the
 * size, 0 turns it off (the tests, except its own).
 */
import { noteCacheOutcome } from './cache-outcome.js';
import type { Deps } from './context.js';
import type { Database } from './db.js';
import type { SubscribeToScope } from './figures-cache.js';
import { subscribeToChanges } from './live.js';

export interface PageCacheOptions {
  /** Answers kept; the least recently used go first. 0 = off. */
  maxEntries: number;
  /** An answer is never served older than this. */
  maxAgeMs: number;
}

interface Entry {
  scopePath: string;
  json: string;
  computedAt: number;
}

export class PageCache {
  /** In least-recently-used order (a hit moves its entry to the end). */
  private readonly entries = new Map<string, Entry>();
  /** Per scope: bumped by every change, so a computation can tell whether one happened while it ran. */
  private readonly generations = new Map<string, number>();
  /** Computations under way, per answer and generation: readers share one, but never one from before a change. */
  private readonly computing = new Map<string, Promise<string>>();
  /** Scopes whose listener is confirmed ('live') or being set up ('pending'). */
  private readonly watched = new Map<string, 'pending' | 'live'>();

  constructor(
    private readonly subscribe: SubscribeToScope,
    private readonly options: PageCacheOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The answer under `key` for a reader of `scopePath`; `compute` runs when it is not kept. */
  async get(scopePath: string, key: string, compute: () => Promise<string>): Promise<string> {
    if (this.options.maxEntries <= 0) {
      noteCacheOutcome('page-miss');
      return compute();
    }
    this.watch(scopePath);
    const id = `${scopePath}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry) {
      this.entries.delete(id);
      if (this.now() - entry.computedAt < this.options.maxAgeMs) {
        this.entries.set(id, entry);
        noteCacheOutcome('page-hit');
        return entry.json;
      }
    }
    const generation = this.generations.get(scopePath) ?? 0;
    const runId = `${id}\u0000${generation}`;
    const running = this.computing.get(runId);
    if (running) {
      noteCacheOutcome('page-joined');
      return running;
    }
    noteCacheOutcome('page-miss');
    const computedAt = this.now();
    const run = compute()
      .then((json) => {
        const unchanged = (this.generations.get(scopePath) ?? 0) === generation;
        if (unchanged && this.watched.get(scopePath) === 'live') this.keep(id, { scopePath, json, computedAt });
        return json;
      })
      .finally(() => this.computing.delete(runId));
    this.computing.set(runId, run);
    return run;
  }

  /** Drops every answer of the scope (an item in it changed). */
  invalidateScope(scopePath: string): void {
    this.generations.set(scopePath, (this.generations.get(scopePath) ?? 0) + 1);
    for (const [id, entry] of this.entries) if (entry.scopePath === scopePath) this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  private watch(scopePath: string): void {
    if (this.watched.has(scopePath)) return;
    this.watched.set(scopePath, 'pending');
    this.subscribe(scopePath, () => this.invalidateScope(scopePath)).then(
      () => this.watched.set(scopePath, 'live'),
      () => this.watched.delete(scopePath), // not listening: nothing is kept; tried again on the next read
    );
  }
}

const caches = new WeakMap<Database, PageCache>();

/** The page cache of this process for the database. */
export function pageCache(deps: Deps): PageCache {
  let cache = caches.get(deps.database);
  if (!cache) {
    // Item changes only: no user id, so no bell events reach it.
    cache = new PageCache((scopePath, onChange) => subscribeToChanges(deps, { scopePath, userId: '' }, onChange), {
      maxEntries: deps.env.PAGE_CACHE_ENTRIES,
      maxAgeMs: 60_000,
    });
    caches.set(deps.database, cache);
  }
  return cache;
}
