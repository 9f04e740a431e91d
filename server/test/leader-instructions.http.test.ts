/**
 * The leader (issue 13 item 4): 我的批示 lists every item where the leader is the 分管领导 or the instructing leader
 * — not only the 批示 they typed — with its live status, and a 批示 not on an existing item starts a new item (拟办,
 * source 领导批示) for the 督查室, with the 批示 on its timeline.
 */
import type { Instruction, LeaderItem, Task } from '@luoshi/contracts';
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

async function leaderPerson(unitId: string, name: string, title: string): Promise<string> {
  const [row] = await env.ownerQuery(
    'insert into persons (id, unit_id, name, title, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, $2, $3, true, now(), now()) returning id',
    [unitId, name, title],
  );
  return String(row?.id);
}

describe('我的批示', () => {
  it('lists the items a leader is named on, and a 批示 can start a new item', async () => {
    const tree = await createTree(env.deps);
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const me = await leaderPerson(tree.root, '王明', '副省长');
    const other = await leaderPerson(tree.root, '赵亮', '副省长');
    const user = await createUser(env.deps, tree.root, ['government_leader']);
    await env.ownerQuery('update users set person_id = $1 where id = $2', [me, user.id]);
    const leader = await signIn(env, user);
    const handler = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));

    const item = async (title: string, extra: object) => {
      const res = await send(supervisor, 'POST', '/api/tasks', {
        title,
        source: 'document',
        content: '内容',
        leadUnitId: tree.department,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Task>().id;
    };
    const responsible = await item('我分管的事项', { responsibleLeaderId: me });
    await item('按我的批示登记的事项', {
      source: 'leader_instruction',
      sourceRef: { leaderName: '王明副省长', clause: '抓紧办' },
    });
    await item('别人分管的事项', { responsibleLeaderId: other });
    expect((await send(supervisor, 'POST', `/api/tasks/${responsible}/transitions`, { action: 'assign' })).statusCode).toBe(200);
    await env.ownerQuery('update tasks set warning_level = 2 where id = $1', [responsible]);

    const list = async () => {
      const res = await send(leader, 'GET', '/api/instructions/my-items');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<LeaderItem[]>();
    };
    expect((await list()).map((i) => [i.title, i.roles, i.status, i.light])).toEqual([
      ['我分管的事项', ['responsible'], 'assigned', 2],
      ['按我的批示登记的事项', ['instructing'], 'draft', 0],
    ]);

    // A 批示 on the item shows as the latest; a 批示 not on any item starts a new one for the 督查室.
    expect((await send(leader, 'POST', `/api/tasks/${responsible}/instructions`, { text: '请月底前见成效。' })).statusCode).toBe(201);
    const issued = await send(leader, 'POST', '/api/instructions', {
      text: '请研究解决农村学校供暖问题。',
      title: '农村学校冬季供暖',
      leadUnitId: tree.department,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const given = issued.json<Instruction>();
    const created = (await send(supervisor, 'GET', `/api/tasks/${given.taskId}`)).json<
      Task & { timeline: { type: string; reason: string }[] }
    >();
    expect(created).toMatchObject({
      title: '农村学校冬季供暖',
      source: 'leader_instruction',
      status: 'draft',
      responsibleLeaderId: me,
      allowedActions: ['assign', 'withdraw', 'submit_for_approval'],
    });
    expect(created.timeline.filter((e) => e.type === 'instruction').map((e) => e.reason)).toEqual(['请研究解决农村学校供暖问题。']);
    const after = await list();
    expect(after.find((i) => i.title === '我分管的事项')).toMatchObject({
      latestInstruction: '请月底前见成效。',
      roles: ['responsible', 'instructing'],
    });
    expect(after.find((i) => i.title === '农村学校冬季供暖')).toMatchObject({ latestInstruction: '请研究解决农村学校供暖问题。' });
    expect((await send(leader, 'GET', '/api/instructions/mine')).json<Instruction[]>().map((i) => i.text)).toEqual([
      '请研究解决农村学校供暖问题。',
      '请月底前见成效。',
    ]);

    // Only leaders; bad input is a coded 400 and writes nothing.
    expect((await send(handler, 'GET', '/api/instructions/my-items')).statusCode).toBe(403);
    expect(
      (await send(handler, 'POST', '/api/instructions', { text: '越权', title: '越权', leadUnitId: tree.department })).statusCode,
    ).toBe(403);
    const before = await env.ownerQuery('select count(*)::int as n from tasks');
    const bad = await send(leader, 'POST', '/api/instructions', { text: ' ', title: '空批示', leadUnitId: tree.department });
    expect(bad.statusCode).toBe(400);
    expect(await env.ownerQuery('select count(*)::int as n from tasks')).toEqual(before);
  });
});
