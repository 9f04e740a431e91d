/**
 * (g) The captured SQL of one API answer, replayed straight through `pg` under the same load shape as its API
 * scenario: the same number of concurrent clients, over a pool as large as the server's, for the same time. The
 * ratio API p95 / SQL p95 is then what the HTTP layer, the session check, validation and JSON cost on top.
 */
import { replayer, type CapturedStatement } from './sql-capture.js';
import { resultOf, type LoadResult, type Sample } from './request.js';

export interface SqlLoadOptions {
  databaseUrl: string;
  waves: CapturedStatement[][];
  connections: number;
  poolSize: number;
  durationSeconds: number;
}

export async function runSqlLoad(options: SqlLoadOptions): Promise<LoadResult> {
  const replay = replayer(options.databaseUrl, options.poolSize);
  const samples: Sample[] = [];
  const started = performance.now();
  const stopAt = started + options.durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const begin = performance.now();
      let status = 200;
      try {
        await replay.run(options.waves);
      } catch {
        status = 0;
      }
      const end = performance.now();
      samples.push({ kind: 'sql', at: end - started, latencyMs: end - begin, status });
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    await replay.close();
  }
  return resultOf(samples, (performance.now() - started) / 1000);
}
