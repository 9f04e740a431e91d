/**
 * F1: `kill -9` of the server while 督查室 clerks register items at 30 writes/s, each write with its own
 * Idempotency-Key, and every write without an answer retried with the same key once the server is back — what a
 * browser that lost its connection does.
 *
 * Pass: every write that was answered 201 is in the database; every key became exactly one item (the retries of
 * writes that had committed before the kill get the first answer, not a second item); no item is half-written (each
 * has its registration on its timeline and its audit event); and `luoshi audit verify` finds the chain whole.
 * CI runs it for 4 s with the kill in the middle; `FAULTS=full` for 20 s with two kills.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  signIn,
  sleep,
  startServer,
  type Answer,
  type Cli,
  type Session,
} from './fault-harness.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const WRITES_PER_SECOND = 30;
const SECONDS = fullSuite ? 20 : 4;
/** When the server is killed, as a share of the run (two kills in the full run). */
const KILL_AT = fullSuite ? [0.3, 0.7] : [0.5];

describe.skipIf(!isPostgres)('F1: kill -9 under 30 registrations/s with Idempotency-Key retries', { timeout: 240_000 }, () => {
  let port = 0;
  let env: Record<string, string> = {};
  let server: Cli;
  let owner: Awaited<ReturnType<typeof ownerConnection>>;
  let session: Session;
  let leadUnitId = '';

  beforeAll(async () => {
    const db = await createPostgresDatabase();
    cleanups.push(db.drop);
    const dir = scratchDir('kill9');
    cleanups.push(dir.cleanup);
    port = freePort();
    env = serverEnv(db.url, dir.path);
    server = await startServer(port, env, ['--demo']);
    cleanups.push(() => server.child.kill('SIGKILL'));
    owner = await ownerConnection(db.url);
    cleanups.push(owner.end);
    session = await signIn(port, 'ducha');
    leadUnitId = String((await owner.sql(`select id from units where name = '云南省教育厅'`))[0]?.id);
  }, 150_000);

  it('loses no acknowledged write, doubles none, and leaves no half-written item', async () => {
    const tag = `F1-${randomUUID().slice(0, 8)}`;
    const bodyOf = (i: number) => ({ title: `${tag}-${i}`, source: 'meeting_decision', content: `${tag}-${i} 的具体要求`, leadUnitId });
    const keyOf = (i: number) => `${tag}-key-${i}`;
    const register = (i: number): Promise<Answer> =>
      call(port, 'POST', '/api/tasks', { session, body: bodyOf(i), headers: { 'idempotency-key': keyOf(i) }, timeoutMs: 10_000 });

    const total = WRITES_PER_SECOND * SECONDS;
    const answers = new Map<number, Answer>();
    const killsAt = KILL_AT.map((share) => Math.floor(total * share));
    const restarts: Promise<void>[] = [];
    const inFlight: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      const due = started + (i * 1000) / WRITES_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      if (killsAt.includes(i)) {
        // The kill lands among writes in flight; the server comes back while the writer keeps going.
        server.child.kill('SIGKILL');
        restarts.push(
          server.exited().then(async () => {
            server = await startServer(port, env, ['--demo']); // a second demo start adds nothing
          }),
        );
      }
      inFlight.push(register(i).then((answer) => void answers.set(i, answer)));
    }
    await Promise.all(inFlight);
    await Promise.all(restarts);

    const acknowledged = [...answers]
      .filter(([, a]) => a.status === 201)
      .map(([i, a]) => [i, (JSON.parse(a.body) as { id: string }).id] as const);
    const unanswered = [...answers].filter(([, a]) => a.status !== 201).map(([i]) => i);
    // The kill really cut writes off: some got no answer (or a 503 while the server was starting).
    expect(unanswered.length).toBeGreaterThan(0);
    // How many were answered before the kill depends on the machine's load (CI saw 24 of 120); some must have been.
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const [, a] of answers) if (a.status !== 201) expect([0, 503], a.body).toContain(a.status);

    // The browser retries what it never heard back about, with the same key, until it is answered.
    const retried = new Map<number, string>();
    for (const i of unanswered) {
      let answer = await register(i);
      for (let attempt = 0; attempt < 20 && answer.status !== 201 && answer.status !== 200; attempt++) {
        await sleep(250);
        answer = await register(i);
      }
      expect([200, 201], `write ${i}: ${answer.status} ${answer.body}`).toContain(answer.status);
      retried.set(i, (JSON.parse(answer.body) as { id: string }).id);
    }
    // A retry of an acknowledged write (the answer was lost on the way) gets the same item back.
    for (const [i, id] of acknowledged.slice(0, 10)) {
      const again = await register(i);
      expect([200, 201]).toContain(again.status);
      expect((JSON.parse(again.body) as { id: string }).id).toBe(id);
    }

    const rows = await owner.sql<{ id: string; title: string }>(`select id, title from tasks where title like $1`, [`${tag}-%`]);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.title)).size).toBe(total);
    const ids = new Set(rows.map((r) => r.id));
    for (const [, id] of acknowledged) expect(ids.has(id)).toBe(true);
    for (const [, id] of retried) expect(ids.has(id)).toBe(true);

    // Nothing half-written: each item has its registration event and its audit event.
    const halfWritten = await owner.sql(
      `select t.id from tasks t
        where t.title like $1
          and (not exists (select 1 from task_events e where e.task_id = t.id)
               or not exists (select 1 from audit_events a where a.object_id = t.id::text and a.event_type = 'task.created'))`,
      [`${tag}-%`],
    );
    expect(halfWritten).toEqual([]);

    console.info(
      `F1: ${total} registrations at ${WRITES_PER_SECOND}/s, ${KILL_AT.length} kill -9; ${acknowledged.length} answered 201, ${unanswered.length} unanswered and retried with their key; ${rows.length} items in the database: 0 lost, 0 doubled, 0 half-written`,
    );
    const verify = runCli(['audit', 'verify'], env);
    expect(await verify.exited(), verify.out()).toBe(0);
    expect(verify.out()).toContain('audit log intact');
  });
});
