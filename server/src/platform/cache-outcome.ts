/**
 * What the in-memory caches did for the request being answered, sent back as `x-luoshi-cache` (for example
 * `page-hit` or `figures-fresh, figures-miss`).
 *
 * Why: a hit rate taken from the load generator's side ("this URL was asked before") is only the most a cache could
 * serve; what it really served depends on scope changes, expiry and eviction. The benchmark reads this header on
 * every answer, so its cached and uncached figures stand beside the share actually served from memory. Operators
 * can read it in the browser's network panel when a page is slow for one user and fast for another.
 *
 * The caches call `noteCacheOutcome` where they decide; the note reaches the request through AsyncLocalStorage, so
 * no service has to pass it along. Outside a request (jobs, tests calling a cache directly) it is dropped.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** `page-*`: the exact page cache. `figures-*`: the figures cache (`stale` = an older figure served while it recomputes). */
export type CacheOutcome = 'page-hit' | 'page-miss' | 'page-joined' | 'figures-fresh' | 'figures-stale' | 'figures-miss' | 'figures-joined';

export const cacheOutcomeHeader = 'x-luoshi-cache';

const notes = new AsyncLocalStorage<CacheOutcome[]>();

/** Records what a cache did for the current request (no-op outside one). */
export function noteCacheOutcome(outcome: CacheOutcome): void {
  notes.getStore()?.push(outcome);
}

/** Every request runs with its own note list; the answer carries it when a cache was consulted. */
export function registerCacheOutcomeHeader(app: FastifyInstance): void {
  const byRequest = new WeakMap<object, CacheOutcome[]>();
  app.addHook('onRequest', (request, _reply, done) => {
    const list: CacheOutcome[] = [];
    byRequest.set(request, list);
    notes.run(list, done);
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const list = byRequest.get(request);
    if (list && list.length > 0) void reply.header(cacheOutcomeHeader, list.join(', '));
    done(null, payload);
  });
}
