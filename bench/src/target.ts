/**
 * Where the bench data goes: a PostgreSQL database (created if missing — only that one database is ever touched) or
 * a PGlite directory, opened through the product's own `openDatabase` (so migrations and the app role are exactly the
 * product's) and seeded by the product's `prepareData`. Bulk loading then runs with the owner's rights on ONE
 * session: the app role may not touch the audit log's chain or run ANALYZE, and temporary staging tables live in
 * that session.
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { systemClock } from '../../server/src/platform/clock.js';
import type { Deps } from '../../server/src/platform/context.js';
import { openDatabase } from '../../server/src/platform/db.js';
import { loadEnv } from '../../server/src/platform/env.js';
import { prepareData } from '../../server/src/runtime.js';

export type OwnerQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export interface BenchTarget {
  readonly deps: Deps;
  /** Owner-rights SQL on one session (staging tables are session-temporary). */
  readonly exec: OwnerQuery;
  close(): Promise<void>;
}

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://root@127.0.0.1:5432/luoshi_bench';

/** Creates the named database if it does not exist, connecting to the server's `postgres` database to do so. */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Refusing database name "${name}": use lower-case letters, digits and _.`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/** Drops the named bench database (for `--fresh`); refuses the server's own databases. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (['postgres', 'template0', 'template1', ''].includes(name)) throw new Error(`Refusing to drop database "${name}".`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/** Opens the product on the target, seeds the real base data, and opens the owner session for bulk loading. */
export async function openBenchTarget(options: { databaseUrl?: string; dataDir?: string }): Promise<BenchTarget> {
  if (options.databaseUrl) await ensurePostgresDatabase(options.databaseUrl);
  const env = loadEnv(process.env, {
    DATABASE_URL: options.databaseUrl ?? '',
    DATA_DIR: options.dataDir ?? process.env.DATA_DIR ?? './data',
    LUOSHI_MODE: 'production',
  });
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
    appRole: env.DB_APP_ROLE,
  });
  const deps: Deps = { database, env, clock: systemClock };
  await prepareData(deps, false);
  const owner = await ownerSession(deps);
  return {
    deps,
    exec: owner.exec,
    async close() {
      await owner.close();
      await database.close();
    },
  };
}

/**
 * The owner session: on PostgreSQL a separate connection without the app role; on PGlite (one connection) the role is
 * reset for the duration and set back on close, as the test harness's `ownerQuery` does.
 */
export async function ownerSession(deps: Deps): Promise<{ exec: OwnerQuery; close(): Promise<void> }> {
  const { database } = deps;
  if (database.kind === 'pglite') {
    await database.query('reset role');
    return {
      exec: (text, params = []) => database.query(text, params),
      async close() {
        if (database.appRole) await database.query(`set role ${database.appRole}`);
      },
    };
  }
  const url = deps.env.DATABASE_URL;
  if (!url) throw new Error('PostgreSQL target without DATABASE_URL');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (text, params = []) => (await client.query(text, params)).rows as Record<string, unknown>[],
    close: () => client.end(),
  };
}
