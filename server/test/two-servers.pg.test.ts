/**
 * `luoshi serve --workers 2` as an operator runs it: the real CLI, a fresh PostgreSQL database, one loopback port
 * served by two processes. Connections are spread over both; a session (and its CSRF token) made on one works on
 * the other; a write through one reaches a live stream served by the other and drops the other's kept ledger page;
 * concurrent writes through both keep the audit chain whole; the daily sweep is queued once (by `luoshi worker`,
 * never by the server processes); a killed worker is replaced and logged; SIGTERM stops them all.
 * On the embedded database `--workers 2` is refused in one sentence, without touching the data folder.
 *
 * The PostgreSQL part is skipped without TEST_DATABASE_URL, like every PostgreSQL-only test.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_HEADER } from '../src/cli/serve.js';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';
import { verifyAuditChain } from '../src/platform/audit-log.js';
import { openDatabase } from '../src/platform/db.js';
import { createPostgresDatabase, isPostgres } from './harness.js';

const cli = resolve(import.meta.dirname, '../../bin/luoshi.js');
const scratch = mkdtempSync(join(tmpdir(), 'luoshi-two-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, for at most `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (await check()) return true;
  return check();
}

function start(args: string[], env: Record<string, string>): { child: ChildProcessWithoutNullStreams; out: () => string } {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, out: () => output };
}

const exitOf = (child: ChildProcessWithoutNullStreams) =>
  child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Started with the file, so that these refused starts overlap the servers' start (each CLI start takes seconds). */
const embeddedDir = join(scratch, 'embedded');
let refusals: ReturnType<typeof start>[] = [];
beforeAll(() => {
  const env: Record<string, string> = { DATA_DIR: embeddedDir, DATABASE_URL: '' };
  refusals = [
    start(['serve', '--workers', '2', '--port', String(port)], env),
    start(['serve', '--port', String(port)], { ...env, LUOSHI_WORKERS: '3' }),
  ];
});

interface Answer {
  status: number;
  worker: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface Session {
  cookie: string;
  csrf: string;
}

/** One HTTP exchange on `agent` (false = a connection of its own), with the session's cookie and CSRF token. */
function call(agent: http.Agent | false, method: string, path: string, options: { session?: Session; body?: unknown } = {}) {
  return new Promise<Answer>((resolvePromise, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.session ? { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf } : {}),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolvePromise({
            status: response.statusCode ?? 0,
            worker: Number(response.headers[WORKER_HEADER]),
            headers: response.headers,
            body,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** A keep-alive connection held to one server process: every request on it must be answered by that process. */
interface Pinned {
  pid: number;
  call: (method: string, path: string, options?: { session?: Session; body?: unknown }) => Promise<Answer>;
}

/** Opens connections until one lands on a process not in `avoid` (new connections go to the processes in turn). */
async function pinned(avoid: number[]): Promise<Pinned> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const first = await call(agent, 'GET', '/api/health');
    expect(first.status).toBe(200);
    if (avoid.includes(first.worker)) {
      agent.destroy();
      continue;
    }
    cleanups.push(() => Promise.resolve(agent.destroy()));
    const pid = first.worker;
    return {
      pid,
      call: async (method, path, options) => {
        const answer = await call(agent, method, path, options);
        expect(answer.worker, `${method} ${path} stayed on its process`).toBe(pid);
        return answer;
      },
    };
  }
  throw new Error(`no connection landed outside ${avoid.join(', ')}`);
}

/** The live event stream, on a connection of its own that landed on `pid`. */
async function liveStream(pid: number, session: Session): Promise<{ text: () => string; close: () => void }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const opened = await new Promise<{ response: http.IncomingMessage; request: http.ClientRequest }>((resolvePromise, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/api/events', agent: false, headers: { cookie: session.cookie } },
        (response) => resolvePromise({ response, request }),
      );
      request.on('error', reject);
    });
    if (Number(opened.response.headers[WORKER_HEADER]) !== pid) {
      opened.request.destroy();
      continue;
    }
    expect(opened.response.statusCode).toBe(200);
    let text = '';
    opened.response.setEncoding('utf8');
    opened.response.on('data', (chunk: string) => (text += chunk));
    opened.response.on('error', () => undefined);
    return { text: () => text, close: () => opened.request.destroy() };
  }
  throw new Error(`no event stream landed on ${pid}`);
}

describe.skipIf(!isPostgres)('serve --workers 2 on PostgreSQL', { timeout: 120_000 }, () => {
  let url = '';
  let env: Record<string, string> = {};
  let server: ReturnType<typeof start>;
  /** `luoshi worker`, started beside the servers: the one process that runs jobs on PostgreSQL. */
  let jobs: ReturnType<typeof start>;
  let sql: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  let a: Pinned;
  let b: Pinned;
  let session: Session;
  let leadUnitId = '';

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    cleanups.push(created.drop);
    url = created.url;
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    cleanups.push(() => owner.end());
    sql = async (text, params) => (await owner.query(text, params)).rows as Record<string, unknown>[];
    env = {
      DATABASE_URL: url,
      DATA_DIR: join(scratch, 'data'),
      AUDIT_CHECKPOINT_FILE: join(scratch, 'audit-checkpoints.jsonl'),
      AUDIT_CHECKPOINT_KEY_FILE: join(scratch, 'audit-checkpoint-key.pem'),
      PAGE_CACHE_ENTRIES: '300',
    };
    server = start(['serve', '--demo', '--workers', '2', '--port', String(port)], env);
    jobs = start(['worker'], env);
    cleanups.push(() => {
      for (const child of [server.child, jobs.child]) if (child.exitCode === null) child.kill('SIGKILL');
      return Promise.resolve();
    });
    expect(await until(() => server.out().includes('is running'), 90_000), server.out()).toBe(true);
    expect(server.out()).toContain('2 server processes');
    a = await pinned([]);
    b = await pinned([a.pid]);
    leadUnitId = String((await sql(`select id from units where name = '云南省教育厅'`))[0]?.id);
  }, 150_000);

  async function register(through: Pinned, title: string): Promise<string> {
    const answer = await through.call('POST', '/api/tasks', {
      session,
      body: { title, source: 'meeting_decision', content: `${title}的具体要求`, leadUnitId },
    });
    expect(answer.status, answer.body).toBe(201);
    return (JSON.parse(answer.body) as { id: string }).id;
  }

  it('spreads connections over two server processes, neither of them the primary', () => {
    expect(a.pid).not.toBe(b.pid);
    expect([a.pid, b.pid]).not.toContain(server.child.pid);
  });

  it('a session signed in on one process works on the other, with its CSRF token', async () => {
    const signed = await a.call('POST', '/api/auth/sign-in', { body: { username: 'ducha', password: DEMO_PASSWORD } });
    expect(signed.status, signed.body).toBe(200);
    const body = JSON.parse(signed.body) as { stage: string; csrfToken: string };
    expect(body.stage).toBe('active');
    session = { cookie: String(signed.headers['set-cookie']?.[0]?.split(';')[0]), csrf: body.csrfToken };
    const seen = await b.call('GET', '/api/auth/session', { session });
    expect(seen.status, seen.body).toBe(200);
    // A write on the other process: the right token passes, a wrong one is refused there too.
    await register(b, `跨进程写入${randomUUID().slice(0, 6)}`);
    const forged = await b.call('POST', '/api/tasks', {
      session: { ...session, csrf: 'not-the-token' },
      body: { title: '伪造请求', source: 'meeting_decision', content: '伪造请求的要求', leadUnitId },
    });
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('CSRF_FAILED');
  });

  it('a write through one process reaches a live stream served by the other', async () => {
    const stream = await liveStream(b.pid, session);
    try {
      expect(await until(() => stream.text().includes(': connected'), 5_000)).toBe(true);
      await sleep(200); // the stream's LISTEN is confirmed before the answer; a margin for the socket
      const id = await register(a, `实时推送${randomUUID().slice(0, 6)}`);
      expect(await until(() => stream.text().includes(id), 5_000), stream.text()).toBe(true);
      expect(stream.text()).toContain('event: task.changed');
    } finally {
      stream.close();
    }
  });

  it("a write through one process drops the other's kept ledger page at once", async () => {
    const tag = randomUUID().slice(0, 8);
    const path = `/api/ledger?q=${encodeURIComponent(tag)}&limit=50`;
    const titles = (answer: Answer) => (JSON.parse(answer.body) as { items: { title: string }[] }).items.map((i) => i.title).sort();
    const first = await register(a, `${tag}第一项`);
    expect(await until(async () => titles(await b.call('GET', path, { session })).length === 1, 5_000)).toBe(true);
    // Behind the product's back (no notification): b answers from its kept page, byte for byte.
    const kept = await b.call('GET', path, { session });
    await sql('update tasks set title = $2 where id = $1', [first, `${tag}改名`]);
    expect((await b.call('GET', path, { session })).body).toBe(kept.body);
    // Through the product on a: b's page is dropped when the change commits (well within its 60 s lifetime).
    await register(a, `${tag}第二项`);
    const startedAt = Date.now();
    let latest: string[] = [];
    await until(async () => (latest = titles(await b.call('GET', path, { session }))).length === 2, 5_000);
    expect(latest).toEqual([`${tag}第二项`, `${tag}改名`].sort());
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });

  it('keeps the audit chain whole under concurrent writes through both processes', async () => {
    const tag = randomUUID().slice(0, 6);
    await Promise.all(Array.from({ length: 16 }, (_, i) => register(i % 2 ? a : b, `${tag}并发${i}`)));
    const database = await openDatabase({ databaseUrl: url, skipMigrations: true, poolSize: 2 });
    try {
      const verdict = await verifyAuditChain(database);
      expect(verdict.isIntact, verdict.problem ?? '').toBe(true);
      expect(verdict.checkedCount).toBeGreaterThan(16);
    } finally {
      await database.close();
    }
  });

  it('queues the daily sweep once: by luoshi worker, never by the server processes', async () => {
    const sweeps = async (state?: string) =>
      Number(
        (
          await sql(
            `select count(*) as n from pgboss.job where name = 'escalation-sweep' ${state ? 'and state = $1' : ''}`,
            state ? [state] : [],
          )
        )[0]?.n,
      );
    // All three processes are up: each server process that started the jobs would have queued a start-up sweep too.
    expect(await until(async () => (await sweeps('completed')) === 1, 45_000), jobs.out()).toBe(true);
    await sleep(500);
    expect(await sweeps()).toBe(1);
    jobs.child.kill('SIGTERM');
    expect(await exitOf(jobs.child)).toBe(0);
  });

  it('replaces a server process that dies, and says so', async () => {
    process.kill(a.pid, 'SIGKILL');
    expect(await until(() => server.out().includes(`server process ${a.pid} exited unexpectedly (signal SIGKILL)`), 5_000)).toBe(true);
    let replacement: Pinned | null = null;
    await until(async () => {
      const candidate = await pinned([b.pid]).catch(() => null);
      if (candidate && candidate.pid !== a.pid) replacement = candidate;
      return replacement !== null;
    }, 40_000);
    expect(replacement).not.toBeNull();
    const seen = await (replacement as unknown as Pinned).call('GET', '/api/auth/session', { session });
    expect(seen.status).toBe(200);
    a = replacement as unknown as Pinned;
  });

  it('SIGTERM to the primary stops every server process and exits 0', async () => {
    const pids = [a.pid, b.pid];
    server.child.kill('SIGTERM');
    expect(await exitOf(server.child)).toBe(0);
    expect(await until(() => pids.every((pid) => !alive(pid)), 5_000)).toBe(true);
  });
});

describe('serve --workers on the embedded database', () => {
  it('is refused in one sentence (zh-CN and English), exit 1, the data folder untouched', async () => {
    for (const run of refusals) {
      expect(await exitOf(run.child)).toBe(1);
      expect(run.out()).toContain('需要 PostgreSQL（设置 DATABASE_URL）');
      expect(run.out()).toContain('needs PostgreSQL (set DATABASE_URL): the embedded database');
      expect(run.out()).not.toMatch(/\bat \S+ \(/);
    }
    expect(() => readdirSync(embeddedDir)).toThrow();
  });
});
