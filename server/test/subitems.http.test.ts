/**
 * 一级督一级 and 路线图 over HTTP (REQUIREMENTS S2, S4, S5): the province breaks an item down to two 州市, one 州市 breaks
 * its part down to two counties; reports at the leaves roll progress and the worst light up to the top; each level
 * sees its own subtree only; the parent cannot close with open sub-items unless waived with a reason; milestones
 * plan the trajectory, a passed milestone turns the light red, and a report naming it marks it reached.
 */
import type { MilestoneList, Roadmap, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMaintenance } from '../src/jobs/maintenance.js';
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

const post = (s: Session, url: string, payload: object) => env.app.inject({ method: 'POST', url, payload, headers: authHeaders(s) });
const get = (s: Session, url: string) => env.app.inject({ method: 'GET', url, headers: authHeaders(s) });
const act = async (s: Session, id: string, body: object) =>
  post(s, `/api/tasks/${id}/transitions`, await withCompletionProof(env, s, id, body));
const read = async (s: Session, id: string) => (await get(s, `/api/tasks/${id}`)).json<Task>();

interface Cast {
  tree: TestTree;
  province: Session;
  prefectureA: Session;
  handlers: Record<'department' | 'prefectureA' | 'prefectureB' | 'countyA1' | 'countyA2', Session>;
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const handler = async (unit: string) => signIn(env, await createUser(env.deps, unit, ['unit_handler']));
  return {
    tree,
    province: await signIn(env, await createUser(env.deps, tree.root, ['supervisor'])),
    prefectureA: await signIn(env, await createUser(env.deps, tree.prefectureA, ['supervisor'])),
    handlers: {
      department: await handler(tree.department),
      prefectureA: await handler(tree.prefectureA),
      prefectureB: await handler(tree.prefectureB),
      countyA1: await handler(tree.countyA1),
      countyA2: await handler(tree.countyA2),
    },
  };
}

async function personIn(unitId: string): Promise<string> {
  const rows = await env.ownerQuery(
    "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '承办人', now(), now()) returning id",
    [unitId],
  );
  return String(rows[0]?.id);
}

/** Accept, name a handler, and report `percent` as the lead unit of `id`. */
async function workOn(unit: Session, unitId: string, id: string, percent: number): Promise<void> {
  expect((await act(unit, id, { action: 'accept' })).statusCode).toBe(200);
  expect((await act(unit, id, { action: 'start', handlerId: await personIn(unitId) })).statusCode).toBe(200);
  const report = await post(unit, `/api/tasks/${id}/reports`, { periodLabel: '3月', done: '按计划推进', percent });
  expect(report.statusCode, report.body).toBe(201);
}

/** The province item (lead: the department), 交办 and in progress; broken down to both prefectures. */
async function programme(c: Cast) {
  const created = await post(c.province, '/api/tasks', {
    title: '推进义务教育薄弱环节改善',
    source: 'work_report',
    content: '全省完成薄弱学校改造。',
    leadUnitId: c.tree.department,
    deadline: '2026-06-30',
  });
  expect(created.statusCode, created.body).toBe(201);
  const parent = created.json<Task>();
  await act(c.province, parent.id, { action: 'assign' });
  const split = await post(c.province, `/api/tasks/${parent.id}/subtasks`, {
    items: [
      { leadUnitId: c.tree.prefectureA, weight: 3 },
      { leadUnitId: c.tree.prefectureB, deadline: '2026-05-29' },
    ],
  });
  expect(split.statusCode, split.body).toBe(201);
  const [a, b] = split.json<{ items: Task[] }>().items as [Task, Task];
  return { parent, a, b };
}

describe('breaking an item down, level by level', () => {
  it('creates numbered sub-items 交办 at once, inheriting the parent, deadlines no later than the parent’s', async () => {
    const c = await cast();
    const { parent, a, b } = await programme(c);
    expect(a).toMatchObject({ status: 'assigned', parentId: parent.id, depth: 1, title: parent.title, deadline: '2026-06-30', weight: 3 });
    expect(b).toMatchObject({ status: 'assigned', deadline: '2026-05-29', leadUnitId: c.tree.prefectureB });
    expect(a.serialNumber).not.toBe(parent.serialNumber);
    const afterSplit = await get(c.province, `/api/tasks/${parent.id}`);
    const detail = afterSplit.json<Task & { timeline: { type: string }[] }>();
    expect(detail).toMatchObject({ childCount: 2, openChildCount: 2 });
    expect(detail.timeline.at(-1)?.type).toBe('broken_down');
    const children = (await get(c.province, `/api/tasks?parentId=${parent.id}`)).json<{ items: Task[] }>().items;
    expect(children.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());

    const tooLate = await post(c.province, `/api/tasks/${parent.id}/subtasks`, {
      items: [{ leadUnitId: c.tree.countyB1, deadline: '2026-07-01' }],
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.code).toBe('TASK_SUBITEM_DEADLINE');
    expect((await read(c.province, parent.id)).childCount).toBe(2);
  });

  it('a 州市 breaks its part down to its counties; each county sees only its own item', async () => {
    const c = await cast();
    const { a } = await programme(c);
    const split = await post(c.prefectureA, `/api/tasks/${a.id}/subtasks`, {
      items: [{ leadUnitId: c.tree.countyA1 }, { leadUnitId: c.tree.countyA2 }],
    });
    expect(split.statusCode, split.body).toBe(201);
    const [a1, a2] = split.json<{ items: Task[] }>().items as [Task, Task];
    expect(a1).toMatchObject({ depth: 2, parentId: a.id, supervisingUnitId: c.tree.prefectureA, status: 'assigned' });
    expect((await get(c.handlers.countyA1, `/api/tasks/${a1.id}`)).statusCode).toBe(200);
    expect((await get(c.handlers.countyA1, `/api/tasks/${a2.id}`)).statusCode).toBe(404);
    expect((await get(c.handlers.countyA1, `/api/tasks/${a.id}`)).statusCode).toBe(404);
    // A county cannot break down anything, and a 州市 cannot break down the province's other part.
    expect((await post(c.handlers.countyA1, `/api/tasks/${a1.id}/subtasks`, { items: [{ leadUnitId: c.tree.countyA1 }] })).statusCode).toBe(
      403,
    );
    const tree = (await get(c.province, `/api/roadmap?parentId=${a.id}`)).json<Roadmap>();
    expect(tree.items.map((r) => r.id)).toEqual([a.id, a1.id, a2.id]);
    expect((await get(c.handlers.countyA1, `/api/roadmap?parentId=${a.id}`)).statusCode).toBe(404);
  });

  it('shows a cooperating unit the 推进图 of the item it may open (one rule of scope for the item and its roadmap)', async () => {
    const c = await cast();
    const created = await post(c.province, '/api/tasks', {
      title: '推进校园安全设施建设',
      source: 'work_report',
      content: '全省完成校园安全设施改造。',
      leadUnitId: c.tree.department,
      cooperatingUnitIds: [c.tree.countyA1],
      deadline: '2026-06-30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json<Task>();
    expect((await get(c.handlers.countyA1, `/api/tasks/${item.id}`)).statusCode).toBe(200);
    const roadmap = await get(c.handlers.countyA1, `/api/roadmap?parentId=${item.id}`);
    expect(roadmap.statusCode, roadmap.body).toBe(200);
    expect(roadmap.json<Roadmap>().items.map((r) => r.id)).toEqual([item.id]);
    expect((await get(c.handlers.countyA2, `/api/roadmap?parentId=${item.id}`)).statusCode).toBe(404);
  });

  it('rolls progress up by average, weight or status, and the worst light up to the top', async () => {
    const c = await cast();
    const { parent, a, b } = await programme(c);
    const split = await post(c.prefectureA, `/api/tasks/${a.id}/subtasks`, {
      items: [{ leadUnitId: c.tree.countyA1 }, { leadUnitId: c.tree.countyA2 }],
    });
    const [a1, a2] = split.json<{ items: Task[] }>().items as [Task, Task];
    await workOn(c.handlers.countyA1, c.tree.countyA1, a1.id, 80);
    await workOn(c.handlers.countyA2, c.tree.countyA2, a2.id, 40);
    expect((await read(c.province, a.id)).progressPercent).toBe(60);
    // The parent: A at 60 % (weight 3), B not reported yet.
    expect((await read(c.province, parent.id)).progressPercent).toBe(30);
    const current = await get(c.province, `/api/tasks/${parent.id}`);
    const weighted = await env.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${parent.id}`,
      payload: { rollupMode: 'weighted' },
      headers: { ...authHeaders(c.province), 'if-match': String(current.headers.etag) },
    });
    expect(weighted.statusCode, weighted.body).toBe(200);
    expect(weighted.json<Task>()).toMatchObject({ rollupMode: 'weighted', progressPercent: 45 });
    await workOn(c.handlers.prefectureB, c.tree.prefectureB, b.id, 20);
    expect((await read(c.province, parent.id)).progressPercent).toBe(50);
    await post(c.province, `/api/tasks/${parent.id}/subtasks`, { items: [{ leadUnitId: c.tree.countyB1 }], rollupMode: 'status' });
    expect((await read(c.province, parent.id)).progressPercent).toBe(0);

    // 2026-06-01: B's deadline (05-29) has passed; the daily refresh turns it red and the parent with it.
    env.clock.set('2026-06-01T01:00:00Z');
    try {
      const report = await runMaintenance(env.deps);
      expect(report.warningsRefreshed).toBeGreaterThanOrEqual(5);
      const province = await signIn(env, await createUser(env.deps, c.tree.root, ['supervisor']));
      const overdue = (await read(province, b.id)).warning;
      expect(overdue.colour).toBe('red');
      expect(overdue.reasons[0]).toMatchObject({ code: 'deadline_overdue', params: { deadline: '2026-05-29', days: 3 } });
      const top = await read(province, parent.id);
      expect(top.warning.colour).toBe('red');
      expect(top.warning.reasons.map((r) => r.code)).toContain('children_red');
      expect((await runMaintenance(env.deps)).warningsRefreshed).toBe(0);
    } finally {
      env.clock.set('2026-03-02T01:00:00Z');
    }
  });

  it('the parent cannot ask to close while sub-items are open, unless it waives them with a reason', async () => {
    const c = await cast();
    const { parent } = await programme(c);
    await act(c.handlers.department, parent.id, { action: 'accept' });
    await act(c.handlers.department, parent.id, { action: 'start', handlerId: await personIn(c.tree.department) });
    const blocked = await act(c.handlers.department, parent.id, { action: 'request_completion', summary: '已完成' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'TASK_CHILDREN_OPEN', message: expect.stringContaining('2 个子事项') });
    const noReason = await act(c.handlers.department, parent.id, {
      action: 'request_completion',
      summary: '已完成',
      waiveOpenChildren: true,
    });
    expect(noReason.statusCode).toBe(400);
    expect((await read(c.province, parent.id)).status).toBe('in_progress');
    const waived = await act(c.handlers.department, parent.id, {
      action: 'request_completion',
      summary: '已完成',
      waiveOpenChildren: true,
      reason: '乙市任务经省政府同意调整至明年实施',
    });
    expect(waived.statusCode, waived.body).toBe(200);
    expect(waived.json<{ timeline: { type: string; data: unknown }[] }>().timeline.at(-1)).toMatchObject({
      type: 'request_completion',
      data: { waiveOpenChildren: true },
    });
  });
});

describe('路线图: milestones', () => {
  it('plans milestones, turns the light red when one passes unreached, and a report naming it marks it reached', async () => {
    const c = await cast();
    const { b } = await programme(c);
    const unit = c.handlers.prefectureB;
    await workOn(unit, c.tree.prefectureB, b.id, 10);
    const late = await post(unit, `/api/tasks/${b.id}/milestones`, { title: '完成', plannedDate: '2026-06-01', plannedPercent: 100 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('MILESTONE_AFTER_DEADLINE');
    const added = await post(unit, `/api/tasks/${b.id}/milestones`, {
      title: '完成选址',
      goal: '确定改造学校名单',
      plannedDate: '2026-03-20',
      plannedPercent: 40,
      responsibleUnitId: c.tree.prefectureB,
    });
    expect(added.statusCode, added.body).toBe(201);
    const list = added.json<MilestoneList>();
    expect(list).toMatchObject({ canEdit: true, progressPercent: 10, items: [{ title: '完成选址', overdue: false, reachedAt: null }] });
    expect((await get(c.handlers.countyA1, `/api/tasks/${b.id}/milestones`)).statusCode).toBe(404);

    env.clock.set('2026-03-23T01:00:00Z');
    try {
      await runMaintenance(env.deps);
      const fresh = await signIn(env, await createUser(env.deps, c.tree.prefectureB, ['unit_handler']));
      const red = await read(fresh, b.id);
      expect(red.warning.colour).toBe('red');
      expect(red.warning.reasons[0]).toMatchObject({ code: 'milestone_overdue', params: { title: '完成选址' } });
      const report = await post(fresh, `/api/tasks/${b.id}/reports`, {
        periodLabel: '3月',
        done: '选址完成',
        percent: 45,
        milestone: '完成选址',
      });
      expect(report.statusCode, report.body).toBe(201);
      const after = (await get(fresh, `/api/tasks/${b.id}/milestones`)).json<MilestoneList>();
      expect(after.items[0]).toMatchObject({ overdue: false, reachedAt: expect.any(String) });
      expect((await read(fresh, b.id)).warning.colour).not.toBe('red');
      const removal = await env.app.inject({ method: 'DELETE', url: `/api/milestones/${after.items[0]?.id}`, headers: authHeaders(fresh) });
      expect(removal.statusCode).toBe(409);
      expect(removal.json().error.code).toBe('MILESTONE_REACHED');
    } finally {
      env.clock.set('2026-03-02T01:00:00Z');
    }
  });
});
