/**
 * F10: `luoshi migrate` killed half-way on an empty database — a deployment whose process was stopped, or a machine
 * that lost power, while the schema was being built — and then run again.
 *
 * Pass: the second run completes (the migrations run in one transaction under an advisory lock, so the killed run
 * left either nothing or everything), the database is at the newest migration, and a server starts on it.
 * CI kills once, early; `FAULTS=full` kills at several moments.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { latestMigrationTag } from '../src/platform/db.js';
import {
  call,
  createPostgresDatabase,
  freePort,
  fullSuite,
  isPostgres,
  ownerConnection,
  runCli,
  scratchDir,
  serverEnv,
  sleep,
  startServer,
  until,
} from './fault-harness.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/**
 * When each killed run dies: `ddl` = the moment the database shows one of its schema statements running (so the kill
 * lands inside the migration transaction for certain), or that many ms after the CLI started.
 */
const KILL_AT: ('ddl' | number)[] = fullSuite ? ['ddl', 'ddl', 900, 1_800, 2_500] : ['ddl'];

describe.skipIf(!isPostgres)('F10: a migration killed half-way, then run again', { timeout: 240_000 }, () => {
  it.each(KILL_AT)('killed at %s: nothing or everything applied, the rerun completes and a server starts', async (killAt) => {
    const db = await createPostgresDatabase();
    cleanups.push(db.drop);
    const dir = scratchDir('migrate');
    cleanups.push(dir.cleanup);
    const env = serverEnv(db.url, dir.path);
    const owner = await ownerConnection(db.url);
    cleanups.push(owner.end);
    const journal = latestMigrationTag();
    expect(journal).not.toBeNull();
    const allMigrations = Number(journal?.slice(0, 4)) + 1;
    const applied = async () =>
      (await owner.sql<{ exists: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`))[0]?.exists
        ? ((await owner.sql<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations'))[0]?.n ?? 0)
        : 0;

    const killed = runCli(['migrate'], env);
    if (killAt === 'ddl') {
      const seen = await until(
        async () =>
          (
            await owner.sql(
              `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                 and state = 'active' and query ~* '^\\s*(create|alter|insert|do|comment)'`,
            )
          ).length > 0,
        60_000,
        5,
      );
      expect(seen, 'a schema statement of the migration was seen running').toBe(true);
    } else await sleep(killAt);
    killed.child.kill('SIGKILL');
    await killed.exited();
    await sleep(300); // the database notices the dead client and rolls its transaction back
    const afterKill = await applied();
    expect([0, allMigrations], 'a killed migration leaves nothing or everything').toContain(afterKill);

    const rerun = runCli(['migrate'], env);
    expect(await rerun.exited(), rerun.out()).toBe(0);
    expect(await applied()).toBe(allMigrations);
    console.info(
      `F10: killed at ${killAt}: ${afterKill} of ${allMigrations} migrations applied after the kill; the rerun applied the rest`,
    );

    const port = freePort();
    const server = await startServer(port, env);
    cleanups.push(() => server.child.kill('SIGKILL'));
    const health = await call(port, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect((JSON.parse(health.body) as { migration: string }).migration).toBe(journal);
    server.child.kill('SIGTERM');
    await server.exited();
  });
});
