/**
 * F4 and F6: the server's database connections cut from under it, and all of them held by slow statements.
 *
 * F4 — an operator (or a failover) terminates every backend of the product's database, including the one that
 * listens for change notifications. Pass: the process stays up, no request is answered 500 or left without an
 * answer, reads work again within seconds, and once the listener is back (5 s) a change reaches a kept ledger page
 * again, so nobody is shown a page from before their own write for longer than the page cache's 60 s age.
 *
 * F6 — a migration or a long report locks the items table while a dozen readers wait on it, holding every pooled
 * connection. Pass: a request that needs a connection is answered 503 DATABASE_UNAVAILABLE with Retry-After after
 * DB_POOL_ACQUIRE_TIMEOUT_MS instead of hanging, and everything recovers when the lock goes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  codeOf,
  createPostgresDatabase,
  freePort,
  isPostgres,
  ownerConnection,
  scratchDir,
  serverEnv,
  signIn,
  sleep,
  startServer,
  until,
  type Answer,
  type Cli,
  type Session,
} from './fault-harness.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.skipIf(!isPostgres)('F4, F6: connections cut and exhausted', { timeout: 180_000 }, () => {
  let port = 0;
  let url = '';
  let server: Cli;
  let owner: Awaited<ReturnType<typeof ownerConnection>>;
  let session: Session;
  let leadUnitId = '';

  beforeAll(async () => {
    const db = await createPostgresDatabase();
    cleanups.push(db.drop);
    url = db.url;
    const dir = scratchDir('connections');
    cleanups.push(dir.cleanup);
    port = freePort();
    server = await startServer(
      port,
      serverEnv(db.url, dir.path, { DB_POOL_ACQUIRE_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '8000', PAGE_CACHE_ENTRIES: '300' }),
      ['--demo'],
    );
    cleanups.push(() => server.child.kill('SIGKILL'));
    owner = await ownerConnection(db.url);
    cleanups.push(owner.end);
    session = await signIn(port, 'ducha');
    leadUnitId = String((await owner.sql(`select id from units where name = '云南省教育厅'`))[0]?.id);
  }, 150_000);

  const ledger = (query: string) => call(port, 'GET', `/api/ledger?${query}`, { session, timeoutMs: 20_000 });
  const titles = (answer: Answer) => (JSON.parse(answer.body) as { items: { title: string }[] }).items.map((i) => i.title);

  it('F4: every backend terminated — no 500, no crash, reads back within seconds, live changes still arrive', async () => {
    const tag = `F4-${randomUUID().slice(0, 8)}`;
    const query = `q=${encodeURIComponent(tag)}&limit=20`;
    expect((await ledger(query)).status).toBe(200); // kept in the page cache from now on

    const killed = await owner.sql<{ n: number }>(
      `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()) k`,
    );
    expect(killed[0]?.n).toBeGreaterThan(0);

    const answers: Answer[] = [];
    const backAt = await until(
      async () => {
        const answer = await call(port, 'GET', '/api/auth/session', { session, timeoutMs: 5_000 });
        answers.push(answer);
        return answer.status === 200;
      },
      10_000,
      100,
    );
    expect(backAt, JSON.stringify(answers.map((a) => [a.status, codeOf(a)]))).toBe(true);
    for (const a of answers) {
      expect(a.status, a.body).not.toBe(0);
      expect(a.status, a.body).not.toBe(500);
      if (a.status !== 200) expect(codeOf(a)).toBe('DATABASE_UNAVAILABLE');
    }
    expect(server.child.exitCode).toBeNull();

    // The notification listener was cut too; it reconnects after 5 s (platform/db.ts). A change committed in that gap
    // is not announced, and a kept page then lives out its 60 s age (page-cache.ts) — the documented limit. Once the
    // listener is back, a change must drop the kept page again.
    await sleep(6_000);
    const created = await call(port, 'POST', '/api/tasks', {
      session,
      body: { title: `${tag}之后登记`, source: 'meeting_decision', content: `${tag} 的具体要求`, leadUnitId },
    });
    expect(created.status, created.body).toBe(201);
    const seen = await until(async () => titles(await ledger(query)).includes(`${tag}之后登记`), 5_000, 100);
    expect(seen, 'the kept ledger page was dropped by the change made after the cut').toBe(true);
  });

  it('F6: all pooled connections held — others answered 503 with Retry-After within the acquire timeout, then recovery', async () => {
    const locker = await ownerConnection(url);
    cleanups.push(locker.end);
    await locker.sql('begin');
    await locker.sql('lock table tasks in access exclusive mode');
    // A dozen readers queue on the lock, each holding a pooled connection (the pool has ten).
    const stuck = Array.from({ length: 12 }, (_, i) => ledger(`q=${encodeURIComponent(`F6等待${i}`)}&limit=20`));
    await sleep(500);
    const other = await call(port, 'GET', '/api/auth/session', { session, timeoutMs: 10_000 });
    expect(other.status, other.body).toBe(503);
    expect(codeOf(other)).toBe('DATABASE_UNAVAILABLE');
    expect(other.headers['retry-after']).toBe('2');
    // The acquire timeout is 1 s; left hanging, it would wait for the lock until the 8 s statement limit.
    expect(other.ms, 'answered after the acquire timeout, not left hanging').toBeLessThan(6_000);

    await locker.sql('commit');
    const released = await Promise.all(stuck);
    for (const a of released) expect([200, 503], a.body).toContain(a.status);
    expect((await call(port, 'GET', '/api/auth/session', { session })).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});
