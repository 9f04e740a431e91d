/**
 * The 待办/已办 centre (issue 13 item 2): 待办 lists the desk's groups across all items, 已办 what the reader did,
 * and batch 签收 / 催办 takes each item through the lifecycle on its own — a refused item changes nothing and is
 * named with its reason, the others go through.
 */
import type { BatchResult, Desk, DoneList, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

const send = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: authHeaders(s), ...(payload ? { payload } : {}) });

describe('待办/已办', () => {
  it('batch 签收 and 催办 go item by item; 待办 and 已办 show the groups and the steps taken', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const tree = await createTree(env.deps);
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const handler = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    const stranger = await signIn(env, await createUser(env.deps, tree.countyB1, ['supervisor']));
    const item = async (title: string, leadUnitId = tree.department) => {
      const created = await send(supervisor, 'POST', '/api/tasks', {
        title,
        source: 'document',
        content: '内容',
        leadUnitId,
        deadline: '2026-12-31',
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<Task>().id;
      expect((await send(supervisor, 'POST', `/api/tasks/${id}/transitions`, { action: 'assign' })).statusCode).toBe(200);
      return id;
    };
    const first = await item('批量一');
    const second = await item('批量二');
    const already = await item('已签收事项');
    const foreign = await item('乙一县事项', tree.countyB1);
    expect((await send(handler, 'POST', `/api/tasks/${already}/transitions`, { action: 'accept' })).statusCode).toBe(200);

    const todo = (await send(handler, 'GET', '/api/desk/todo')).json<Desk>();
    expect(
      todo.groups
        .find((g) => g.kind === 'sign_for')
        ?.entries.map((e) => e.title)
        .sort(),
    ).toEqual(['批量一', '批量二']);

    const batch = await send(handler, 'POST', '/api/desk/batch', { action: 'accept', taskIds: [first, already, second, foreign] });
    expect(batch.statusCode, batch.body).toBe(200);
    const result = batch.json<BatchResult>();
    expect(result.succeeded.map((s) => s.taskId)).toEqual([first, second]);
    expect(result.refused.map((r) => [r.taskId, r.code])).toEqual([
      [already, 'TASK_ACTION_NOT_ALLOWED'],
      [foreign, 'NOT_FOUND'],
    ]);
    expect(result.refused[0]?.messages['zh-CN']).toBe('督办事项当前为「已签收」，不能签收：该操作只适用于已交办的事项');
    const statuses = await env.ownerQuery('select id, status from tasks where id = any($1) order by title', [
      [first, second, already, foreign],
    ]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [first]: 'accepted',
      [second]: 'accepted',
      [already]: 'accepted',
      [foreign]: 'assigned',
    });
    const accepts = await env.ownerQuery("select task_id from task_events where type = 'accept' and task_id = $1", [already]);
    expect(accepts).toHaveLength(1);

    const done = (await send(handler, 'GET', '/api/desk/done')).json<DoneList>();
    expect(done.items.map((d) => [d.title, d.step]).sort()).toEqual([
      ['已签收事项', 'accept'],
      ['批量一', 'accept'],
      ['批量二', 'accept'],
    ]);
    expect((await send(handler, 'GET', '/api/desk/todo')).json<Desk>().groups.find((g) => g.kind === 'sign_for')).toBeUndefined();

    // 催办 needs what to urge; the unit's handler may not urge; the 督查室 urges each item once.
    expect((await send(supervisor, 'POST', '/api/desk/batch', { action: 'urge', taskIds: [first] })).statusCode).toBe(400);
    const byHandler = (
      await send(handler, 'POST', '/api/desk/batch', { action: 'urge', taskIds: [first], reason: '请加快' })
    ).json<BatchResult>();
    expect(byHandler.refused.map((r) => r.code)).toEqual(['TASK_ACTION_NOT_ALLOWED']);
    const urged = await send(supervisor, 'POST', '/api/desk/batch', {
      action: 'urge',
      taskIds: [first, second, first],
      reason: '请加快进度',
    });
    expect(urged.json<BatchResult>().succeeded.map((s) => s.taskId)).toEqual([first, second]);
    const counts = await env.ownerQuery('select urge_count from tasks where id = any($1)', [[first, second]]);
    expect(counts.map((r) => r.urge_count)).toEqual([1, 1]);
    expect((await send(stranger, 'GET', '/api/desk/done')).json<DoneList>().items).toEqual([]);
  });
});
