/**
 * Who acts for a government (issue 13 item 7): when the lead unit is a 州市 or county government (一级督一级), its
 * 督查室 acts as 承办 by default — 签收, 指定承办人, 报送进展, 申请延期, 配合 and 协调, 分解, 申请办结 — is told of
 * the item, sees it on its desk, and the item says who acts. A 督查员 of another government is told who can act and
 * how to become that person, instead of "只有牵头单位可以报送".
 */
import type { Desk, Task, WhoActs } from '@luoshi/contracts';
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

async function ok(s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200) {
  const res = await send(s, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res;
}

async function person(unitId: string, name: string): Promise<string> {
  const [row] = await env.ownerQuery(
    'insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, $2, now(), now()) returning id',
    [unitId, name],
  );
  return String(row?.id);
}

async function account(unitId: string, roles: Parameters<typeof createUser>[2], name: string, personId?: string): Promise<Session> {
  const user = await createUser(env.deps, unitId, roles);
  await env.ownerQuery('update users set display_name = $1, person_id = $2 where id = $3', [name, personId ?? null, user.id]);
  return signIn(env, user);
}

const act = (s: Session, id: string, body: object, status = 200) =>
  withCompletionProof(env, s, id, body).then((b) =>
    send(s, 'POST', `/api/tasks/${id}/transitions`, b).then((res) => {
      expect(res.statusCode, res.body).toBe(status);
      return res;
    }),
  );

describe('a government as lead unit', () => {
  it('its 督查室 takes every lifecycle step as 承办, by default', async () => {
    env.clock.set('2026-12-01T02:00:00Z');
    const tree = await createTree(env.deps);
    const province = await account(tree.root, ['supervisor'], '省督查室');
    const cityOffice = await account(tree.prefectureA, ['supervisor'], '甲市督查员');
    const cityLeader = await account(tree.prefectureA, ['unit_leader'], '甲市政府秘书长');
    const otherCity = await account(tree.prefectureB, ['supervisor'], '乙市督查员');
    const countyOffice = await account(tree.countyA1, ['supervisor'], '甲一县督查员');
    const clerk = await person(tree.prefectureA, '甲市政府办张三');

    const created = await ok(
      province,
      'POST',
      '/api/tasks',
      {
        title: '甲市推进重点项目',
        source: 'work_report',
        content: '按期完成',
        leadUnitId: tree.prefectureA,
        cooperatingUnitIds: [tree.department],
        deadline: '2027-03-31',
      },
      201,
    );
    const id = created.json<Task>().id;
    await act(province, id, { action: 'assign' });

    // Told, on the desk, and the item says who acts.
    const inbox = await ok(cityOffice, 'GET', '/api/notifications');
    expect(inbox.json<{ items: { taskId: string; kind: string }[] }>().items).toContainEqual(
      expect.objectContaining({ taskId: id, kind: 'assigned' }),
    );
    const desk = (await ok(cityOffice, 'GET', '/api/desk')).json<Desk>();
    expect(desk.groups.find((g) => g.kind === 'sign_for')?.entries.map((e) => e.taskId)).toEqual([id]);
    const who = (await ok(cityOffice, 'GET', `/api/tasks/${id}/who-acts`)).json<WhoActs>();
    expect(who).toMatchObject({ governmentLead: true, handlerName: null, you: 'supervision_office' });
    expect(who.actors).toEqual(
      expect.arrayContaining([
        { name: '甲市督查员', kind: 'supervision_office' },
        { name: '甲市政府秘书长', kind: 'unit_staff' },
      ]),
    );
    expect((await ok(cityOffice, 'GET', `/api/tasks/${id}`)).json<Task>().allowedActions).toEqual(['accept', 'return']);

    // Another government's 督查员 sees nothing; a county under the city is told who acts and how to become one.
    expect((await send(otherCity, 'GET', `/api/tasks/${id}`)).statusCode).toBe(404);

    await act(cityOffice, id, { action: 'accept' });
    await act(cityOffice, id, { action: 'start', handlerId: clerk });
    await ok(cityOffice, 'POST', `/api/tasks/${id}/reports`, { periodLabel: '2026年12月', done: '已开工', percent: 20 }, 201);
    await ok(province, 'GET', `/api/tasks/${id}/reports`);
    const extension = await ok(
      cityOffice,
      'POST',
      `/api/tasks/${id}/extensions`,
      { reason: '征地未完成', progress: '已开工', newDeadline: '2027-04-30' },
      201,
    );
    // The government's leader takes the lead unit's step of the 延期申请, then the province's 督查室.
    const extensionId = extension.json<{ id: string }>().id;
    await ok(cityLeader, 'POST', `/api/extensions/${extensionId}/decision`, { approve: true });
    await ok(province, 'POST', `/api/extensions/${extensionId}/decision`, { approve: true });
    expect((await ok(cityOffice, 'GET', `/api/tasks/${id}`)).json<Task>().deadline).toBe('2027-04-30');

    // 配合 and 协调: the lead government's office sets the cooperating unit's duty and raises a 协调请求.
    await ok(cityOffice, 'PUT', `/api/tasks/${id}/cooperations/${tree.department}`, { duty: '落实资金', dueDate: '2027-01-31' });
    await ok(cityOffice, 'POST', `/api/tasks/${id}/coordination`, { subject: '请协调用地', detail: '需省自然资源厅支持' });

    // 分解 to a county: the county's own 督查室 acts as 承办 of its part; the city's 督查室 supervises it.
    const split = await ok(
      cityOffice,
      'POST',
      `/api/tasks/${id}/subtasks`,
      { items: [{ leadUnitId: tree.countyA1 }], assignNow: true },
      201,
    );
    const sub = split.json<{ items: Task[] }>().items[0]!.id;
    const refused = await send(cityOffice, 'POST', `/api/tasks/${sub}/transitions`, { action: 'accept' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.messages['zh-CN']).toContain(
      '牵头政府的督查员可以执行；如需由您办理，请牵头单位负责人或督查室把您指定为承办人',
    );
    expect(refused.json().error.messages.en).toContain("ask the lead unit's leader or supervision office to name you as handler");
    const cityReport = await send(cityOffice, 'POST', `/api/tasks/${sub}/reports`, {
      periodLabel: '2026年12月',
      done: '越位报送',
      percent: 5,
    });
    expect(cityReport.statusCode).toBe(409);
    expect(cityReport.json().error.messages['zh-CN']).toContain('如需由您报送');
    await act(countyOffice, sub, { action: 'accept' });
    await act(countyOffice, sub, { action: 'start', handlerId: await person(tree.countyA1, '甲一县李四') });
    await ok(countyOffice, 'POST', `/api/tasks/${sub}/reports`, { periodLabel: '2026年12月', done: '完成', percent: 100 }, 201);
    await act(countyOffice, sub, { action: 'request_completion', summary: '已完成。' });
    await act(cityOffice, sub, { action: 'approve_completion' });

    await act(cityOffice, id, { action: 'request_completion', summary: '全部完成。' });
    await act(province, id, { action: 'approve_completion' });
    expect((await ok(province, 'GET', `/api/tasks/${id}`)).json<Task>().status).toBe('completed');
  });

  it('the 承办人 the government names acts for it; the supervising government’s own items stay with its units', async () => {
    const tree = await createTree(env.deps);
    const province = await account(tree.root, ['supervisor'], '省督查室');
    const cityOffice = await account(tree.prefectureA, ['supervisor'], '甲市督查员');
    const officerPerson = await person(tree.prefectureA, '甲市督查员王五');
    const officer = await account(tree.prefectureA, ['supervisor'], '甲市督查员王五', officerPerson);
    const created = await ok(
      province,
      'POST',
      '/api/tasks',
      { title: '甲市事项', source: 'document', content: '内容', leadUnitId: tree.prefectureA, deadline: '2027-03-31' },
      201,
    );
    const id = created.json<Task>().id;
    await act(province, id, { action: 'assign' });
    await act(cityOffice, id, { action: 'accept' });
    await act(cityOffice, id, { action: 'start', handlerId: officerPerson });
    const who = (await ok(officer, 'GET', `/api/tasks/${id}/who-acts`)).json<WhoActs>();
    expect(who).toMatchObject({ handlerName: '甲市督查员王五', you: 'handler' });

    // An item of the city's own 督查室 led by the city itself: the office supervises; it does not also sign for it.
    const own = await ok(
      cityOffice,
      'POST',
      '/api/tasks',
      { title: '市本级事项', source: 'document', content: '内容', leadUnitId: tree.prefectureA },
      201,
    );
    const ownId = own.json<Task>().id;
    await act(cityOffice, ownId, { action: 'assign' });
    expect((await ok(cityOffice, 'GET', `/api/tasks/${ownId}`)).json<Task>().allowedActions).not.toContain('accept');
    expect((await ok(cityOffice, 'GET', `/api/tasks/${ownId}/who-acts`)).json<WhoActs>()).toMatchObject({
      governmentLead: false,
      you: null,
    });
  });
});
