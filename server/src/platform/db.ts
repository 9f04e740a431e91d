/**
 * Opens the database — embedded PGlite (default) or PostgreSQL (DATABASE_URL) — applies migrations under an
 * advisory lock so that processes starting together cannot race, then drops to the restricted app role.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { installJobSchema, JOB_SCHEMA } from './jobs.schema.js';
import { nameRepeatedStatements } from './statement-names.js';
import pg from 'pg';
import * as schema from '../db/schema/index.js';

export type Schema = typeof schema;
/** The query interface shared by both drivers and by transactions. Repositories take this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');

/** Arbitrary constant: the advisory lock key for "migrations in progress". */
const MIGRATION_LOCK_KEY = 7_226_001;

export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  /** Tag of the newest applied migration, e.g. "0001_audit_guard". */
  readonly migration: string | null;
  /** Whether runtime queries run as the restricted app role. */
  readonly appRole: string | null;
  /** Raw rows for a SQL text; for maintenance commands (backup, verify) that work table by table. */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction on one connection, with raw queries (restore). */
  rawTransaction<T>(fn: (query: RawQuery) => Promise<T>): Promise<T>;
  /**
   * Calls `onPayload` for every `NOTIFY channel` on this database — from any process, and only once the notifying
   * transaction has committed. Resolves to a function that stops listening. (Live updates, `platform/live.ts`.)
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** pg-boss's database adapter (jobs/jobs.ts): parameterless text may hold several statements. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

/** Channel names go into LISTEN unquoted: keep them to plain identifiers. */
function checkChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  return channel;
}

export type RawQuery = <T extends Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface OpenOptions {
  /** postgres://… ; without it PGlite is used. */
  databaseUrl?: string;
  /** PGlite directory; undefined = in memory. */
  dataDir?: string;
  /** Restricted role for runtime queries; '' or undefined = none. */
  appRole?: string;
  /** Skip migrations (restore into a fresh database migrates itself). Default false. */
  skipMigrations?: boolean;
  poolSize?: number;
  /**
   * PostgreSQL parallel workers one statement may use (max_parallel_workers_per_gather on every pooled connection);
   * undefined = the server's own setting. See DB_PARALLEL_WORKERS_PER_QUERY in env.ts.
   */
  parallelWorkersPerQuery?: number;
  /** Name repeated read statements on PostgreSQL (platform/statement-names.ts). Default true. */
  nameStatements?: boolean;
  /**
   * PostgreSQL statement_timeout (ms) on every pooled connection: a server's statements are stopped after this long,
   * so one expensive request cannot hold a connection that cheap ones queue for (DB_STATEMENT_TIMEOUT_MS). Undefined =
   * none (the CLI's backups, restores and audit checks, the job worker).
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL work_mem (MB) on every pooled connection. Why not the server's 4 MB: a keyword's bitmap of matching
   * items over a province then turns lossy, and every row of a lossy page is tested again — through the character-
   * pair function for a two-character keyword (migration 0019), seconds to minutes. 16 MB keeps it exact up to
   * every page of a million items. Undefined = the server's setting.
   */
  workMemMb?: number;
  /** How long a query waits for a pooled connection before failing (ms; DB_POOL_ACQUIRE_TIMEOUT_MS). Undefined = no limit. */
  acquireTimeoutMs?: number;
}

/** Tag of the newest migration shipped with this build. */
export function latestMigrationTag(): string | null {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? null;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options, options.databaseUrl) : openPglite(options);
}

/** Another live process has the embedded data folder open; the message says what to do, in zh-CN and English. */
export class DataFolderInUseError extends Error {}

/** The pid file in the PGlite data folder: which process has it open. */
const DATA_FOLDER_LOCK = 'luoshi.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process, or throws DataFolderInUseError. PGlite is one process's database: a
 * second process opening the same folder (a CLI command beside `serve`) crashes inside PGlite or corrupts it, so
 * this refuses first. A pid file left by a killed process is taken over. Returns the release function.
 */
function holdDataFolder(dataDir: string): () => void {
  const file = join(dataDir, DATA_FOLDER_LOCK);
  const script = basename(process.argv[1] ?? '');
  const command = /luoshi/.test(script) && process.argv[2] ? `luoshi ${process.argv[2]}` : 'Luoshi';
  const mine = JSON.stringify({ pid: process.pid, command });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx', mode: 0o644 });
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: { pid?: unknown; command?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
    } catch {
      // Unreadable: a write cut short; treat as stale.
    }
    const pid = typeof holder.pid === 'number' ? holder.pid : 0;
    // This process already has it open (a second handle in the same process): leave the lock to the first.
    if (pid === process.pid) return () => undefined;
    if (pid > 0 && isAlive(pid)) {
      const by = typeof holder.command === 'string' ? holder.command : 'Luoshi';
      const where = resolve(dataDir);
      throw new DataFolderInUseError(
        `数据目录 ${where} 正被运行中的 ${by} 使用（进程 ${pid}）。请先停止该进程再执行本命令；需要边运行边维护时，请改用 PostgreSQL（设置 DATABASE_URL）。\n` +
          `The data folder ${where} is in use by a running ${by} (pid ${pid}): stop it first, then run this command again; to maintain a running system, use PostgreSQL (DATABASE_URL), which several processes can share.`,
      );
    }
    try {
      unlinkSync(file);
    } catch {
      // Another process cleared it first; the next attempt decides.
    }
  }
  throw new DataFolderInUseError(`数据目录 ${resolve(dataDir)} 的锁文件 ${DATA_FOLDER_LOCK} 无法获取 / could not take ${file}`);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const release = options.dataDir ? holdDataFolder(options.dataDir) : () => undefined;
  try {
    return await openPgliteHeld(options, release);
  } catch (error) {
    release();
    throw error;
  }
}

async function openPgliteHeld(options: OpenOptions, release: () => void): Promise<Database> {
  // pg_trgm powers the Chinese similarity search (duplicate suggestions); PGlite loads extensions at start-up.
  const extensions = { pg_trgm };
  const client = options.dataDir ? new PGlite(options.dataDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  if (!options.skipMigrations) {
    await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    } finally {
      await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  }
  const executeSql = async (text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> => {
    if (values.length > 0) return client.query(text, values);
    // The extended protocol takes one statement; pg-boss sends its plans as one text of several.
    return (await client.exec(text)).at(-1) ?? { rows: [] };
  };
  if (!options.skipMigrations) await installJobSchema(executeSql);
  const appRole = await restrictToAppRole(options.appRole, async (text) => {
    await client.exec(text);
  });
  return {
    kind: 'pglite',
    db,
    migration: options.skipMigrations ? null : latestMigrationTag(),
    appRole,
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    async rawTransaction<T>(fn: (query: RawQuery) => Promise<T>) {
      return client.transaction(async (tx) =>
        fn(async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows),
      );
    },
    async listen(channel: string, onPayload: (payload: string) => void) {
      const stop = await client.listen(checkChannel(channel), onPayload);
      return async () => {
        if (!client.closed) await stop();
      };
    },
    executeSql,
    async close() {
      await client.close();
      release();
    },
  };
}

async function openPostgres(options: OpenOptions, url: string): Promise<Database> {
  if (!options.skipMigrations) {
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    try {
      await owner.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      try {
        await migratePg(drizzlePg({ client: owner, schema }), { migrationsFolder });
        await installJobSchema(async (text, values) => owner.query(text, values));
      } finally {
        await owner.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      }
      await prepareAppRole(options.appRole, async (text) => {
        await owner.query(text);
      });
    } finally {
      await owner.end();
    }
  }
  const role = options.appRole && (await canSetRole(url, options.appRole)) ? options.appRole : null;
  // The role (and the parallel-worker limit) are set at connection start-up (`-c …`), so no query can ever run before them.
  const settings = [
    ...(role ? [`-c role=${role}`] : []),
    ...(options.parallelWorkersPerQuery !== undefined ? [`-c max_parallel_workers_per_gather=${options.parallelWorkersPerQuery}`] : []),
    ...(options.statementTimeoutMs ? [`-c statement_timeout=${Math.round(options.statementTimeoutMs)}`] : []),
    ...(options.workMemMb ? [`-c work_mem=${Math.round(options.workMemMb)}MB`] : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.acquireTimeoutMs ? { connectionTimeoutMillis: options.acquireTimeoutMs } : {}),
    ...(settings.length ? { options: settings.join(' ') } : {}),
  });
  // An idle connection the server drops (restart, admin kill) must not crash the process; the pool replaces it.
  pool.on('error', (error) => {
    console.error(`database connection lost: ${error.message}`);
  });
  // The pool listens for errors only on its idle connections. A connection checked out by a transaction between two
  // of its statements has no listener, so a database crash there would end the process with an unhandled 'error'
  // (fault F3). The statement under way fails on its own (answered 503 DATABASE_UNAVAILABLE); this only keeps the
  // event from killing every other request with it.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      console.error(`database connection lost during a request: ${error.message}`);
    });
  });
  // Hot reads are planned once per connection, not once per request (platform/statement-names.ts).
  if (options.nameStatements !== false) nameRepeatedStatements(pool);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migration: options.skipMigrations ? null : latestMigrationTag(),
    appRole: role,
    async query<T extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      const res = await pool.query<T>(text, params);
      return res.rows;
    },
    async rawTransaction<T>(fn: (query: RawQuery) => Promise<T>) {
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        const result = await fn(
          async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await conn.query<R>(text, params)).rows,
        );
        await conn.query('commit');
        return result;
      } catch (error) {
        await conn.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    listen: (channel: string, onPayload: (payload: string) => void) => listenPostgres(url, checkChannel(channel), onPayload),
    executeSql: (text: string, values?: unknown[]) => pool.query(text, values),
    async close() {
      await pool.end();
    },
  };
}

/**
 * LISTEN needs a connection of its own for as long as it listens, so it does not take one from the pool. A lost
 * connection is re-opened after a pause; notifications sent while it was down are lost (readers refetch on the
 * next one, or when they next open a page).
 */
async function listenPostgres(url: string, channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retryScheduled = false;
  /** One retry at a time: a failure can be reported twice (the error event and the failed LISTEN). */
  const reconnectLater = (): void => {
    if (stopped || retryScheduled) return;
    retryScheduled = true;
    setTimeout(() => {
      retryScheduled = false;
      void connect().catch(reconnectLater);
    }, 5_000).unref();
  };
  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (message) => {
      if (message.channel === channel) onPayload(message.payload ?? '');
    });
    client.on('error', (error) => {
      console.error(`live updates: database connection lost: ${error.message}`);
      current = null;
      void client.end().catch(() => undefined);
      reconnectLater();
    });
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    if (stopped) await client.end();
    else current = client;
  };
  await connect();
  return async () => {
    stopped = true;
    await current?.end();
    current = null;
  };
}

/**
 * Creates the restricted role if needed and grants it everything but UPDATE/DELETE/TRUNCATE on the audit log.
 * Runs after every migration so new tables are covered. Failure (no CREATEROLE right) leaves the trigger as the
 * only guard; the caller logs it.
 */
async function prepareAppRole(role: string | undefined, exec: (text: string) => Promise<void>): Promise<boolean> {
  if (!role) return false;
  try {
    await exec(`DO $$ BEGIN CREATE ROLE ${role} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
    await exec(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await exec(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await exec(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${role}`);
    await exec(`GRANT EXECUTE ON FUNCTION luoshi_purge_audit_events(timestamptz) TO ${role}`);
    // The job queue: its rows, never its structure (queues are created as the owner, in installJobSchema).
    await exec(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${role}`);
    await exec(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${role}`);
    await exec(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_SCHEMA} TO ${role}`);
    return true;
  } catch {
    return false;
  }
}

async function restrictToAppRole(role: string | undefined, exec: (text: string) => Promise<void>): Promise<string | null> {
  if (!(await prepareAppRole(role, exec)) || !role) return null;
  await exec(`SET ROLE ${role}`);
  return role;
}

async function canSetRole(url: string, role: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  try {
    await probe.query(`SET ROLE ${role}`);
    return true;
  } catch {
    return false;
  } finally {
    await probe.end();
  }
}

/** `select 1` — readiness. */
export async function isDatabaseReachable(database: Database): Promise<boolean> {
  try {
    await database.db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** Runs raw SQL through drizzle and returns its rows; both drivers answer `{ rows }`. */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new Error('unexpected database driver result');
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle prepared query, built once per database handle under `name` (also its PostgreSQL statement name).
 * Why: the hot reads in front of every request (the session, the item in scope, its cooperating units …) spent
 * more of Node's time assembling their SQL than PostgreSQL spent running it. Values go in as `sql.placeholder`s.
 */
export function preparedOnce<T>(db: Db, name: string, build: (db: Db) => T): T {
  let prepared = preparedByDb.get(db);
  if (!prepared) {
    prepared = new Map();
    preparedByDb.set(db, prepared);
  }
  let query = prepared.get(name) as T | undefined;
  if (query === undefined) {
    query = build(db);
    prepared.set(name, query);
  }
  return query;
}
