/**
 * A notification that asked for a step someone else has taken since says so (issue 13 item 2): the unit's second
 * handler sees that the new item was signed for, by whom; the 督查室's "申请办结" notice shows the decision.
 */
import type { Notification, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, withCompletionProof, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

const send = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: authHeaders(s), ...(payload ? { payload } : {}) });

async function inbox(s: Session): Promise<Notification[]> {
  const res = await send(s, 'GET', '/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Notification[] }>().items;
}

describe('notifications of steps already taken', () => {
  it('show the step, who took it and when', async () => {
    const tree = await createTree(env.deps);
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const first = await createUser(env.deps, tree.department, ['unit_handler']);
    await env.ownerQuery("update users set display_name = '张签收' where id = $1", [first.id]);
    const signer = await signIn(env, first);
    const colleague = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    const created = await send(supervisor, 'POST', '/api/tasks', {
      title: '通知已办',
      source: 'document',
      content: '内容',
      leadUnitId: tree.department,
    });
    const id = created.json<Task>().id;
    expect((await send(supervisor, 'POST', `/api/tasks/${id}/transitions`, { action: 'assign' })).statusCode).toBe(200);

    const before = await inbox(colleague);
    expect(before.map((n) => [n.kind, n.done])).toEqual([['assigned', undefined]]);

    env.clock.advanceMinutes(1);
    expect((await send(signer, 'POST', `/api/tasks/${id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
    const [assigned] = await inbox(colleague);
    expect(assigned?.done).toEqual({ step: 'accept', actorName: '张签收', at: env.clock.now().toISOString() });

    // The 督查室's 申请办结 notice: open until it decides, then done.
    const [person] = await env.ownerQuery(
      "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '承办人', now(), now()) returning id",
      [tree.department],
    );
    expect((await send(signer, 'POST', `/api/tasks/${id}/transitions`, { action: 'start', handlerId: person?.id })).statusCode).toBe(200);
    const ask = await withCompletionProof(env, signer, id, { action: 'request_completion', summary: '已完成。' });
    expect((await send(signer, 'POST', `/api/tasks/${id}/transitions`, ask)).statusCode).toBe(200);
    const asked = (await inbox(supervisor)).find((n) => n.kind === 'completion_requested');
    expect(asked?.done).toBeUndefined();
    expect((await send(supervisor, 'POST', `/api/tasks/${id}/transitions`, { action: 'approve_completion' })).statusCode).toBe(200);
    const decided = (await inbox(supervisor)).find((n) => n.kind === 'completion_requested');
    expect(decided?.done?.step).toBe('approve_completion');
  });
});
