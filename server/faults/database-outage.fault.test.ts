/**
 * F3: the database crashes (`pg_ctl stop -m immediate`: no checkpoint, crash recovery on the next start) while
 * reports are being registered, stays down a few seconds, and comes back.
 *
 * Pass: while it is down, the server stays up and answers every request with a coded 503 (DATABASE_UNAVAILABLE,
 * Retry-After) promptly — not a 500, not a hang — and /api/health says 503; once the database is back the server
 * serves again within 10 s without being restarted; every write answered 201 before the crash is there after it,
 * and the writes retried with their Idempotency-Key land once.
 *
 * Runs on a throwaway cluster of its own (never the machine's shared one); skipped where there are no PostgreSQL
 * binaries to make one.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  canMakeCluster,
  codeOf,
  freePort,
  fullSuite,
  isPostgres,
  makeCluster,
  ownerConnection,
  scratchDir,
  serverEnv,
  signIn,
  sleep,
  startServer,
  until,
  type Answer,
  type Cli,
  type OwnCluster,
  type Session,
} from './fault-harness.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const DOWN_MS = fullSuite ? 15_000 : 3_000;

describe.skipIf(!isPostgres || !canMakeCluster())('F3: the database crashes and comes back', { timeout: 240_000 }, () => {
  let cluster: OwnCluster;
  let port = 0;
  let server: Cli;
  let session: Session;
  let leadUnitId = '';
  let url = '';

  beforeAll(async () => {
    cluster = await makeCluster('f3');
    cleanups.push(cluster.cleanup);
    const admin = await ownerConnection(cluster.url);
    await admin.sql('create database luoshi');
    await admin.end();
    url = cluster.url.replace(/\/postgres$/, '/luoshi');
    const dir = scratchDir('outage');
    cleanups.push(dir.cleanup);
    port = freePort();
    server = await startServer(port, serverEnv(url, dir.path, { DB_POOL_ACQUIRE_TIMEOUT_MS: '2000' }), ['--demo']);
    cleanups.push(() => server.child.kill('SIGKILL'));
    session = await signIn(port, 'ducha');
    const owner = await ownerConnection(url);
    leadUnitId = String((await owner.sql(`select id from units where name = '云南省教育厅'`))[0]?.id);
    await owner.end();
  }, 180_000);

  it('answers 503 while it is down, serves again by itself, and keeps every acknowledged write', async () => {
    const tag = `F3-${randomUUID().slice(0, 8)}`;
    let i = 0;
    const register = (n: number) =>
      call(port, 'POST', '/api/tasks', {
        session,
        body: { title: `${tag}-${n}`, source: 'meeting_decision', content: `${tag}-${n} 的具体要求`, leadUnitId },
        headers: { 'idempotency-key': `${tag}-key-${n}` },
        timeoutMs: 15_000,
      });
    const answers = new Map<number, Answer>();
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const n = i++;
        void register(n).then((a) => answers.set(n, a));
        await sleep(100);
      }
    })();

    await sleep(1_500);
    await cluster.stop('immediate');
    const downAt = Date.now();
    const whileDown: Answer[] = [];
    while (Date.now() - downAt < DOWN_MS) {
      whileDown.push(await call(port, 'GET', '/api/ledger?limit=20', { session, timeoutMs: 15_000 }));
      await sleep(250);
    }
    const health = await call(port, 'GET', '/api/health');
    await cluster.start();
    const upAt = Date.now();
    const back = await until(async () => (await call(port, 'GET', '/api/ledger?limit=20', { session })).status === 200, 10_000, 200);
    const recoveryMs = Date.now() - upAt;
    writing = false;
    await writer;
    await until(() => answers.size === i, 20_000);

    expect(server.child.exitCode, `the server stayed up:\n${server.out().slice(-3000)}`).toBeNull();
    expect(health.status).toBe(503);
    expect(whileDown.length).toBeGreaterThan(3);
    for (const a of whileDown) {
      expect(a.status, a.body).toBe(503);
      expect(codeOf(a)).toBe('DATABASE_UNAVAILABLE');
      expect(a.ms, 'answered promptly, not left hanging').toBeLessThan(5_000);
    }
    expect(back, `serving again within 10 s of the database's return (took ${recoveryMs} ms)`).toBe(true);

    // Retry what was not acknowledged; then every key is one item.
    const acknowledged = [...answers]
      .filter(([, a]) => a.status === 201)
      .map(([n, a]) => [n, (JSON.parse(a.body) as { id: string }).id] as const);
    for (const [n, a] of answers) {
      if (a.status === 201) continue;
      expect([0, 503], a.body).toContain(a.status);
      const retried = await register(n);
      expect([200, 201], retried.body).toContain(retried.status);
    }
    const owner = await ownerConnection(url);
    const rows = await owner.sql<{ id: string; title: string }>(`select id, title from tasks where title like $1`, [`${tag}-%`]);
    await owner.end();
    expect(rows).toHaveLength(answers.size);
    expect(new Set(rows.map((r) => r.title)).size).toBe(answers.size);
    const ids = new Set(rows.map((r) => r.id));
    for (const [, id] of acknowledged) expect(ids.has(id)).toBe(true);
    console.info(
      `F3: database down ${DOWN_MS} ms: ${whileDown.length} reads answered 503 DATABASE_UNAVAILABLE (slowest ${Math.round(Math.max(...whileDown.map((a) => a.ms)))} ms); serving again ${recoveryMs} ms after it returned; ${answers.size} writes, ${acknowledged.length} acknowledged, all present, none doubled`,
    );
  });
});
