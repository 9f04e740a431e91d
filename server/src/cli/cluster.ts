/**
 * `luoshi serve --workers N` (or LUOSHI_WORKERS=N): N server processes on one PostgreSQL behind one port, so that a
 * machine with several cores uses them all for Node (one process runs JavaScript on one core).
 *
 * Built on `node:cluster`, which needs nothing installed: the primary process prepares the database once (migrations,
 * base and demo data), then forks the workers; on Linux the primary accepts each connection and hands it to the
 * workers in turn. Everything a request relies on is in PostgreSQL or travels through it — sessions and their CSRF
 * token, the per-account sign-in lockout, idempotency keys, the audit chain heads (row-locked per shard), and the
 * change notifications (NOTIFY) that drive live updates and drop every process's page and figures caches. What stays
 * in a process's memory is divided or documented here: see `workerShare` and docs/ARCHITECTURE.md, "More than one
 * server process".
 *
 * Background jobs are not the workers' business: on PostgreSQL they run in `luoshi worker`, exactly as with one
 * server process, so a daily sweep runs once however many server processes there are.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Env } from '../platform/env.js';

/** More server processes than this is a typo, not a deployment (each holds up to 10 database connections). */
export const WORKERS_MAX = 32;

/** A value of --workers or LUOSHI_WORKERS that is not a whole number from 1 to WORKERS_MAX. */
export class WorkerCountError extends Error {}

/** The number of server processes: --workers wins over LUOSHI_WORKERS; neither = 1 (one process, as always). */
export function workerCount(flag: string | undefined, fromEnv: string | undefined): number {
  const [given, name] = flag !== undefined ? [flag, '--workers'] : [fromEnv, 'LUOSHI_WORKERS'];
  if (given === undefined || given.trim() === '') return 1;
  const n = Number(given.trim());
  if (!Number.isInteger(n) || n < 1 || n > WORKERS_MAX) {
    throw new WorkerCountError(
      `${name} 须为 1 到 ${WORKERS_MAX} 的整数（现为 "${given}"）/ ${name} must be a whole number from 1 to ${WORKERS_MAX} (got "${given}")`,
    );
  }
  return n;
}

/** The refusal when several server processes are asked for on the embedded database. */
export function embeddedRefusal(workers: number): string {
  return (
    `多个服务进程（--workers ${workers}）需要 PostgreSQL（设置 DATABASE_URL）：嵌入式数据库的数据目录只能由一个进程使用。` +
    `\nMore than one server process (--workers ${workers}) needs PostgreSQL (set DATABASE_URL): the embedded database's data folder can be used by one process only.`
  );
}

/**
 * One worker's share of the limits that are counted in each process's memory, so that N processes together allow no
 * more than one did:
 * - SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE (the failed sign-ins an address may make in a minute, counted in memory,
 *   modules/auth/address-throttle.ts) and SIGN_IN_RATE_PER_MINUTE (@fastify/rate-limit's per-address flood guard,
 *   also in memory): each worker gets ⌊limit / N⌋ (at least 1). New connections are spread over the workers in turn,
 *   so a spray from one address still gets about the whole budget in total, never N times it; a client that keeps
 *   one connection open reaches one worker and gets its share only (stricter, never weaker).
 * The per-account lockout (LOCKOUT_THRESHOLD) is a database row and needs no share.
 * MAX_IN_FLIGHT_REQUESTS stays per process on purpose: it bounds the wait for that process's own database pool.
 */
export function workerShare(config: Env, workers: number): Env {
  if (workers <= 1) return config;
  const share = (limit: number) => Math.max(1, Math.floor(limit / workers));
  return {
    ...config,
    SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE: share(config.SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE),
    SIGN_IN_RATE_PER_MINUTE: share(config.SIGN_IN_RATE_PER_MINUTE),
  };
}

/** Set by the primary in each worker's environment: the migration it applied before forking (for /api/health). */
export const MIGRATION_ENV = 'LUOSHI_PRIMARY_MIGRATION';

/** A worker restarted soon after its start waits longer each time (a crash loop must not spin a core). */
const RESTART_DELAY_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
/** A worker that ran at least this long before it died is restarted at once, and its crash-loop count forgotten. */
const STABLE_AFTER_MS = 60_000;
/** A worker that has not exited this long after SIGTERM is killed. */
const STOP_TIMEOUT_MS = 30_000;

export interface PrimaryOptions {
  workers: number;
  /** The migration tag the primary applied; passed to the workers. */
  migration: string | null;
  /** Once every worker listens the first time. */
  onListening: () => void;
  log: (message: string) => void;
}

/**
 * Runs the primary: forks the workers, restarts one that dies (logged, with a growing pause when it keeps dying
 * young), and on SIGTERM or SIGINT passes SIGTERM to every worker — each stops taking connections and drains its
 * requests — and exits once all have gone (0 when all stopped cleanly). A worker that dies before the first one
 * listened (the port is taken, the database unreachable) stops the start: the primary exits 1 rather than loop.
 */
export function runPrimary(options: PrimaryOptions): void {
  const startedAt = new Map<Worker, number>();
  let listened = 0;
  let ready = false;
  let stopping = false;
  let quickDeaths = 0;
  let cleanExit = true;

  const fork = () => {
    const worker = cluster.fork({ [MIGRATION_ENV]: options.migration ?? '' });
    startedAt.set(worker, Date.now());
  };

  cluster.on('listening', () => {
    if (ready) return;
    listened += 1;
    if (listened >= options.workers) {
      ready = true;
      options.onListening();
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (stopping) {
      if (code !== 0) cleanExit = false;
      if (startedAt.size === 0) process.exit(cleanExit ? 0 : 1);
      return;
    }
    if (!ready && listened === 0) {
      options.log(
        `服务进程 ${worker.process.pid} 启动失败（${how}），停止启动 / server process ${worker.process.pid} failed to start (${how}); giving up`,
      );
      stopping = true;
      cleanExit = false;
      for (const other of startedAt.keys()) other.process.kill('SIGTERM');
      if (startedAt.size === 0) process.exit(1);
      return;
    }
    quickDeaths = ranMs >= STABLE_AFTER_MS ? 0 : quickDeaths + 1;
    const delay = quickDeaths === 0 ? 0 : (RESTART_DELAY_MS[Math.min(quickDeaths, RESTART_DELAY_MS.length) - 1] ?? 30_000);
    options.log(
      `服务进程 ${worker.process.pid} 意外退出（${how}），${delay ? `${delay} 毫秒后` : '立即'}重启 / ` +
        `server process ${worker.process.pid} exited unexpectedly (${how}); starting a new one${delay ? ` in ${delay} ms` : ''}`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, delay);
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.log(`${signal}: 停止 ${startedAt.size} 个服务进程 / stopping ${startedAt.size} server processes (each drains its requests)`);
    if (startedAt.size === 0) process.exit(0);
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < options.workers; i++) fork();
}
