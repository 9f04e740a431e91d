/**
 * `luoshi backup` must carry every table a user's work lives in: a table added by a new module and forgotten in
 * BACKUP_TABLES would be silently missing after a restore (it happened to the meetings tables). Only tables that
 * the database derives itself from others (kept by triggers, rebuilt on restore) may be left out, and they are named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '../src/platform/backup.js';
import { startTestEnv, type TestEnv } from './harness.js';

/** Kept by triggers on `tasks` and `task_cooperations` (migration 0018): a restore of those rows rebuilds them. */
const DERIVED = ['task_reach', 'task_tallies'];

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('backup coverage', () => {
  it('every table of the schema is backed up, except the ones derived from others', async () => {
    const rows = await env.ownerQuery(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
    const tables = rows.map((r) => String(r.tablename));
    const backedUp = new Set(BACKUP_TABLES.map((t) => t.name));
    expect(tables.filter((t) => !backedUp.has(t) && !DERIVED.includes(t))).toEqual([]);
    expect([...backedUp].filter((t) => !tables.includes(t))).toEqual([]);
  });
});
