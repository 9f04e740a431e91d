/**
 * 牵头单位与配合单位 (R5): duties and contributions of cooperating units; 协调请求 that reach the responsible leader
 * only with the coordination already tried on record; the leader's decision on the item's timeline.
 */
import type { Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  createTree,
  createUser,
  signIn,
  startTestEnv,
  type Session,
  type TestEnv,
  type TestTree,
  withCompletionProof,
} from './harness.js';

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
  lead: Session;
  coopA: Session;
  coopB: Session;
  leader: Session;
  task: Task;
}

async function cast(withLeader = true): Promise<Cast> {
  const tree = await createTree(env.deps);
  const [person] = await env.ownerQuery(
    "insert into persons (id, unit_id, name, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, '赵副省长', true, now(), now()) returning id",
    [tree.root],
  );
  const leaderUser = await createUser(env.deps, tree.root, ['government_leader']);
  await env.ownerQuery('update users set person_id = $1 where id = $2', [person?.id, leaderUser.id]);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(supervisor),
    payload: {
      title: '推进跨部门数据共享',
      source: 'meeting_decision',
      content: '牵头单位会同配合单位推进数据共享。',
      leadUnitId: tree.department,
      cooperatingUnitIds: [tree.prefectureA, tree.prefectureB],
      ...(withLeader ? { responsibleLeaderId: person?.id } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return {
    tree,
    supervisor,
    lead: await signIn(env, await createUser(env.deps, tree.department, ['unit_handler'])),
    coopA: await signIn(env, await createUser(env.deps, tree.prefectureA, ['unit_handler'])),
    coopB: await signIn(env, await createUser(env.deps, tree.prefectureB, ['unit_handler'])),
    leader: await signIn(env, leaderUser),
    task: res.json<Task>(),
  };
}

const send = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, ...(payload ? { payload } : {}), headers: authHeaders(s) });

describe('cooperating units', () => {
  it('each cooperating unit gets its own duty and sends its own contribution to the lead unit', async () => {
    const c = await cast();
    const base = `/api/tasks/${c.task.id}`;
    const duty = await send(c.supervisor, 'PUT', `${base}/cooperations/${c.tree.prefectureA}`, {
      duty: '提供本市政务数据目录',
      dueDate: '2026-12-15',
    });
    expect(duty.statusCode, duty.body).toBe(200);
    const seenByA = (await send(c.coopA, 'GET', `${base}/cooperation`)).json();
    const mine = seenByA.cooperations.find((u: { unitId: string }) => u.unitId === c.tree.prefectureA);
    expect(mine).toMatchObject({ duty: '提供本市政务数据目录', dueDate: '2026-12-15', canContribute: true });
    expect(seenByA.cooperations.find((u: { unitId: string }) => u.unitId === c.tree.prefectureB).canContribute).toBe(false);
    // B cannot write A's contribution.
    expect(
      (await send(c.coopB, 'POST', `${base}/cooperations/${c.tree.prefectureA}/contribution`, { contribution: '代写' })).statusCode,
    ).toBe(403);
    const sent = await send(c.coopA, 'POST', `${base}/cooperations/${c.tree.prefectureA}/contribution`, {
      contribution: '已报送数据目录 126 项。',
    });
    expect(sent.statusCode).toBe(200);
    const seenByLead = (await send(c.lead, 'GET', `${base}/cooperation`)).json();
    expect(seenByLead.cooperations.find((u: { unitId: string }) => u.unitId === c.tree.prefectureA).contribution).toBe(
      '已报送数据目录 126 项。',
    );
    const timeline = (await send(c.lead, 'GET', base)).json().timeline.map((e: { type: string }) => e.type);
    expect(timeline).toEqual(expect.arrayContaining(['cooperation_duty_set', 'cooperation_contributed']));
  });
});

describe('协调请求', () => {
  it('cannot reach the leader before coordination is on record; then the leader decides, on the timeline', async () => {
    const c = await cast();
    const raised = await send(c.coopA, 'POST', `/api/tasks/${c.task.id}/coordination`, {
      subject: '数据口径不一致',
      detail: '牵头单位要求的口径与国家标准不一致。',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const request = raised.json().coordination[0];
    expect(request.status).toBe('open');
    const titles = async (session: Session) =>
      (await send(session, 'GET', '/api/notifications'))
        .json<{ items: { title: string; taskId: string | null }[] }>()
        .items.filter((n) => n.taskId === c.task.id)
        .map((n) => n.title.split('：')[0]);
    // The 督查室 hears of the request; the leader only once it is brought to them.
    expect(await titles(c.supervisor)).toContain('协调请求');
    expect(await titles(c.leader)).not.toContain('提请您协调');
    const early = await send(c.coopA, 'POST', `/api/coordination/${request.id}/escalate`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('COORDINATION_NOT_TRIED');
    expect(early.json().error.messages['zh-CN']).toContain('请先记录已开展的协调');
    // Only the raising unit escalates.
    expect(
      (
        await send(c.coopB, 'POST', `/api/coordination/${request.id}/escalate`, {
          attempts: [{ kind: 'call', date: '2026-11-20', note: '电话' }],
        })
      ).statusCode,
    ).toBe(403);
    const escalated = await send(c.coopA, 'POST', `/api/coordination/${request.id}/escalate`, {
      attempts: [{ kind: 'meeting', date: '2026-11-20', note: '与牵头单位召开协调会，未达成一致' }],
    });
    expect(escalated.statusCode, escalated.body).toBe(200);
    expect(escalated.json().coordination[0].status).toBe('escalated');
    expect(await titles(c.leader)).toContain('提请您协调');
    expect((await send(c.supervisor, 'POST', `/api/coordination/${request.id}/decision`, { decision: '督查室代定' })).statusCode).toBe(403);
    const view = (await send(c.leader, 'GET', `/api/tasks/${c.task.id}/cooperation`)).json();
    expect(view.coordination[0].canDecide).toBe(true);
    const decided = await send(c.leader, 'POST', `/api/coordination/${request.id}/decision`, {
      decision: '按国家标准口径执行，牵头单位调整。',
    });
    expect(decided.json().coordination[0]).toMatchObject({ status: 'resolved', decision: '按国家标准口径执行，牵头单位调整。' });
    expect((await send(c.leader, 'POST', `/api/coordination/${request.id}/decision`, { decision: '再定' })).statusCode).toBe(409);
    const item = (await send(c.supervisor, 'GET', `/api/tasks/${c.task.id}`)).json();
    const decision = item.timeline.find((e: { type: string }) => e.type === 'coordination_decided');
    expect(decision.reason).toBe('按国家标准口径执行，牵头单位调整。');
    const audit = await env.ownerQuery(
      "select event_type from audit_events where object_id = $1 and event_type like 'coordination.%' order by id",
      [c.task.id],
    );
    expect(audit.map((a) => a.event_type)).toEqual(['coordination.raised', 'coordination.escalated', 'coordination.decided']);
  });

  it('needs a responsible leader to escalate to', async () => {
    const c = await cast(false);
    const raised = await send(c.lead, 'POST', `/api/tasks/${c.task.id}/coordination`, {
      subject: '配合单位不配合',
      detail: '多次联系未果。',
      attempts: [{ kind: 'letter', date: '2026-11-18', note: '发函商请' }],
    });
    const id = raised.json().coordination[0].id as string;
    const res = await send(c.lead, 'POST', `/api/coordination/${id}/escalate`, {});
    expect(res.json().error.code).toBe('COORDINATION_NO_LEADER');
  });
});

describe('closed items', () => {
  it('take no more duties, contributions or coordination once completed', async () => {
    const c = await cast();
    const handler = await env.ownerQuery(
      "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '承办人', now(), now()) returning id",
      [c.tree.department],
    );
    for (const [s, body] of [
      [c.supervisor, { action: 'assign' }],
      [c.lead, { action: 'accept' }],
      [c.lead, { action: 'start', handlerId: handler[0]?.id }],
      [c.lead, { action: 'request_completion', summary: '完成' }],
      [c.supervisor, { action: 'approve_completion' }],
    ] as const) {
      const payload = await withCompletionProof(env, s, c.task.id, body);
      expect((await send(s, 'POST', `/api/tasks/${c.task.id}/transitions`, payload)).statusCode).toBe(200);
    }
    const view = (await send(c.coopA, 'GET', `/api/tasks/${c.task.id}/cooperation`)).json();
    expect(view.canRaise).toBe(false);
    expect(view.cooperations.every((u: { canContribute: boolean }) => !u.canContribute)).toBe(true);
    const late = await send(c.coopA, 'POST', `/api/tasks/${c.task.id}/cooperations/${c.tree.prefectureA}/contribution`, {
      contribution: '迟到',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.messages['zh-CN']).toBe('当前为「已办结」，不能报送配合情况');
    expect((await send(c.coopA, 'POST', `/api/tasks/${c.task.id}/coordination`, { subject: 's', detail: 'd' })).statusCode).toBe(409);
    expect((await send(c.supervisor, 'PUT', `/api/tasks/${c.task.id}/cooperations/${c.tree.prefectureA}`, { duty: 'x' })).statusCode).toBe(
      409,
    );
  });
});
