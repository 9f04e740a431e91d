/**
 * Starting the product: configuration → database (migrated) → base seed → demo seed or the production guard.
 * Shared by the CLI commands so `serve`, `worker` and `seed` see the same database the same way.
 */
import { resolve } from 'node:path';
import { hasDemoAccounts, seedDemo } from './demo/seed-demo.js';
import { seedDemoTasks } from './demo/tasks.demo.js';
import { seedBase } from './modules/org/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { systemContext, type Deps } from './platform/context.js';
import { openDatabase } from './platform/db.js';
import type { Env } from './platform/env.js';

export interface RuntimeOptions {
  /** Load demo people and accounts (first start only). */
  seedDemoData?: boolean;
  clock?: Clock;
  /** In-memory PGlite (tests); ignores DATA_DIR. */
  inMemory?: boolean;
  skipMigrations?: boolean;
  /**
   * With `skipMigrations` in a server process forked by `serve --workers` (cli/cluster.ts): the migration the primary
   * applied just before, so that /api/health still names it.
   */
  migration?: string | null;
  /** A server process: its statements are stopped after DB_STATEMENT_TIMEOUT_MS (PostgreSQL). */
  serving?: boolean;
}

export async function openRuntime(env: Env, options: RuntimeOptions = {}): Promise<Deps> {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: options.inMemory ? undefined : resolve(env.DATA_DIR),
    appRole: env.DB_APP_ROLE,
    skipMigrations: options.skipMigrations,
    parallelWorkersPerQuery: env.DB_PARALLEL_WORKERS_PER_QUERY,
    statementTimeoutMs: options.serving ? env.DB_STATEMENT_TIMEOUT_MS : undefined,
    workMemMb: env.DB_WORK_MEM_MB,
    acquireTimeoutMs: options.serving ? env.DB_POOL_ACQUIRE_TIMEOUT_MS : undefined,
  });
  const clock = options.clock ?? systemClock;
  const deps: Deps = { database: options.migration ? { ...database, migration: options.migration } : database, env, clock };
  return deps;
}

/** Seeds what is missing and enforces "no demo accounts in production". */
export async function prepareData(deps: Deps, seedDemoData: boolean): Promise<void> {
  const ctx = systemContext(deps.clock, 'startup');
  await seedBase(deps, ctx);
  if (seedDemoData) {
    if (deps.env.LUOSHI_MODE !== 'demo') throw new Error('Demo data can only be loaded in demo mode (LUOSHI_MODE=demo).');
    // Demo items go in after the demo accounts commit: each is registered and moved through its own transactions.
    if (await seedDemo(deps, ctx)) await seedDemoTasks(deps, ctx);
  }
  if (deps.env.LUOSHI_MODE === 'production' && (await hasDemoAccounts(deps.database.db))) {
    throw new Error(
      'Refusing to start in production mode: demo accounts exist in this database. Use a fresh database, or run with LUOSHI_MODE=demo.',
    );
  }
}
