/**
 * The `luoshi` command as an operator uses it, in real processes: seed, audit verify (passing, then failing on a
 * row altered directly in the database and naming it), backup → restore into an empty data directory or database,
 * production refusal with demo accounts, and a graceful SIGTERM of `serve`.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, isPostgres } from './harness.js';

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, '../../bin/luoshi.js');
const scratch = mkdtempSync(join(tmpdir(), 'luoshi-cli-'));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

/** A fresh place for a database: a PGlite directory, or a new PostgreSQL database under TEST_DATABASE_URL. */
async function freshDatabase(
  name: string,
): Promise<{ env: Record<string, string>; sql: (text: string) => Promise<Record<string, unknown>[]> }> {
  if (isPostgres) {
    const created = await createPostgresDatabase();
    cleanups.push(created.drop);
    return {
      env: { DATABASE_URL: created.url },
      sql: async (text) => {
        const client = new pg.Client({ connectionString: created.url });
        await client.connect();
        try {
          return (await client.query(text)).rows as Record<string, unknown>[];
        } finally {
          await client.end();
        }
      },
    };
  }
  const dir = join(scratch, name);
  return {
    env: { DATA_DIR: dir },
    sql: async (text) => {
      const db = new PGlite(dir);
      try {
        const results = await db.exec(text);
        return results.at(-1)?.rows ?? [];
      } finally {
        await db.close();
      }
    },
  };
}

function luoshi(args: string[], env: Record<string, string>) {
  return run(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 120_000 });
}

async function failure(promise: Promise<unknown>): Promise<{ code: number; stderr: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; stderr?: string };
    return { code: e.code ?? -1, stderr: e.stderr ?? '' };
  }
  throw new Error('expected the command to fail');
}

describe('luoshi CLI', { timeout: 180_000 }, () => {
  /** One demo-seeded database shared by the tests that only read it; the tampering test runs last. */
  let seeded: Promise<Awaited<ReturnType<typeof freshDatabase>>>;
  beforeAll(() => {
    seeded = freshDatabase('source').then(async (db) => {
      await luoshi(['seed', '--demo'], db.env);
      return db;
    });
  });

  it('backs up and restores into an empty database, reproducing every row', async () => {
    const source = await seeded;
    const file = join(scratch, 'backup.gz');
    await luoshi(['backup', file], source.env);
    const target = await freshDatabase('target');
    await luoshi(['migrate'], target.env);
    const restored = await luoshi(['restore', file], { ...target.env, LUOSHI_MODE: 'demo' });
    expect(restored.stdout).toContain('restored');
    const fingerprint = "select md5(string_agg(row_to_json(u)::text, '|' order by path)) as h, count(*) as n from units u";
    expect(await target.sql(fingerprint)).toEqual(await source.sql(fingerprint));
    const users = "select md5(string_agg(row_to_json(u)::text, '|' order by id)) as h from users u";
    expect(await target.sql(users)).toEqual(await source.sql(users));
    expect((await luoshi(['audit', 'verify'], target.env)).stdout).toContain('intact');
    const again = await failure(luoshi(['restore', file], target.env));
    expect(again.stderr).toContain('empty database');
  });

  it('refuses a production start while demo accounts exist', async () => {
    const db = await seeded;
    const refused = await failure(luoshi(['serve', '--port', '39999'], { ...db.env, LUOSHI_MODE: 'production' }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('demo accounts');
  });

  it('refuses a retention under 180 days before touching the database', async () => {
    const refused = await failure(luoshi(['migrate'], { DATA_DIR: join(scratch, 'never'), AUDIT_RETENTION_DAYS: '90' }));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('AUDIT_RETENTION_DAYS');
  });

  it('serve drains and exits cleanly on SIGTERM', async () => {
    const db = await freshDatabase('serve');
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const child = spawn(process.execPath, [cli, 'serve', '--port', port], { env: { ...process.env, ...db.env, LOG_LEVEL: 'silent' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 480 && !output.includes('is running'); i++) await new Promise((r) => setTimeout(r, 250));
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('verifies the audit log, then names the event altered directly in the database', async () => {
    const db = await seeded;
    const ok = await luoshi(['audit', 'verify'], db.env);
    expect(ok.stdout).toMatch(/audit log intact: \d+ events verified/);
    const [target] = await db.sql("select id from audit_events where event_type = 'user.created' order by id limit 1");
    await db.sql(
      `begin; set local session_replication_role = replica; update audit_events set actor_username = 'intruder' where id = ${Number(target?.id)}; commit;`,
    );
    const broken = await failure(luoshi(['audit', 'verify'], db.env));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`AUDIT LOG BROKEN at event ${Number(target?.id)}`);
  });
});
