/**
 * 领导驾驶舱 (issue 4 item 6): counts by status, warning light, 州市, provincial department and month over items
 * registered and moved through their lifecycle by the task use cases, each reader seeing only their scope.
 */
import { taskStatusValues, type CockpitSummary, type Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthWindows } from '../src/modules/cockpit/cockpit.rules.js';
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

function post(session: Session, url: string, payload: object) {
  return env.app.inject({ method: 'POST', url, payload, headers: authHeaders(session) });
}

async function cockpitOf(session: Session): Promise<CockpitSummary> {
  const res = await env.app.inject({ method: 'GET', url: '/api/cockpit', headers: authHeaders(session) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CockpitSummary>();
}

interface World {
  tree: TestTree;
  supervisor: Session;
  /** The unit_handler of each lead unit, by unit id. */
  handlers: Map<string, Session>;
}

async function world(): Promise<World> {
  const tree = await createTree(env.deps);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  const handlers = new Map<string, Session>();
  for (const unitId of [tree.department, tree.prefectureA, tree.countyA1, tree.countyB1]) {
    handlers.set(unitId, await signIn(env, await createUser(env.deps, unitId, ['unit_handler'])));
  }
  return { tree, supervisor, handlers };
}

async function register(w: World, leadUnitId: string, title: string): Promise<Task> {
  const res = await post(w.supervisor, '/api/tasks', { title, source: 'work_report', content: `${title}：按期完成。`, leadUnitId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

async function act(session: Session, id: string, body: object): Promise<void> {
  const res = await post(session, `/api/tasks/${id}/transitions`, await withCompletionProof(env, session, id, body));
  expect(res.statusCode, res.body).toBe(200);
}

async function assign(w: World, leadUnitId: string, title: string): Promise<Task> {
  const item = await register(w, leadUnitId, title);
  await act(w.supervisor, item.id, { action: 'assign' });
  return item;
}

/** Takes an assigned item through 签收, 指定承办人, 申请办结 and 同意办结. */
async function complete(w: World, item: Task, leadUnitId: string): Promise<void> {
  const unit = w.handlers.get(leadUnitId);
  if (!unit) throw new Error('no handler for the lead unit');
  const person = await env.ownerQuery(
    "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '李承办', now(), now()) returning id",
    [leadUnitId],
  );
  await act(unit, item.id, { action: 'accept' });
  await act(unit, item.id, { action: 'start', handlerId: String(person[0]?.id) });
  await act(unit, item.id, { action: 'request_completion', summary: '已按期完成。' });
  await act(w.supervisor, item.id, { action: 'approve_completion' });
}

/** The light is computed by the warning job from dates; here it is set directly, as that job would. */
async function light(item: Task, level: 0 | 1 | 2): Promise<void> {
  await env.ownerQuery('update tasks set warning_level = $2 where id = $1', [item.id, level]);
}

const countOf = (summary: CockpitSummary, status: string) => summary.byStatus.find((s) => s.status === status)?.count;

describe('GET /api/cockpit', () => {
  it('counts a province by status, light, 州市, department and month', async () => {
    const w = await world();
    const { tree } = w;
    const deptItem = await assign(w, tree.department, '省直部门事项');
    await light(deptItem, 2);
    const countyItem = await assign(w, tree.countyA1, '甲一县事项');
    await act(w.handlers.get(tree.countyA1) as Session, countyItem.id, { action: 'accept' });
    await light(countyItem, 1);
    // 00:30 on 1 March in Shanghai is still 28 February in UTC: the month is Shanghai's.
    env.clock.set('2026-02-28T16:30:00Z');
    const doneItem = await assign(w, tree.prefectureA, '甲市事项');
    await complete(w, doneItem, tree.prefectureA);
    env.clock.set('2026-03-02T01:00:00Z');
    await assign(w, tree.countyB1, '乙一县事项');
    await register(w, tree.prefectureB, '拟办事项');

    const summary = await cockpitOf(w.supervisor);
    expect(summary.today).toBe('2026-03-02');
    expect(summary.total).toBe(4);
    expect(summary.open).toBe(3);
    expect(summary.completedThisYear).toBe(1);
    expect(countOf(summary, 'draft')).toBe(1);
    expect(countOf(summary, 'assigned')).toBe(2);
    expect(countOf(summary, 'accepted')).toBe(1);
    expect(countOf(summary, 'completed')).toBe(1);
    expect(summary.byStatus).toHaveLength(taskStatusValues.length);
    expect(summary.byWarning).toEqual({ green: 1, yellow: 1, red: 1 });

    const area = (unitId: string | null) => summary.byArea.find((a) => a.unitId === unitId);
    expect(area(tree.prefectureA)).toMatchObject({ kind: 'prefecture', total: 2, open: 1, yellow: 1, red: 0, completed: 1 });
    expect(area(tree.prefectureB)).toMatchObject({ kind: 'prefecture', total: 1, open: 1, yellow: 0, red: 0, completed: 0 });
    expect(area(null)).toMatchObject({ kind: 'provincial_departments', name: '省直部门', total: 1, open: 1, red: 1 });
    expect(summary.byArea.at(-1)?.kind).toBe('provincial_departments');
    expect(summary.byDepartment).toEqual([
      expect.objectContaining({ unitId: tree.department, total: 1, open: 1, yellow: 0, red: 1, completed: 0 }),
    ]);

    expect(summary.byMonth).toHaveLength(12);
    expect(summary.byMonth[0]?.month).toBe('2025-04');
    expect(summary.byMonth.at(-1)).toEqual({ month: '2026-03', assigned: 4, completed: 1 });
    expect(summary.byMonth.at(-2)).toEqual({ month: '2026-02', assigned: 0, completed: 0 });
  });

  it('shows a 州市 supervisor only their prefecture, and a county only its own items', async () => {
    const w = await world();
    const { tree } = w;
    await assign(w, tree.department, '省直部门事项');
    const a1 = await assign(w, tree.countyA1, '甲一县事项');
    await light(a1, 2);
    await assign(w, tree.prefectureA, '甲市事项');
    await assign(w, tree.countyB1, '乙一县事项');

    const prefecture = await signIn(env, await createUser(env.deps, tree.prefectureA, ['supervisor']));
    const a = await cockpitOf(prefecture);
    expect(a.total).toBe(2);
    expect(a.byWarning).toEqual({ green: 1, yellow: 0, red: 1 });
    expect(a.byArea).toEqual([expect.objectContaining({ unitId: tree.prefectureA, total: 2, open: 2, red: 1 })]);
    expect(a.byDepartment).toEqual([]);

    const county = await signIn(env, await createUser(env.deps, tree.countyB1, ['government_leader']));
    const b1 = await cockpitOf(county);
    expect(b1.total).toBe(1);
    expect(b1.byArea).toEqual([expect.objectContaining({ unitId: tree.prefectureB, total: 1, open: 1 })]);

    const elsewhere = await signIn(env, await createUser(env.deps, tree.countyA2, ['government_leader']));
    const empty = await cockpitOf(elsewhere);
    expect(empty.total).toBe(0);
    expect(empty.byArea).toEqual([]);
    expect(empty.byMonth.every((m) => m.assigned === 0 && m.completed === 0)).toBe(true);
  });

  it('lists every 州市 of the province on the map, also those without items, and the top 15 departments by 在办', async () => {
    const w = await world();
    const summary = await cockpitOf(w.supervisor);
    expect(summary.byArea.map((a) => a.unitId)).toEqual([w.tree.prefectureA, w.tree.prefectureB, null]);
    expect(summary.byArea.every((a) => a.total === 0)).toBe(true);

    const departments: string[] = [];
    for (let i = 0; i < 17; i++) {
      const rows = await env.ownerQuery(
        `insert into units (id, name, kind, division_code, parent_id, path, depth, sort_order)
         select gen_random_uuid(), '部门' || $2::text || '-' || substr(gen_random_uuid()::text, 1, 6), 'department', '990000', u.id, '', 1, $2::int
         from units u where u.id = $1 returning id`,
        [w.tree.root, i],
      );
      const id = String(rows[0]?.id);
      await env.ownerQuery("update units set path = (select path from units where id = $2) || $1 || '/' where id = $1", [id, w.tree.root]);
      departments.push(id);
    }
    // Department i leads i % 4 open items (and the others a draft each): the top 15 are the ones with the most.
    for (const [i, id] of departments.entries()) {
      for (let n = 0; n < i % 4; n++) await assign(w, id, `部门事项${i}-${n}`);
      if (i % 4 === 0) await register(w, id, `部门拟办${i}`);
    }
    const top = (await cockpitOf(w.supervisor)).byDepartment;
    expect(top).toHaveLength(15);
    expect(top.map((d) => d.open)).toEqual([3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0]);
    expect(top[0]?.unitId).toBe(departments[3]);
  });

  it('answers 401 without a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/cockpit' });
    expect(res.statusCode).toBe(401);
  });
});

describe('month windows', () => {
  it('are Shanghai calendar months, the current one last', () => {
    const windows = monthWindows(new Date('2026-12-31T16:30:00Z'), 12); // 00:30 on 1 January 2027 in Shanghai
    expect(windows.map((w) => w.month)).toEqual([
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(windows.at(-1)?.from.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(windows.at(-1)?.to.toISOString()).toBe('2027-01-31T16:00:00.000Z');
  });
});
