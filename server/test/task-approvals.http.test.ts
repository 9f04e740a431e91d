/**
 * The leader's part of the lifecycle (REQUIREMENTS S3): the optional 待审批 step before 交办, and 暂停 / 中止 / 撤销 of
 * an assigned item, each asked by the 督查室 with a reason and decided by the item's 分管领导 — allowed and refused by
 * role and state, shown in the leader's 待办, and on the timeline and in the audit log. 恢复办理 moves the deadline
 * by the working days paused and keeps the original deadline.
 */
import type { Task } from '@luoshi/contracts';
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
  unit: Session;
  leader: Session;
  /** A government leader who is not this item's 分管领导. */
  otherLeader: Session;
  leaderPersonId: string;
}

async function leaderAccount(tree: TestTree, name: string): Promise<{ session: Session; personId: string }> {
  const [person] = await env.ownerQuery(
    "insert into persons (id, unit_id, name, title, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, $2, '副省长', true, now(), now()) returning id",
    [tree.root, name],
  );
  const user = await createUser(env.deps, tree.root, ['government_leader']);
  await env.ownerQuery('update users set person_id = $1 where id = $2', [person?.id, user.id]);
  return { session: await signIn(env, user), personId: String(person?.id) };
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const leader = await leaderAccount(tree, '李副省长');
  const other = await leaderAccount(tree, '赵副省长');
  return {
    tree,
    supervisor: await signIn(env, await createUser(env.deps, tree.root, ['supervisor'])),
    unit: await signIn(env, await createUser(env.deps, tree.department, ['unit_handler'])),
    leader: leader.session,
    otherLeader: other.session,
    leaderPersonId: leader.personId,
  };
}

const post = (s: Session, url: string, payload: object) => env.app.inject({ method: 'POST', url, payload, headers: authHeaders(s) });
const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: authHeaders(s) });
const act = (s: Session, id: string, body: object) => post(s, `/api/tasks/${id}/transitions`, body);

async function register(c: Cast, withLeader = true): Promise<Task> {
  const res = await post(c.supervisor, '/api/tasks', {
    title: '推进农村饮水安全巩固提升',
    source: 'meeting_decision',
    content: '按常务会议决定推进。',
    leadUnitId: c.tree.department,
    deadline: '2026-06-30',
    ...(withLeader ? { responsibleLeaderId: c.leaderPersonId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

async function inbox(s: Session): Promise<string[]> {
  return (await get(s, '/api/tasks?inbox=true')).json<{ items: Task[] }>().items.map((t) => t.id);
}

async function auditTypes(id: string): Promise<string[]> {
  const rows = await env.ownerQuery('select event_type from audit_events where object_id = $1 order by id', [id]);
  return rows.map((r) => String(r.event_type));
}

describe('待审批 before 交办', () => {
  it('the 督查室 submits a draft, only its 分管领导 approves, and approval assigns it with its deadline', async () => {
    const c = await cast();
    const item = await register(c);
    expect(item.allowedActions).toContain('submit_for_approval');
    const submitted = await act(c.supervisor, item.id, { action: 'submit_for_approval' });
    expect(submitted.json<Task>().status).toBe('pending_approval');
    expect(submitted.json<Task>().allowedActions).toEqual([]);
    expect(await inbox(c.leader)).toContain(item.id);
    expect(await inbox(c.otherLeader)).not.toContain(item.id);
    // The leader is told in the bell (written with the step, in its transaction); the other leader is not.
    expect((await get(c.leader, '/api/notifications/unread-count')).json()).toMatchObject({ count: 1 });
    expect((await get(c.otherLeader, '/api/notifications/unread-count')).json()).toMatchObject({ count: 0 });

    const byOther = await act(c.otherLeader, item.id, { action: 'approve_assignment' });
    expect(byOther.statusCode).toBe(409);
    expect(byOther.json().error.message).toContain('分管领导');
    const bySupervisor = await act(c.supervisor, item.id, { action: 'approve_assignment' });
    expect(bySupervisor.statusCode).toBe(409);

    const read = await get(c.leader, `/api/tasks/${item.id}`);
    expect(read.json<Task>().allowedActions).toEqual(['approve_assignment', 'reject_assignment']);
    const approved = await act(c.leader, item.id, { action: 'approve_assignment' });
    expect(approved.statusCode, approved.body).toBe(200);
    const task = approved.json<Task & { timeline: { type: string; actorName: string }[] }>();
    expect(task.status).toBe('assigned');
    expect(task.assignedAt).not.toBeNull();
    expect(task.originalDeadline).toBe('2026-06-30');
    expect(task.signForDue).toBe('2026-03-04');
    expect(task.timeline.map((e) => e.type)).toEqual(['created', 'submit_for_approval', 'approve_assignment']);
    expect(await inbox(c.leader)).not.toContain(item.id);
    expect(await inbox(c.unit)).toContain(item.id);
    expect(await auditTypes(item.id)).toEqual(['task.created', 'task.submit_for_approval', 'task.approve_assignment']);
  });

  it('a refusal needs a reason and sends the draft back; without a 分管领导 there is nobody to ask', async () => {
    const c = await cast();
    const item = await register(c);
    await act(c.supervisor, item.id, { action: 'submit_for_approval' });
    const noReason = await act(c.leader, item.id, { action: 'reject_assignment' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('TASK_REASON_REQUIRED');
    const rejected = await act(c.leader, item.id, { action: 'reject_assignment', reason: '牵头单位不准确，请重新研究' });
    expect(rejected.json<Task>().status).toBe('draft');
    expect(rejected.json<Task>().assignedAt).toBeNull();

    const orphan = await register(c, false);
    expect(orphan.allowedActions).not.toContain('submit_for_approval');
    const refused = await act(c.supervisor, orphan.id, { action: 'submit_for_approval' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('尚未确定分管领导');
    expect((await get(c.supervisor, `/api/tasks/${orphan.id}`)).json<Task>().status).toBe('draft');
  });
});

describe('暂停 / 中止 / 撤销 with the leader’s approval', () => {
  async function assigned(c: Cast): Promise<Task> {
    const item = await register(c);
    await act(c.supervisor, item.id, { action: 'assign' });
    const accepted = await act(c.unit, item.id, { action: 'accept' });
    expect(accepted.json<Task>().status).toBe('accepted');
    return accepted.json<Task>();
  }

  it('a pause asked by the 督查室 waits for the leader; the item carries on meanwhile; one request at a time', async () => {
    const c = await cast();
    const item = await assigned(c);
    const asked = await act(c.supervisor, item.id, { action: 'request_suspension', reason: '政策调整，待省里新文件' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json<Task>().status).toBe('accepted');
    expect(asked.json<Task>().pendingChange).toBe('suspend');
    expect(asked.json<Task>().allowedActions).not.toContain('request_termination');
    const second = await act(c.supervisor, item.id, { action: 'request_termination', reason: '另议' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('已有一项暂停/中止/撤销申请');
    expect(await inbox(c.leader)).toContain(item.id);
    const byUnit = await act(c.unit, item.id, { action: 'approve_change' });
    expect(byUnit.statusCode).toBe(409);

    const rejected = await act(c.leader, item.id, { action: 'reject_change', reason: '不宜暂停，继续推进' });
    expect(rejected.json<Task>().pendingChange).toBeNull();
    expect(rejected.json<Task>().status).toBe('accepted');
    expect(await inbox(c.leader)).not.toContain(item.id);
  });

  it('an approved pause stops the clock: 恢复办理 returns to the same status with the deadline moved by the working days paused', async () => {
    const c = await cast();
    const item = await assigned(c);
    await act(c.supervisor, item.id, { action: 'request_suspension', reason: '等待资金下达' });
    const approved = await act(c.leader, item.id, { action: 'approve_change' });
    expect(approved.json<Task>().status).toBe('suspended');
    expect(approved.json<Task>().allowedActions).toEqual([]);
    const supervisorView = (await get(c.supervisor, `/api/tasks/${item.id}`)).json<Task>();
    expect(supervisorView.allowedActions).toEqual(['request_termination', 'request_withdrawal', 'resume']);
    const report = await post(c.unit, `/api/tasks/${item.id}/reports`, { periodLabel: '3月', done: '暂停期间', percent: 10 });
    expect(report.statusCode).toBe(409);

    // Paused on Monday 2026-03-02, resumed on Monday 2026-03-09: five working days.
    env.clock.set('2026-03-09T02:00:00Z');
    const supervisor = await signIn(env, await createUser(env.deps, c.tree.root, ['supervisor']));
    const noReason = await act(supervisor, item.id, { action: 'resume' });
    expect(noReason.statusCode).toBe(400);
    const resumed = await act(supervisor, item.id, { action: 'resume', reason: '资金已下达' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    const task = resumed.json<Task & { timeline: { type: string; data: unknown }[] }>();
    expect(task.status).toBe('accepted');
    expect(task.deadline).toBe('2026-07-07');
    expect(task.originalDeadline).toBe('2026-06-30');
    expect(task.timeline.at(-1)).toMatchObject({ type: 'resume', data: { pausedWorkingDays: 5, deadline: '2026-07-07' } });
    env.clock.set('2026-03-02T01:00:00Z');
  });

  it('termination and withdrawal after 交办 end the item once the leader agrees, audited', async () => {
    const c = await cast();
    const first = await assigned(c);
    await act(c.supervisor, first.id, { action: 'request_termination', reason: '任务已由国家统一部署，省级不再单列' });
    const terminated = await act(c.leader, first.id, { action: 'approve_change' });
    expect(terminated.json<Task>().status).toBe('terminated');
    expect(terminated.json<Task>().pendingChange).toBeNull();
    expect(await auditTypes(first.id)).toEqual(expect.arrayContaining(['task.request_termination', 'task.approve_change']));

    const second = await assigned(c);
    await act(c.supervisor, second.id, { action: 'request_withdrawal', reason: '重复交办，与督〔2026〕3号合并办理' });
    const withdrawn = await act(c.leader, second.id, { action: 'approve_change' });
    const task = withdrawn.json<Task & { timeline: { type: string; reason: string | null; data: unknown }[] }>();
    expect(task.status).toBe('withdrawn');
    expect(task.allowedActions).toEqual([]);
    expect(task.timeline.slice(-2)).toMatchObject([
      { type: 'request_withdrawal', reason: '重复交办，与督〔2026〕3号合并办理', data: { change: 'withdraw' } },
      { type: 'approve_change', data: { change: 'withdraw' } },
    ]);
    const late = await act(c.supervisor, second.id, { action: 'request_suspension', reason: 'x' });
    expect(late.statusCode).toBe(409);
  });
});
