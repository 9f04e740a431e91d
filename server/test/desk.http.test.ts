/**
 * 工作台 (issue 13 item 2/4): each role's first screen lists exactly what awaits them — 签收 with working days left,
 * reports due, 退回重办, approvals at their step, 协调请求, new 批示, red items in a leader's 分管 areas, and a B角's
 * items of an absent A角 marked as such — and nothing of a unit outside their scope.
 */
import type { Desk, DeskEntry, DeskKind, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, withCompletionProof, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

const send = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, headers: authHeaders(s), ...(payload ? { payload } : {}) });

async function person(unitId: string, name: string): Promise<string> {
  const [row] = await env.ownerQuery(
    'insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, $2, now(), now()) returning id',
    [unitId, name],
  );
  return String(row?.id);
}

async function account(unitId: string, roles: Parameters<typeof createUser>[2], personId?: string): Promise<Session> {
  const user = await createUser(env.deps, unitId, roles);
  if (personId) await env.ownerQuery('update users set person_id = $1 where id = $2', [personId, user.id]);
  return signIn(env, user);
}

async function deskOf(s: Session): Promise<Desk> {
  const res = await send(s, 'GET', '/api/desk');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Desk>();
}

/** Titles per group (sorted, so the test does not depend on ties in the order). */
function titles(desk: Desk): Partial<Record<DeskKind, string[]>> {
  return Object.fromEntries(desk.groups.map((g) => [g.kind, g.entries.map((e) => e.title).sort()]));
}

function entry(desk: Desk, kind: DeskKind, title: string): DeskEntry {
  const found = desk.groups.find((g) => g.kind === kind)?.entries.find((e) => e.title === title);
  if (!found) throw new Error(`no ${kind} entry ${title}`);
  return found;
}

describe('工作台', () => {
  it('shows each role exactly what awaits them, in their scope', async () => {
    env.clock.set('2026-12-01T02:00:00Z'); // a Tuesday
    const tree = await createTree(env.deps);
    const leaderPerson = await person(tree.root, '李副省长');
    await env.ownerQuery("update persons set is_leader = true, title = '副省长' where id = $1", [leaderPerson]);
    await env.ownerQuery('insert into leader_oversees (leader_id, unit_id) values ($1, $2)', [leaderPerson, tree.prefectureA]);
    const a = await person(tree.department, '王A角');
    const b = await person(tree.department, '李B角');
    await env.ownerQuery(
      "insert into posts (id, unit_id, name, primary_holder_id, backup_holder_id, created_at, updated_at) values (gen_random_uuid(), $1, '承办人', $2, $3, now(), now())",
      [tree.department, a, b],
    );
    const supervisor = await account(tree.root, ['supervisor']);
    const leader = await account(tree.root, ['government_leader'], leaderPerson);
    const handlerA = await account(tree.department, ['unit_handler'], a);
    const handlerB = await account(tree.department, ['unit_handler'], b);
    const unitLeader = await account(tree.department, ['unit_leader'], await person(tree.department, '赵处长'));
    const countyHandler = await account(tree.countyB1, ['unit_handler']);

    const item = async (title: string, extra: object = {}, steps: object[] = [{ action: 'assign' }]) => {
      const created = await send(supervisor, 'POST', '/api/tasks', {
        title,
        source: 'document',
        content: '内容',
        leadUnitId: tree.department,
        deadline: '2026-12-31',
        ...extra,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<Task>().id;
      for (const step of steps) {
        const who = ['assign', 'send_back', 'submit_for_approval'].includes((step as { action: string }).action) ? supervisor : handlerA;
        const res = await send(who, 'POST', `/api/tasks/${id}/transitions`, await withCompletionProof(env, who, id, step));
        expect(res.statusCode, res.body).toBe(200);
      }
      return id;
    };
    const inProgress = [{ action: 'assign' }, { action: 'accept' }, { action: 'start', handlerId: a }];

    await item('待签收事项');
    const handledByA = await item('王A角承办事项', {}, inProgress);
    const weekly = await item('每周报送事项', { reportingFrequency: 'weekly' }, inProgress);
    const asked = [...inProgress, { action: 'request_completion', summary: '已完成。' }];
    await item('申请办结事项', {}, asked);
    await item('退回重办事项', {}, [...asked, { action: 'send_back', reason: '材料不全' }]);
    const returned = await item('进展被退回事项', {}, inProgress);
    const extended = await item('延期申请事项', { responsibleLeaderId: leaderPerson }, [{ action: 'assign' }, { action: 'accept' }]);
    await item('待领导审批事项', { responsibleLeaderId: leaderPerson }, [{ action: 'submit_for_approval' }]);
    await item('拟办事项', {}, []);
    const redInA = await item('甲一县红灯事项', { leadUnitId: tree.countyA1 });
    const redInB = await item('乙一县红灯事项', { leadUnitId: tree.countyB1 });

    const report = await send(handlerA, 'POST', `/api/tasks/${returned}/reports`, { periodLabel: '2026年12月', done: '进展', percent: 10 });
    expect(report.statusCode, report.body).toBe(201);
    const review = await send(supervisor, 'POST', `/api/reports/${report.json<{ id: string }>().id}/review`, {
      accept: false,
      reason: '请补充数据',
    });
    expect(review.statusCode, review.body).toBe(200);
    const ask = await send(handlerA, 'POST', `/api/tasks/${extended}/extensions`, {
      reason: '需等待资金',
      progress: '已完成设计',
      newDeadline: '2027-02-26',
    });
    expect(ask.statusCode, ask.body).toBe(201);
    const coordination = await send(handlerA, 'POST', `/api/tasks/${handledByA}/coordination`, {
      subject: '请协调用地',
      detail: '需自然资源厅配合',
    });
    expect(coordination.statusCode, coordination.body).toBe(200);
    const instruction = await send(leader, 'POST', `/api/tasks/${weekly}/instructions`, { text: '请加快进度。' });
    expect(instruction.statusCode, instruction.body).toBe(201);
    await env.ownerQuery('update tasks set warning_level = 2 where id in ($1, $2)', [redInA, redInB]);

    // The unit's handler: 签收, 退回重办, reports due, the step after 签收, and the leader's new 批示.
    const unitDesk = {
      sign_for: ['待签收事项'],
      redo: ['进展被退回事项', '退回重办事项'],
      report_due: ['每周报送事项'],
      next_step: ['延期申请事项'],
      instruction: ['每周报送事项'],
    };
    const deskA = await deskOf(handlerA);
    expect(titles(deskA)).toEqual(unitDesk);
    expect(deskA.groups.map((g) => g.kind)).toEqual(['sign_for', 'redo', 'report_due', 'next_step', 'instruction']);
    expect(entry(deskA, 'sign_for', '待签收事项')).toMatchObject({ action: 'accept', workingDaysLeft: 2, dueDate: '2026-12-03', light: 0 });
    expect(entry(deskA, 'redo', '退回重办事项')).toMatchObject({ reason: 'send_back', action: 'request_completion' });
    expect(entry(deskA, 'redo', '进展被退回事项')).toMatchObject({ reason: 'report', action: null });
    expect(entry(deskA, 'report_due', '每周报送事项')).toMatchObject({ dueDate: '2026-12-08', workingDaysLeft: 5 });
    expect(entry(deskA, 'next_step', '延期申请事项').action).toBe('start');
    expect(entry(deskA, 'instruction', '每周报送事项')).toMatchObject({ note: '请加快进度。', standsInFor: null });

    // The unit's leader also decides the 延期申请 at their step.
    expect(titles(await deskOf(unitLeader))).toEqual({ ...unitDesk, approval: ['延期申请事项'] });

    // A is away: B sees A's items, marked 代A角办理; A's own desk is unchanged.
    const away = await send(unitLeader, 'PUT', `/api/persons/${a}/absence`, { from: '2026-12-01', until: '2026-12-10', reason: '出差' });
    expect(away.statusCode, away.body).toBe(200);
    const deskB = await deskOf(handlerB);
    expect(titles(deskB)).toEqual({
      ...unitDesk,
      standing_in: ['每周报送事项', '王A角承办事项', '申请办结事项', '进展被退回事项', '退回重办事项'],
    });
    expect(entry(deskB, 'standing_in', '王A角承办事项').standsInFor).toBe('王A角');
    expect(entry(deskB, 'report_due', '每周报送事项').standsInFor).toBe('王A角');
    expect(entry(deskB, 'sign_for', '待签收事项').standsInFor).toBeNull();
    expect(titles(await deskOf(handlerA))).toEqual(unitDesk);

    // The 督查室: 申请办结 to decide, the open 协调请求, red items, and the draft to 交办.
    const deskS = await deskOf(supervisor);
    expect(titles(deskS)).toEqual({
      approval: ['申请办结事项'],
      warning: ['乙一县红灯事项', '甲一县红灯事项'],
      coordination: ['王A角承办事项'],
      next_step: ['拟办事项'],
    });
    expect(entry(deskS, 'approval', '申请办结事项')).toMatchObject({ reason: 'completion', action: 'approve_completion' });
    expect(entry(deskS, 'coordination', '王A角承办事项').note).toBe('请协调用地');
    expect(entry(deskS, 'next_step', '拟办事项').action).toBe('assign');
    expect(entry(deskS, 'warning', '甲一县红灯事项').light).toBe(2);

    // The leader: 待审批, red items in 分管 areas only (甲市, not 乙市), their 批示 with live status.
    const deskL = await deskOf(leader);
    expect(titles(deskL)).toEqual({
      approval: ['待领导审批事项'],
      oversight_red: ['甲一县红灯事项'],
      my_instruction: ['每周报送事项'],
    });
    expect(entry(deskL, 'approval', '待领导审批事项')).toMatchObject({ reason: 'assignment', action: 'approve_assignment' });
    expect(entry(deskL, 'my_instruction', '每周报送事项')).toMatchObject({ status: 'in_progress', note: '请加快进度。' });

    // A county's handler sees its own item only.
    expect(titles(await deskOf(countyHandler))).toEqual({ sign_for: ['乙一县红灯事项'], warning: ['乙一县红灯事项'] });

    // Once signed for, the item leaves 签收 for the next step (and its light is recomputed) — the desk follows the lifecycle.
    expect((await send(countyHandler, 'POST', `/api/tasks/${redInB}/transitions`, { action: 'accept' })).statusCode).toBe(200);
    expect(titles(await deskOf(countyHandler))).toEqual({ next_step: ['乙一县红灯事项'] });
  });

  it('caps each group and still counts all', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const tree = await createTree(env.deps);
    const supervisor = await account(tree.root, ['supervisor']);
    const handler = await account(tree.countyA2, ['unit_handler']);
    for (let i = 0; i < 22; i++) {
      const created = await send(supervisor, 'POST', '/api/tasks', {
        title: `批量事项${i}`,
        source: 'document',
        content: '内容',
        leadUnitId: tree.countyA2,
        deadline: '2026-12-31',
      });
      await send(supervisor, 'POST', `/api/tasks/${created.json<Task>().id}/transitions`, { action: 'assign' });
    }
    const group = (await deskOf(handler)).groups.find((g) => g.kind === 'sign_for');
    expect(group?.total).toBe(22);
    expect(group?.entries).toHaveLength(20);
  });
});
