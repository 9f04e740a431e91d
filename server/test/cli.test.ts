/**
 * The `luoshi` command as an operator uses it, in real processes: seed, audit verify (passing, then failing on a
 * row altered directly in the database and naming it), audit checkpoint (then a rewound shard named by verify),
 * backup → restore into an empty data directory or database, production refusal with demo accounts, a graceful
 * SIGTERM of `serve`, and commands refused in one sentence while `serve` holds the embedded data folder.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
      // Checkpoints default to DATA_DIR (./data here); each test database keeps its own.
      env: {
        DATABASE_URL: created.url,
        AUDIT_CHECKPOINT_FILE: join(scratch, name, 'audit-checkpoints.jsonl'),
        AUDIT_CHECKPOINT_KEY_FILE: join(scratch, name, 'audit-checkpoint-key.pem'),
      },
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
    if (!isPostgres) {
      // serve on the embedded database writes a signed checkpoint at start (then every AUDIT_CHECKPOINT_MINUTES).
      const checkpoints = join(db.env.DATA_DIR ?? '', 'audit-checkpoints.jsonl');
      for (let i = 0; i < 40 && !existsSync(checkpoints); i++) await new Promise((r) => setTimeout(r, 250));
      expect(readFileSync(checkpoints, 'utf8')).toMatch(/^\{"v":1,"at":"[^"]+","alg":"ed25519"/);
      // The embedded database is this server's alone: a command beside it refuses in one sentence, not a PGlite dump.
      const refused = await failure(luoshi(['audit', 'verify'], db.env));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`正被运行中的 luoshi serve 使用（进程 ${child.pid}）`);
      expect(refused.stderr).toContain(`is in use by a running luoshi serve (pid ${child.pid}): stop it first`);
      expect(refused.stderr).not.toMatch(/\bat \S+ \(|RuntimeError|Aborted/);
    }
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    if (!isPostgres) {
      // A pid file left by a process that is gone (kill -9) does not lock anybody out.
      writeFileSync(join(db.env.DATA_DIR ?? '', 'luoshi.pid'), JSON.stringify({ pid: child.pid, command: 'luoshi serve' }));
      expect((await luoshi(['migrate'], db.env)).stdout).toContain('migrated');
    }
  });

  it('checkpoints the chain heads, then names the shard whose newest events were deleted and head rewound', async () => {
    const db = await seeded;
    expect((await luoshi(['audit', 'checkpoint'], db.env)).stdout).toMatch(/checkpoint of \S+ \(\d+ shards\) appended to/);
    expect((await luoshi(['audit', 'verify'], db.env)).stdout).toContain('every shard reaches the checkpoint of');
    const [newest] = await db.sql('select chain_shard, chain_seq from audit_events order by id desc limit 1');
    const tamper = (body: string) => db.sql(`begin; set local session_replication_role = replica; ${body} commit;`);
    await tamper(`create table stash as select * from audit_events where id = (select max(id) from audit_events);
      delete from audit_events where id in (select id from stash);
      update audit_chain_heads h set seq = s.chain_seq - 1, hash = s.prev_hash from stash s where h.shard = s.chain_shard;`);
    const broken = await failure(luoshi(['audit', 'verify'], db.env));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`AUDIT LOG BROKEN at the log's end: 分片 ${Number(newest?.chain_shard)} 的末尾被截断`);
    expect(broken.stderr).toContain(`events from sequence ${Number(newest?.chain_seq)} on were removed`);
    await tamper(`insert into audit_events select * from stash;
      update audit_chain_heads h set seq = s.chain_seq, hash = s.hash from stash s where h.shard = s.chain_shard;
      drop table stash;`);
    expect((await luoshi(['audit', 'verify'], db.env)).stdout).toContain('intact');
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
