/**
 * Load shedding. At most `maxInFlight` API requests are worked on at once; the next one is answered at once with
 * 503 OVERLOADED, `Retry-After` and the usual coded zh-CN/en body, before it touches the database.
 *
 * Why a count of requests in flight rather than @fastify/under-pressure: that plugin sheds on the Node process's own
 * event-loop delay, heap and RSS, but this server is overloaded first in the database — requests then wait for one
 * of the pool's few connections while the event loop idles, and the wait grows without bound. Bounding the requests
 * in flight bounds that wait (and the memory the waiting requests hold) whichever side runs out first: the accepted
 * requests keep a latency of about `maxInFlight / throughput`, the rest are told to come back.
 *
 * Not counted: `/api/health` (a load balancer must always get its answer, especially now) and the live-update
 * stream `/api/events` (long-lived by design; it would hold a slot for hours). Static files are not API requests.
 */
import type { FastifyInstance } from 'fastify';
import { errorBody } from './error-body.js';

export interface LoadSheddingOptions {
  /** 0 = no limit. */
  maxInFlight: number;
  retryAfterSeconds: number;
}

const exempt = new Set(['/api/health', '/api/events']);

function counted(url: string): boolean {
  const path = url.split('?', 1)[0] ?? url;
  return path.startsWith('/api/') && !exempt.has(path);
}

/** Adds the limiter as the first request hook; returns how many requests are in flight now (for tests and metrics). */
export function registerLoadShedding(app: FastifyInstance, options: LoadSheddingOptions): () => number {
  let inFlight = 0;
  if (options.maxInFlight <= 0) return () => inFlight;
  app.addHook('onRequest', async (request, reply) => {
    if (!counted(request.url)) return;
    if (inFlight >= options.maxInFlight) {
      request.log.warn({ inFlight }, 'overloaded: request shed');
      return reply
        .code(503)
        .header('retry-after', String(options.retryAfterSeconds))
        .header('cache-control', 'no-store')
        .send(errorBody(request, 'OVERLOADED', { retryAfter: options.retryAfterSeconds }));
    }
    inFlight++;
    // 'close' comes once the response is finished or the connection is gone, whichever way the request ends.
    reply.raw.once('close', () => {
      inFlight--;
    });
  });
  return () => inFlight;
}
