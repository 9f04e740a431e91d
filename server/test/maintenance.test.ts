/**
 * Housekeeping and multi-process start: expired sessions are removed; audit events past retention are purged
 * (never younger than 180 days) and the chains still verify from their anchors; two processes migrating the same
 * PostgreSQL database at once both start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit-log.js';
import { migrationsFolder, openDatabase } from '../src/platform/db.js';
import { runMaintenance } from '../src/jobs/maintenance.js';
import { createPostgresDatabase, createTree, createUser, isPostgres, signIn, startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

const count = async (sql: string) => Number((await env.ownerQuery(sql))[0]?.n);

describe('maintenance', () => {
  it('purges audit events older than the retention period and the chains still verify', async () => {
    // Events written "two years ago" by moving the clock back, then some today.
    env.clock.set('2024-06-01T02:00:00Z');
    const tree = await createTree(env.deps);
    const old = await createUser(env.deps, tree.countyA1, ['unit_handler']);
    await signIn(env, old);
    env.clock.set(new Date());
    const recent = await createUser(env.deps, tree.countyA1, ['unit_handler']);
    await signIn(env, recent);
    const before = await count("select count(*) as n from audit_events where occurred_at < now() - interval '365 days'");
    expect(before).toBeGreaterThan(0);
    const report = await runMaintenance(env.deps);
    expect(report.auditEventsPurged).toBe(before);
    expect(await count("select count(*) as n from audit_events where occurred_at < now() - interval '365 days'")).toBe(0);
    expect(await count(`select count(*) as n from audit_events where object_id = '${recent.id}'`)).toBeGreaterThan(0);
    expect(await count('select count(*) as n from audit_chain_anchors')).toBeGreaterThan(0);
    const verified = await verifyAuditChain(env.deps.database);
    expect(verified.problem).toBeNull();
    expect(verified.isIntact).toBe(true);
  });

  it('refuses to purge anything younger than 180 days, even when asked directly', async () => {
    await expect(env.deps.database.query("select luoshi_purge_audit_events(now() - interval '30 days')")).rejects.toThrow(/180 days/);
  });

  it('removes sessions past their idle limit', async () => {
    const tree = await createTree(env.deps);
    const user = await createUser(env.deps, tree.countyA1, ['unit_handler']);
    await signIn(env, user);
    const sessions = `select count(*) as n from sessions where user_id = '${user.id}'`;
    expect(await count(sessions)).toBe(1);
    env.clock.advanceMinutes(31);
    await runMaintenance(env.deps);
    expect(await count(sessions)).toBe(0);
  });
});

describe.runIf(isPostgres)('several processes', () => {
  it('two processes starting together on one PostgreSQL database both migrate and start', async () => {
    const created = await createPostgresDatabase();
    try {
      const [a, b] = await Promise.all([
        openDatabase({ databaseUrl: created.url, appRole: 'luoshi_app' }),
        openDatabase({ databaseUrl: created.url, appRole: 'luoshi_app' }),
      ]);
      // Each migration applied exactly once, and both processes serve queries.
      const owner = new pg.Client({ connectionString: created.url });
      await owner.connect();
      const applied = await owner.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
      await owner.end();
      const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(Number(applied.rows[0]?.n)).toBe(journal.entries.length);
      expect(a.migration).toBe(b.migration);
      expect(await a.query('select 1 as ok')).toEqual([{ ok: 1 }]);
      expect(await b.query('select 1 as ok')).toEqual([{ ok: 1 }]);
      await Promise.all([a.close(), b.close()]);
    } finally {
      await created.drop();
    }
  });
});
