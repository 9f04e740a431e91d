/**
 * 落实到岗位、落实到人 with A角/B角 (R3): an item is given to a 承办人; when A is marked absent, B finds it in
 * "我承办的" at once and can act on it; the deadline never stops; when A is back, it is A's again.
 */
import type { Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, withCompletionProof } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

async function person(unitId: string, name: string): Promise<string> {
  const [row] = await env.ownerQuery(
    'insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, $2, now(), now()) returning id',
    [unitId, name],
  );
  return String(row?.id);
}

async function accountFor(unitId: string, personId: string, roles: ('unit_handler' | 'unit_leader')[]): Promise<Session> {
  const user = await createUser(env.deps, unitId, roles);
  await env.ownerQuery('update users set person_id = $1 where id = $2', [personId, user.id]);
  return signIn(env, user);
}

const mine = async (s: Session) =>
  (await env.app.inject({ method: 'GET', url: '/api/tasks?mine=true', headers: authHeaders(s) }))
    .json<{ items: Task[] }>()
    .items.map((t) => t.id);

describe('A角/B角', () => {
  it('B takes over A’s items at once while A is away, and hands them back after', async () => {
    const tree = await createTree(env.deps);
    const a = await person(tree.department, '王A角');
    const b = await person(tree.department, '李B角');
    await env.ownerQuery(
      "insert into posts (id, unit_id, name, primary_holder_id, backup_holder_id, created_at, updated_at) values (gen_random_uuid(), $1, '承办人', $2, $3, now(), now())",
      [tree.department, a, b],
    );
    const userA = await accountFor(tree.department, a, ['unit_handler']);
    const userB = await accountFor(tree.department, b, ['unit_handler']);
    const leader = await accountFor(tree.department, await person(tree.department, '赵处长'), ['unit_leader']);
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: authHeaders(supervisor),
      payload: { title: 'AB角测试事项', source: 'document', content: '内容', leadUnitId: tree.department, deadline: '2026-12-31' },
    });
    const id = created.json<Task>().id;
    const act = async (s: Session, body: object) =>
      env.app.inject({
        method: 'POST',
        url: `/api/tasks/${id}/transitions`,
        headers: authHeaders(s),
        payload: await withCompletionProof(env, s, id, body),
      });
    await act(supervisor, { action: 'assign' });
    await act(userA, { action: 'accept' });
    expect((await act(userA, { action: 'start', handlerId: a })).json<Task>().handlerName).toBe('王A角');
    expect(await mine(userA)).toContain(id);
    expect(await mine(userB)).not.toContain(id);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(env.clock.now());
    const away = await env.app.inject({
      method: 'PUT',
      url: `/api/persons/${a}/absence`,
      headers: authHeaders(leader),
      payload: { from: today, until: '2099-01-01', reason: '出差' },
    });
    expect(away.statusCode, away.body).toBe(200);
    expect(await mine(userB)).toContain(id);
    const seenByB = (await env.app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers: authHeaders(userB) })).json<Task>();
    expect(seenByB.handlerAbsence).toEqual({ until: '2099-01-01', reason: '出差', backupId: b, backupName: '李B角' });
    expect(seenByB.deadline).toBe('2026-12-31');
    // The item's 时间线 says who is away until when, and who stands in.
    const timelineOf = async () =>
      (await env.app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers: authHeaders(userB) }))
        .json<{ timeline: { type: string; reason: string | null; data: unknown }[] }>()
        .timeline.filter((e) => e.type.startsWith('person_absence'));
    const [noted, ...others] = await timelineOf();
    expect(others).toEqual([]);
    expect(noted).toMatchObject({
      type: 'person_absence_set',
      reason: '出差',
      data: { personId: a, personName: '王A角', from: today, until: '2099-01-01', backupId: b, backupName: '李B角' },
    });
    const done = await act(userB, { action: 'request_completion', summary: 'B角代为申请办结。' });
    expect(done.json<Task>().status).toBe('completion_requested');

    const back = await env.app.inject({ method: 'DELETE', url: `/api/persons/${a}/absence`, headers: authHeaders(leader) });
    expect(back.statusCode).toBe(200);
    expect(await mine(userB)).not.toContain(id);
    expect(await mine(userA)).toContain(id);
    expect((await timelineOf()).map((e) => e.type)).toEqual(['person_absence_set', 'person_absence_cleared']);
    const audit = await env.ownerQuery(
      "select event_type from audit_events where object_id = $1 and event_type like 'person.absence%' order by id",
      [a],
    );
    expect(audit.map((r) => r.event_type)).toEqual(['person.absence_set', 'person.absence_cleared']);
  });

  it('refuses an absence that ends before it starts, and marking someone of another unit', async () => {
    const tree = await createTree(env.deps);
    const a = await person(tree.department, '王A角');
    const other = await accountFor(tree.countyA1, await person(tree.countyA1, '外单位'), ['unit_leader']);
    const leader = await accountFor(tree.department, await person(tree.department, '处长'), ['unit_leader']);
    const bad = await env.app.inject({
      method: 'PUT',
      url: `/api/persons/${a}/absence`,
      headers: authHeaders(leader),
      payload: { from: '2026-12-10', until: '2026-12-01', reason: '休假' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('until');
    const foreign = await env.app.inject({
      method: 'PUT',
      url: `/api/persons/${a}/absence`,
      headers: authHeaders(other),
      payload: { from: '2026-12-01', until: '2026-12-10', reason: '休假' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
