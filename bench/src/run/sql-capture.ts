/**
 * The SQL behind an API answer, for (g): the service function the route calls is run once in this process on a pool
 * that records every statement it is given (text, parameters, the driver's row mode and type parsers — exactly what
 * the server sends), with the signed-in reader as actor. The recorded statements are then replayed straight through
 * `pg`, so "SQL time" is the same SQL, not a hand-written simplification.
 *
 * Statements that overlapped in time (the service's `Promise.all`) form one wave and are replayed concurrently;
 * waves run one after another, as in the service.
 */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '../../../server/src/db/schema/index.js';
import { actorOf, resolveSession } from '../../../server/src/modules/auth/auth.service.js';
import { systemClock } from '../../../server/src/platform/clock.js';
import type { Deps, RequestContext } from '../../../server/src/platform/context.js';
import type { Database, Db } from '../../../server/src/platform/db.js';
import { loadEnv } from '../../../server/src/platform/env.js';
import { nameRepeatedStatements } from '../../../server/src/platform/statement-names.js';

export interface CapturedStatement {
  text: string;
  values: unknown[];
  config: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

/** A statement as the driver got it: either (config, values) or (text, values). */
type QueryArgs = [string | Record<string, unknown>, unknown[]?];

class RecordingPool extends pg.Pool {
  recording: CapturedStatement[] | null = null;

  // pg's overloads are many; the service only uses (config | text, values) → Promise.
  override query(...args: unknown[]): never {
    const [first, values = []] = args as QueryArgs;
    const config = typeof first === 'string' ? { text: first } : first;
    const entry: CapturedStatement = { text: String(config.text), values, config, startedAt: performance.now(), endedAt: 0 };
    this.recording?.push(entry);
    const run = (super.query as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    return run.finally(() => {
      entry.endedAt = performance.now();
    }) as never;
  }
}

export interface SqlCapture {
  deps: Deps;
  /** The session's reader as a request context (resolved exactly as the server does from the cookie). */
  contextOf(cookie: string): Promise<RequestContext>;
  /** Runs `call` and returns the statements it issued, grouped into waves of concurrent statements. */
  capture(call: () => Promise<unknown>): Promise<CapturedStatement[][]>;
  close(): Promise<void>;
}

export function openSqlCapture(databaseUrl: string, appRole = 'luoshi_app'): SqlCapture {
  // Figures always computed: the capture is of the SQL behind an answer, not of the figures cache.
  const env = loadEnv(process.env, {
    DATABASE_URL: databaseUrl,
    LUOSHI_MODE: 'production',
    FIGURES_KEEP_FROM_MS: '0',
    PAGE_CACHE_ENTRIES: '0',
  });
  const pool = new RecordingPool({
    connectionString: databaseUrl,
    max: 10,
    options: `-c role=${appRole} -c max_parallel_workers_per_gather=0`,
  }); // as the server (DB_PARALLEL_WORKERS_PER_QUERY)
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  const unsupported = () => Promise.reject(new Error('not used by the captured services'));
  const database: Database = {
    kind: 'postgres',
    db,
    migration: null,
    appRole,
    query: async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
      (await (pool.query as (t: string, p: unknown[]) => Promise<pg.QueryResult>)(text, params)).rows as T[],
    rawTransaction: unsupported,
    listen: unsupported,
    executeSql: unsupported,
    close: () => pool.end(),
  };
  const deps: Deps = { database, env, clock: systemClock };
  return {
    deps,
    async contextOf(cookie) {
      const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
      const request = { id: 'bench-capture', ip: null, userAgent: 'luoshi-bench' };
      const auth = await resolveSession(deps, token, new Date(), { actor: null, request, clock: systemClock });
      if (!auth || auth === 'expired') throw new Error('the bench session did not resolve');
      return { actor: actorOf(auth), request, clock: systemClock };
    },
    async capture(call) {
      const recorded: CapturedStatement[] = [];
      pool.recording = recorded;
      try {
        await call();
      } finally {
        pool.recording = null;
      }
      return wavesOf(recorded);
    },
    close: () => pool.end(),
  };
}

/** Groups statements into waves: a statement that started before every earlier one ended runs alongside them. */
export function wavesOf(statements: readonly CapturedStatement[]): CapturedStatement[][] {
  const waves: CapturedStatement[][] = [];
  let current: CapturedStatement[] = [];
  let currentEnd = -Infinity;
  for (const statement of [...statements].sort((a, b) => a.startedAt - b.startedAt)) {
    if (current.length && statement.startedAt >= currentEnd) {
      waves.push(current);
      current = [];
      currentEnd = -Infinity;
    }
    current.push(statement);
    currentEnd = Math.max(currentEnd, statement.endedAt);
  }
  if (current.length) waves.push(current);
  return waves;
}

/**
 * Replays captured waves on a pool connection-for-connection like the server's (same role, same pool size, and the
 * same naming of repeated reads, so both sides plan a statement equally often).
 */
export function replayer(databaseUrl: string, poolSize: number, appRole = 'luoshi_app') {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    options: `-c role=${appRole} -c max_parallel_workers_per_gather=0`,
  }); // as the server (DB_PARALLEL_WORKERS_PER_QUERY)
  nameRepeatedStatements(pool);
  return {
    async run(waves: readonly CapturedStatement[][]): Promise<void> {
      for (const wave of waves) {
        await Promise.all(wave.map((s) => pool.query({ ...s.config, text: s.text, values: s.values } as pg.QueryConfig)));
      }
    },
    close: () => pool.end(),
  };
}
