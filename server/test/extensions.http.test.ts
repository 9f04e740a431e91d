/**
 * 延期申请: asked by the lead unit before the deadline, approved by the unit leader → 督查员 → responsible leader;
 * the deadline moves, the original deadline stays; refused after the deadline, while another is pending, or for
 * an earlier date; every step on the timeline.
 */
import type { ExtensionRequest, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface Cast {
  tree: TestTree;
  supervisor: Session;
  handler: Session;
  unitLeader: Session;
  leader: Session;
  leaderPersonId: string;
  stranger: Session;
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const [person] = await env.ownerQuery(
    "insert into persons (id, unit_id, name, title, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, '李副省长', '副省长', true, now(), now()) returning id",
    [tree.root],
  );
  const leaderUser = await createUser(env.deps, tree.root, ['government_leader']);
  await env.ownerQuery('update users set person_id = $1 where id = $2', [person?.id, leaderUser.id]);
  await env.ownerQuery(
    "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '张承办', now(), now())",
    [tree.department],
  );
  return {
    tree,
    supervisor: await signIn(env, await createUser(env.deps, tree.root, ['supervisor'])),
    handler: await signIn(env, await createUser(env.deps, tree.department, ['unit_handler'])),
    unitLeader: await signIn(env, await createUser(env.deps, tree.department, ['unit_leader'])),
    leader: await signIn(env, leaderUser),
    leaderPersonId: String(person?.id),
    stranger: await signIn(env, await createUser(env.deps, tree.countyA1, ['unit_leader'])),
  };
}

const post = (s: Session, url: string, payload: object) => env.app.inject({ method: 'POST', url, payload, headers: authHeaders(s) });

/** An item in progress with a deadline of 2026-12-31, optionally with a responsible leader. */
async function itemInProgress(c: Cast, withLeader = true): Promise<Task> {
  const created = await post(c.supervisor, '/api/tasks', {
    title: '延期测试事项',
    source: 'document',
    content: '内容',
    leadUnitId: c.tree.department,
    deadline: '2026-12-31',
    ...(withLeader ? { responsibleLeaderId: c.leaderPersonId } : {}),
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<Task>().id;
  await post(c.supervisor, `/api/tasks/${id}/transitions`, { action: 'assign' });
  const accepted = await post(c.handler, `/api/tasks/${id}/transitions`, { action: 'accept' });
  expect(accepted.json<Task>().status).toBe('accepted');
  return accepted.json<Task>();
}

const ask = (c: Cast, id: string, newDeadline = '2027-02-26') =>
  post(c.handler, `/api/tasks/${id}/extensions`, { reason: '需等待省级资金下达', progress: '已完成选址和设计', newDeadline });

describe('extension requests', () => {
  it('goes unit leader → 督查员 → responsible leader, then moves the deadline and keeps the original', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const c = await cast();
    const task = await itemInProgress(c);
    const asked = await ask(c, task.id);
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json<ExtensionRequest>();
    expect(request.status).toBe('pending_unit_leader');
    const decide = (s: Session, body: object) => post(s, `/api/extensions/${request.id}/decision`, body);
    const outOfTurn = await decide(c.supervisor, { approve: true });
    expect(outOfTurn.statusCode).toBe(409);
    expect(outOfTurn.json().error.messages['zh-CN']).toBe('该延期申请当前应由牵头单位负责人审批');
    const list = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}/extensions`, headers: authHeaders(c.unitLeader) });
    expect(list.json().canDecideId).toBe(request.id);
    // Each approver hears of the request when it reaches their step; the unit hears the outcome.
    const bell = async (session: Session) =>
      (await env.app.inject({ method: 'GET', url: '/api/notifications', headers: authHeaders(session) }))
        .json<{ items: { title: string; taskId: string | null }[] }>()
        .items.filter((n) => n.taskId === task.id && /^(待您审批：延期申请|同意延期|不予延期)/.test(n.title))
        .map((n) => n.title);
    const waiting = '待您审批：延期申请「延期测试事项」';
    expect(await bell(c.unitLeader)).toEqual([waiting]);
    expect(await bell(c.supervisor)).toEqual([]);
    expect((await decide(c.unitLeader, { approve: true })).json().status).toBe('pending_supervisor');
    expect(await bell(c.supervisor)).toEqual([waiting]);
    expect((await decide(c.supervisor, { approve: true, reason: '理由充分' })).json().status).toBe('pending_leader');
    expect(await bell(c.leader)).toEqual([waiting]);
    const final = await decide(c.leader, { approve: true });
    expect(final.json().status).toBe('approved');
    expect(await bell(c.handler)).toEqual(['同意延期：延期测试事项']);
    expect(final.json().decisions).toHaveLength(3);
    const item = (await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: authHeaders(c.supervisor) })).json();
    expect(item.deadline).toBe('2027-02-26');
    expect(item.originalDeadline).toBe('2026-12-31');
    expect(item.timeline.map((e: { type: string }) => e.type).slice(-4)).toEqual([
      'extension_requested',
      'extension_step_approved',
      'extension_step_approved',
      'extension_approved',
    ]);
    expect((await decide(c.leader, { approve: true })).json().error.code).toBe('EXTENSION_DECIDED');
  });

  it('is refused after the deadline, with the reason', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const c = await cast();
    const task = await itemInProgress(c);
    env.clock.set('2027-01-01T02:00:00Z');
    // A month later: a fresh sign-in (the old session has long expired).
    c.handler = await signIn(env, await createUser(env.deps, c.tree.department, ['unit_handler']));
    const late = await ask(c, task.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('EXTENSION_AFTER_DEADLINE');
    expect(late.json().error.messages['zh-CN']).toContain('2026-12-31');
    const list = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}/extensions`, headers: authHeaders(c.handler) });
    expect(list.json().canRequest).toBe(false);
    expect(list.json().items).toEqual([]);
  });

  it('allows one pending request at a time, for a later date only, asked by the lead unit only', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const c = await cast();
    const task = await itemInProgress(c);
    const earlier = await ask(c, task.id, '2026-12-20');
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().error.fields[0].path).toBe('newDeadline');
    expect(
      (await post(c.supervisor, `/api/tasks/${task.id}/extensions`, { reason: 'r', progress: 'p', newDeadline: '2027-01-31' })).statusCode,
    ).toBe(409);
    expect((await ask(c, task.id)).statusCode).toBe(201);
    expect((await ask(c, task.id)).json().error.code).toBe('EXTENSION_PENDING');
    expect(
      (await post(c.stranger, `/api/tasks/${task.id}/extensions`, { reason: 'r', progress: 'p', newDeadline: '2027-01-31' })).statusCode,
    ).toBe(404);
  });

  it('a refusal needs a reason and leaves the deadline; without a responsible leader the 督查员 decides last', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const c = await cast();
    const task = await itemInProgress(c, false);
    const request = (await ask(c, task.id)).json<ExtensionRequest>();
    const decide = (s: Session, body: object) => post(s, `/api/extensions/${request.id}/decision`, body);
    expect((await decide(c.unitLeader, { approve: false })).json().error.code).toBe('TASK_REASON_REQUIRED');
    expect((await decide(c.unitLeader, { approve: true })).json().status).toBe('pending_supervisor');
    expect((await decide(c.supervisor, { approve: true })).json().status).toBe('approved');
    const second = (await ask(c, task.id, '2027-03-31')).json<ExtensionRequest>();
    const refused = await post(c.unitLeader, `/api/extensions/${second.id}/decision`, { approve: false, reason: '理由不充分' });
    expect(refused.json().status).toBe('rejected');
    const rows = await env.ownerQuery('select deadline::text as deadline, original_deadline::text as original from tasks where id = $1', [
      task.id,
    ]);
    expect(rows[0]).toEqual({ deadline: '2027-02-26', original: '2026-12-31' });
  });
});

afterAll(() => {
  env.clock.set(new Date());
});
