/**
 * Closed-loop load through autocannon: `connections` keep-alive connections, each sending its next request as soon
 * as the previous answer arrived, for `durationSeconds`. Every request comes from `next()`, so a scenario can rotate
 * items, keywords or cursors. autocannon keeps only 2xx latencies and no p95, so every answer is recorded here.
 */
import autocannon from 'autocannon';
import { resultOf, type LoadResult, type RequestSpec, type Sample } from './request.js';

export interface ClosedLoopOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  next: () => RequestSpec;
  timeoutSeconds?: number;
}

interface Context {
  kind?: string;
  retryAfter?: string;
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<LoadResult & { samples: Sample[] }> {
  const samples: Sample[] = [];
  const started = performance.now();
  let finished: (error: Error | null) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon(
    {
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: options.timeoutSeconds ?? 30,
      requests: [
        {
          setupRequest: (request, context) => {
            const spec = options.next();
            (context as Context).kind = spec.kind;
            return { ...request, method: spec.method, path: spec.path, headers: spec.headers ?? {}, body: spec.body ?? '' };
          },
          onResponse: (_status, _body, context, headers) => {
            const value: unknown = headers?.['retry-after'] ?? headers?.['Retry-After'];
            (context as Context).retryAfter = Array.isArray(value) ? String(value[0]) : typeof value === 'string' ? value : undefined;
          },
        },
      ],
    },
    (error: Error | null) => finished(error),
  );
  instance.on('response', (client, status, _bytes, responseTime) => {
    const context = (client as unknown as { requestIterator: { context: Context } }).requestIterator.context;
    samples.push({
      kind: context.kind ?? 'request',
      at: performance.now() - started,
      latencyMs: responseTime,
      status,
      ...(context.retryAfter ? { retryAfter: context.retryAfter } : {}),
    });
  });
  instance.on('reqError', (error: Error) => {
    samples.push({ kind: 'request', at: performance.now() - started, latencyMs: 0, status: 0, error: error.message });
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  return { ...resultOf(samples, seconds), samples };
}
