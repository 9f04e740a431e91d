/** 领导批示 (S7): a requirement on an item, or a linked new item; "我的批示" with live status. */
import type { Instruction, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('领导批示', () => {
  it('adds a requirement or spawns a linked item, and 我的批示 shows both with live status', async () => {
    const tree = await createTree(env.deps);
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const leader = await signIn(env, await createUser(env.deps, tree.root, ['government_leader']));
    const unit = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: authHeaders(supervisor),
      payload: {
        title: '义务教育学校标准化建设',
        source: 'work_report',
        content: '完成 300 所学校标准化建设。',
        leadUnitId: tree.department,
      },
    });
    const task = created.json<Task>();
    const give = (payload: object, session = leader) =>
      env.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/instructions`, headers: authHeaders(session), payload });
    const requirement = await give({ text: '请教育厅加快进度，确保秋季学期前完工。' });
    expect(requirement.statusCode, requirement.body).toBe(201);
    expect(requirement.json<Instruction>().kind).toBe('requirement');
    const spawned = await give({
      text: '同步研究农村寄宿制学校改造。',
      spawn: { title: '研究农村寄宿制学校改造', leadUnitId: tree.department },
    });
    const child = spawned.json<Instruction>();
    expect(child.kind).toBe('child');
    expect(child.childSerialNumber).toMatch(/^\S*督〔\d{4}〕\d+号$/);
    expect(child.childStatus).toBe('draft');
    // The spawned item is the 督查室's to assign, linked to its parent, with the instruction as its source.
    const childTask = (
      await env.app.inject({ method: 'GET', url: `/api/tasks/${child.childTaskId}`, headers: authHeaders(supervisor) })
    ).json<Task>();
    expect(childTask).toMatchObject({ source: 'leader_instruction', relatedTaskId: task.id, allowedActions: ['assign', 'withdraw'] });
    // Only leaders instruct.
    expect((await give({ text: '越权批示' }, unit)).statusCode).toBe(403);
    // The parent's timeline shows the instruction; 我的批示 tracks live status.
    const detail = (await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: authHeaders(unit) })).json();
    expect(detail.timeline.filter((e: { type: string }) => e.type === 'instruction').map((e: { reason: string }) => e.reason)).toEqual([
      '请教育厅加快进度，确保秋季学期前完工。',
      '同步研究农村寄宿制学校改造。',
    ]);
    await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/transitions`,
      headers: authHeaders(supervisor),
      payload: { action: 'assign' },
    });
    const mine = (await env.app.inject({ method: 'GET', url: '/api/instructions/mine', headers: authHeaders(leader) })).json<
      Instruction[]
    >();
    expect(mine.map((i) => i.taskStatus)).toEqual(['assigned', 'assigned']);
    expect(mine[0]?.childStatus).toBe('draft');
  });
});
