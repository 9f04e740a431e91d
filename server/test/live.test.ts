/**
 * Live updates over a real loopback HTTP connection (issue 4 item 5): `GET /api/events` streams `task.changed` to
 * the readers whose scope holds the item, once the writing transaction commits, and to nobody else.
 */
import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/modules/notifications/notifications.outbox.js';
import { publishTaskChange, type LiveEvent } from '../src/platform/live.js';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
let base: string;
beforeAll(async () => {
  env = await startTestEnv();
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await env.close();
});

interface Stream {
  response: IncomingMessage;
  /** The next event of the stream's type (waits up to `ms`), or null when none comes. */
  next(ms?: number): Promise<LiveEvent | null>;
  close(): void;
}

/** Opens the event stream as the browser's EventSource would, and parses the events of `type` that arrive. */
function openStream(session: Session, type: LiveEvent['type'] = 'task.changed'): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = get(`${base}/api/events`, { headers: { cookie: session.cookie, accept: 'text/event-stream' } }, (response) => {
      const queue: LiveEvent[] = [];
      const waiting: ((event: LiveEvent) => void)[] = [];
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .find((line) => line.startsWith('data: '))
            ?.slice(6);
          if (!block.includes(`event: ${type}\n`) || !data) continue;
          const event = JSON.parse(data) as LiveEvent;
          const waiter = waiting.shift();
          if (waiter) waiter(event);
          else queue.push(event);
        }
      });
      resolve({
        response,
        next(ms = 1_500) {
          const queued = queue.shift();
          if (queued) return Promise.resolve(queued);
          return new Promise((done) => {
            const timer = setTimeout(() => {
              waiting.splice(waiting.indexOf(receive), 1);
              done(null);
            }, ms);
            const receive = (event: LiveEvent) => {
              clearTimeout(timer);
              done(event);
            };
            waiting.push(receive);
          });
        },
        close() {
          request.destroy();
        },
      });
    });
    request.on('error', reject);
  });
}

async function pathOf(unitId: string): Promise<string> {
  const rows = await env.ownerQuery('select path from units where id = $1', [unitId]);
  return String(rows[0]?.path);
}

async function publish(tree: TestTree, leadUnitId: string, cooperatingUnitIds: string[] = []): Promise<string> {
  const taskId = randomUUID();
  const change = {
    taskId,
    supervisingUnitPath: await pathOf(tree.root),
    leadUnitPath: await pathOf(leadUnitId),
    cooperatingUnitPaths: await Promise.all(cooperatingUnitIds.map(pathOf)),
  };
  // The supervising government is the province here, which every reader of the tree would see: narrow it to the
  // lead unit's own government to test scope by the lead and cooperating units.
  change.supervisingUnitPath = change.leadUnitPath;
  await env.deps.database.db.transaction((tx) => publishTaskChange(tx, change));
  return taskId;
}

describe('GET /api/events', () => {
  it('tells each reader about the items in their scope only', async () => {
    const tree = await createTree(env.deps);
    const province = await openStream(await signIn(env, await createUser(env.deps, tree.root, ['government_leader'])));
    const a1 = await openStream(await signIn(env, await createUser(env.deps, tree.countyA1, ['unit_leader'])));
    const b1 = await openStream(await signIn(env, await createUser(env.deps, tree.countyB1, ['unit_leader'])));
    try {
      expect(a1.response.statusCode).toBe(200);
      expect(a1.response.headers['content-type']).toMatch(/^text\/event-stream/);

      const inB1 = await publish(tree, tree.countyB1);
      expect(await b1.next()).toEqual({ type: 'task.changed', taskId: inB1 });
      expect(await province.next()).toEqual({ type: 'task.changed', taskId: inB1 });

      // A1 hears of an item where it cooperates — and its first event is that one: the B1 change never reached it.
      const cooperating = await publish(tree, tree.department, [tree.countyA1]);
      expect(await a1.next()).toEqual({ type: 'task.changed', taskId: cooperating });
      expect(await b1.next(300)).toBeNull();
      expect(await province.next()).toEqual({ type: 'task.changed', taskId: cooperating });
    } finally {
      for (const stream of [province, a1, b1]) stream.close();
    }
  });

  it('says nothing about a write that rolls back', async () => {
    const tree = await createTree(env.deps);
    const reader = await openStream(await signIn(env, await createUser(env.deps, tree.root, ['supervisor'])));
    try {
      const path = await pathOf(tree.countyA1);
      await expect(
        env.deps.database.db.transaction(async (tx) => {
          await publishTaskChange(tx, { taskId: randomUUID(), supervisingUnitPath: path, leadUnitPath: path });
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await reader.next(500)).toBeNull();
      const committed = await publish(tree, tree.countyA1);
      expect(await reader.next()).toEqual({ type: 'task.changed', taskId: committed });
    } finally {
      reader.close();
    }
  });

  it('hears the product’s own writes: a report at a county rolls up, and the province hears both items change', async () => {
    const tree = await createTree(env.deps);
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const county = await signIn(env, await createUser(env.deps, tree.countyA1, ['unit_handler']));
    const call = (s: Session, url: string, payload: object) => env.app.inject({ method: 'POST', url, payload, headers: authHeaders(s) });
    const created = await call(supervisor, '/api/tasks', {
      title: '联动测试',
      source: 'document',
      content: '内容',
      leadUnitId: tree.prefectureA,
      deadline: '2026-12-31',
    });
    const parentId = created.json<{ id: string }>().id;
    const split = await call(supervisor, `/api/tasks/${parentId}/subtasks`, { items: [{ leadUnitId: tree.countyA1 }] });
    const childId = split.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    await call(county, `/api/tasks/${childId}/transitions`, { action: 'accept' });
    const province = await openStream(supervisor);
    const sibling = await openStream(await signIn(env, await createUser(env.deps, tree.countyA2, ['unit_handler'])));
    try {
      const rows = await env.ownerQuery(
        "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '承办人', now(), now()) returning id",
        [tree.countyA1],
      );
      await call(county, `/api/tasks/${childId}/transitions`, { action: 'start', handlerId: rows[0]?.id });
      expect(await province.next()).toEqual({ type: 'task.changed', taskId: childId });
      await call(county, `/api/tasks/${childId}/reports`, { periodLabel: '本月', done: '完成', percent: 50 });
      // Under load the 签收 before the stream opened can still be on its way (NOTIFY is delivered after commit), so
      // the child may be heard once more: listen until both items were heard, a few events at most.
      const heard = new Set<string>();
      for (let i = 0; i < 4 && !(heard.has(childId) && heard.has(parentId)); i++) {
        const event = await province.next();
        if (event?.type === 'task.changed') heard.add(event.taskId);
      }
      expect([...heard].sort()).toEqual([childId, parentId].sort());
      expect(await sibling.next(300)).toBeNull();
    } finally {
      province.close();
      sibling.close();
    }
  });

  it("rings the bell of a notification's owner only, once the notification is committed", async () => {
    const tree = await createTree(env.deps);
    const owner = await createUser(env.deps, tree.countyA1, ['unit_handler']);
    const mine = await openStream(await signIn(env, owner), 'notification.created');
    const other = await openStream(await signIn(env, await createUser(env.deps, tree.countyA1, ['unit_handler'])), 'notification.created');
    try {
      const give = (key: string) =>
        env.deps.database.db.transaction((tx) =>
          notify(tx, env.clock, {
            userIds: [owner.id],
            taskId: null,
            kind: 'urged',
            title: '催办',
            body: '请办理',
            link: null,
            dedupeKey: key,
          }),
        );
      await expect(
        env.deps.database.db.transaction(async (tx) => {
          await notify(tx, env.clock, {
            userIds: [owner.id],
            taskId: null,
            kind: 'urged',
            title: '催办',
            body: '请办理',
            link: null,
            dedupeKey: 'rolled-back',
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await mine.next(300)).toBeNull();
      await give(`bell-${owner.id}`);
      expect(await mine.next()).toEqual({ type: 'notification.created' });
      expect(await other.next(300)).toBeNull();
      // A replay of the same notification (same dedupe key) is silent.
      await give(`bell-${owner.id}`);
      expect(await mine.next(300)).toBeNull();
    } finally {
      mine.close();
      other.close();
    }
  });

  it('answers 401 without a session', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });
});
