/**
 * `luoshi serve`: one server process (the default, and the only choice on the embedded database), or with
 * `--workers N` on PostgreSQL a primary that prepares the database once and N forked server processes
 * (cli/cluster.ts). Each server process runs the same app; only a single process on the embedded database also
 * runs the background jobs, which on PostgreSQL belong to `luoshi worker`.
 */
import cluster from 'node:cluster';
import { resolve } from 'node:path';
import { buildApp } from '../app.js';
import { scheduleAuditCheckpoints } from '../jobs/audit-checkpoints.js';
import { startJobs } from '../jobs/jobs.js';
import { scheduleMaintenance } from '../jobs/maintenance.js';
import { scheduleDelivery } from '../modules/notifications/index.js';
import type { Deps } from '../platform/context.js';
import type { Env } from '../platform/env.js';
import { openRuntime, prepareData } from '../runtime.js';
import { MIGRATION_ENV, embeddedRefusal, runPrimary, workerCount, workerShare, WorkerCountError } from './cluster.js';

/** The response header that names the server process (only when there are several: tests and operators see the spread). */
export const WORKER_HEADER = 'x-luoshi-worker';

export interface ServeOptions {
  webDistDir: string;
  /** --workers as given (LUOSHI_WORKERS when absent). */
  workers?: string;
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function banner(config: Env, where: string): void {
  console.log(`\n  落实 Luoshi is running at http://localhost:${config.PORT}  (${where}, ${config.LUOSHI_MODE} mode)\n`);
}

/** Migrations (openRuntime), base data, demo data or the production guard — once, before anything serves. */
async function openPrepared(config: Env): Promise<Deps> {
  const deps = await openRuntime(config, { serving: true });
  try {
    await prepareData(deps, config.LUOSHI_MODE === 'demo');
  } catch (error) {
    await deps.database.close();
    fail(error instanceof Error ? error.message : String(error));
  }
  return deps;
}

export async function serve(config: Env, options: ServeOptions): Promise<void> {
  let workers: number;
  try {
    workers = workerCount(options.workers, process.env.LUOSHI_WORKERS);
  } catch (error) {
    if (error instanceof WorkerCountError) fail(error.message, 2);
    throw error;
  }
  if (cluster.isWorker) {
    // The primary migrated and seeded already; a worker only serves.
    const deps = await openRuntime(workerShare(config, workers), {
      skipMigrations: true,
      migration: process.env[MIGRATION_ENV] || null,
      serving: true,
    });
    await runServer(deps, options.webDistDir, { nameWorker: true });
    return;
  }
  if (workers > 1 && !config.DATABASE_URL) fail(embeddedRefusal(workers));
  const deps = await openPrepared(config);
  if (workers === 1) {
    await runServer(deps, options.webDistDir, { nameWorker: false });
    banner(config, deps.database.kind === 'pglite' ? `embedded database in ${resolve(config.DATA_DIR)}` : 'PostgreSQL');
    return;
  }
  const migration = deps.database.migration;
  await deps.database.close();
  runPrimary({
    workers,
    migration,
    onListening: () => banner(config, `PostgreSQL, ${workers} server processes`),
    log: (message) => console.error(`luoshi serve: ${message}`),
  });
}

/**
 * Builds the app on `deps`, starts the embedded database's background work, stops everything on SIGTERM/SIGINT
 * (no new connections, requests drained, then the database closed) and listens.
 */
async function runServer(deps: Deps, webDistDir: string, options: { nameWorker: boolean }): Promise<void> {
  const config = deps.env;
  const app = await buildApp(deps, { webDistDir: config.WEB_DIST_DIR ?? webDistDir, logger: true });
  if (options.nameWorker) {
    // Before Fastify's own handler, so every answer carries it — the live stream's hand-written head too.
    app.server.prependListener('request', (_request, response) => response.setHeader(WORKER_HEADER, String(process.pid)));
  }
  const embedded = deps.database.kind === 'pglite';
  const stopMaintenance = embedded ? scheduleMaintenance(deps, (m, e) => app.log.info({ err: e }, m)) : () => undefined;
  const stopCheckpoints = embedded ? scheduleAuditCheckpoints(deps, (m, e) => app.log.warn({ err: e }, m)) : () => undefined;
  // On PostgreSQL, `luoshi worker` delivers notifications; the embedded database has no other process to do it.
  const stopDelivery = embedded ? scheduleDelivery(deps, (m, e) => app.log.warn({ err: e }, m)) : () => undefined;
  const jobs = embedded ? await startJobs(deps, (m, e) => app.log.info({ err: e }, m)) : null;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: no new connections; draining requests`);
    stopMaintenance();
    stopCheckpoints();
    stopDelivery();
    await jobs?.stop();
    await app.close();
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.PORT, host: config.HOST });
}
