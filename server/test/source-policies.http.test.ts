/**
 * 办理时限与预警设置 (REQUIREMENTS S1, S4): the system administrator sets, per source type, the default 办结时限, the
 * 签收 limit and the yellow thresholds; new registrations take the new default, open items' lights follow the new
 * thresholds at the next housekeeping run, and only the system administrator may change them — audited.
 */
import { defaultEscalationWorkingDays, type Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMaintenance } from '../src/jobs/maintenance.js';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

const put = (s: Session, source: string, payload: object) =>
  env.app.inject({ method: 'PUT', url: `/api/source-policies/${source}`, payload, headers: authHeaders(s) });
const policy = { workingDays: 10, signForWorkingDays: 1, yellowWorkingDays: 60, yellowElapsedPercent: 90 };

describe('source policies', () => {
  it('the system administrator sets them; new items and open items’ lights follow; others may only read', async () => {
    const tree = await createTree(env.deps);
    const admin = await signIn(env, await createUser(env.deps, tree.root, ['system_admin']));
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const listed = await env.app.inject({ method: 'GET', url: '/api/source-policies', headers: authHeaders(supervisor) });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ source: string; workingDays: number }[]>().find((p) => p.source === 'leader_instruction')).toMatchObject({
      workingDays: 15,
      signForWorkingDays: 2,
      yellowWorkingDays: 3,
      yellowElapsedPercent: 90,
    });
    expect((await put(supervisor, 'leader_instruction', policy)).statusCode).toBe(403);
    const bad = await put(admin, 'leader_instruction', { ...policy, yellowElapsedPercent: 20 });
    expect(bad.statusCode).toBe(400);
    expect((await put(admin, 'no_such_source', policy)).statusCode).toBe(400);

    // An item assigned under the old thresholds: green (far from its deadline).
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/tasks',
      payload: { title: '阈值测试', source: 'leader_instruction', content: '内容', leadUnitId: tree.department, deadline: '2026-05-15' },
      headers: authHeaders(supervisor),
    });
    const id = created.json<Task>().id;
    await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${id}/transitions`,
      payload: { action: 'assign' },
      headers: authHeaders(supervisor),
    });

    const saved = await put(admin, 'leader_instruction', policy);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      source: 'leader_instruction',
      ...policy,
      reminderWorkingDays: [3, 1],
      escalationWorkingDays: defaultEscalationWorkingDays,
    });
    const audit = await env.ownerQuery(
      "select before, after from audit_events where event_type = 'settings.source_policy_changed' and object_id = 'leader_instruction'",
    );
    expect(audit[0]).toMatchObject({ before: { workingDays: 15 }, after: { workingDays: 10 } });

    await runMaintenance(env.deps);
    const item = await env.app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers: authHeaders(supervisor) });
    // Within 60 working days of the deadline now counts as yellow; 签收 is due after one working day.
    expect(item.json<Task>().warning).toMatchObject({ colour: 'yellow', reasons: [{ code: 'deadline_near' }] });
    expect(item.json<Task>().signForDue).toBe('2026-03-03');

    const next = await env.app.inject({
      method: 'POST',
      url: '/api/tasks',
      payload: { title: '新默认时限', source: 'leader_instruction', content: '内容', leadUnitId: tree.department },
      headers: authHeaders(supervisor),
    });
    expect(next.json<Task>().deadlineWorkingDays).toBe(10);
  });
});
