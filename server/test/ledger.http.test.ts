/**
 * 督查工作台账 (REQUIREMENTS S8): filters, sorting with keyset pages across ties, scope, strict query, counts per
 * warning colour, and saved views.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent, LedgerPage, LedgerRow, LedgerView, Task } from '@luoshi/contracts';
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
  tag: string;
  supervisor: Session;
  leaderId: string;
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  const leader = await env.ownerQuery(
    "insert into persons (id, unit_id, name, title, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, '李副省长', '副省长', true, now(), now()) returning id",
    [tree.root],
  );
  return { tree, tag: randomUUID().slice(0, 6), supervisor, leaderId: String(leader[0]?.id) };
}

function get(session: Session, url: string) {
  return env.app.inject({ method: 'GET', url, headers: authHeaders(session) });
}

function post(session: Session, url: string, payload: object) {
  return env.app.inject({ method: 'POST', url, payload, headers: authHeaders(session) });
}

async function register(c: Cast, title: string, overrides: object = {}): Promise<Task> {
  const res = await post(c.supervisor, '/api/tasks', {
    title: `${c.tag}${title}`,
    source: 'meeting_decision',
    content: `${title}的具体要求`,
    leadUnitId: c.tree.department,
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

async function setWarning(id: string, level: 0 | 1 | 2, reasons: object[] = []): Promise<void> {
  await env.ownerQuery('update tasks set warning_level = $2, warning_reasons = $3::jsonb where id = $1', [
    id,
    level,
    JSON.stringify(reasons),
  ]);
}

async function ledger(session: Session, query: string): Promise<LedgerPage> {
  const res = await get(session, `/api/ledger?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LedgerPage>();
}

const titles = (page: LedgerPage) => page.items.map((r) => r.title);

/** Every page of a query, following nextCursor. */
async function allPages(session: Session, query: string, limit: number): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await ledger(session, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    rows.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error('paging did not end');
}

describe('ledger rows', () => {
  it('shows the light row: names, cooperating units, leader, warning with its stored reasons', async () => {
    const c = await cast();
    const item = await register(c, '推进高标准农田建设', {
      cooperatingUnitIds: [c.tree.prefectureA, c.tree.prefectureB],
      responsibleLeaderId: c.leaderId,
      deadline: '2026-06-30',
      urgency: 'urgent',
    });
    await setWarning(item.id, 1, [{ code: 'deadline_near', level: 1, params: { days: 3 } }]);
    const page = await ledger(c.supervisor, `q=${c.tag}`);
    expect(page.items).toHaveLength(1);
    const row = page.items[0];
    expect(row).toMatchObject({
      id: item.id,
      serialNumber: item.serialNumber,
      source: 'meeting_decision',
      status: 'draft',
      urgency: 'urgent',
      deadline: '2026-06-30',
      leadUnitName: item.leadUnitName,
      responsibleLeaderName: '李副省长',
      handlerName: null,
      warningLevel: 'yellow',
      warningReasons: [{ code: 'deadline_near', level: 1, params: { days: 3 } }],
      depth: 0,
      parentId: null,
      urgeCount: 0,
      sendBackCount: 0,
      lastReportAt: null,
    });
    expect(row?.cooperatingUnitNames.sort()).toEqual(item.cooperatingUnits.map((u) => u.unitName).sort());
  });
});

describe('filters', () => {
  it('filters by source, several statuses, lead unit subtree, leader, deadline, created, 交办 and 办结 periods, parent and keyword', async () => {
    const c = await cast();
    const a = await register(c, '甲一县道路硬化', { leadUnitId: c.tree.countyA1, deadline: '2026-04-01', responsibleLeaderId: c.leaderId });
    const b = await register(c, '甲市学校建设', { leadUnitId: c.tree.prefectureA, deadline: '2026-05-01', source: 'work_report' });
    const d = await register(c, '乙一县饮水安全', { leadUnitId: c.tree.countyB1, deadline: '2026-06-01' });
    const e = await register(c, '教育厅课后服务', { deadline: '2026-07-01' });
    // Registered later: 2026-03-05 11:00 in Shanghai.
    await env.ownerQuery("update tasks set created_at = '2026-03-05T03:00:00Z' where id in ($1, $2)", [d.id, e.id]);
    await env.ownerQuery("update tasks set status = 'in_progress' where id = $1", [b.id]);
    await env.ownerQuery("update tasks set status = 'completed' where id = $1", [d.id]);
    await env.ownerQuery('update tasks set parent_id = $2, depth = 1 where id = $1', [e.id, a.id]);
    const q = `q=${c.tag}`;

    expect(titles(await ledger(c.supervisor, `${q}&source=work_report`))).toEqual([b.title]);
    expect(titles(await ledger(c.supervisor, `${q}&status=in_progress,completed`))).toEqual([b.title, d.title]);
    expect(titles(await ledger(c.supervisor, `${q}&status=in_progress&status=draft`))).toEqual([a.title, b.title, e.title]);
    expect(titles(await ledger(c.supervisor, `${q}&leadUnitId=${c.tree.prefectureA}`))).toEqual([a.title, b.title]);
    expect(titles(await ledger(c.supervisor, `${q}&responsibleLeaderId=${c.leaderId}`))).toEqual([a.title]);
    expect(titles(await ledger(c.supervisor, `${q}&deadlineFrom=2026-05-01&deadlineTo=2026-06-01`))).toEqual([b.title, d.title]);
    expect(titles(await ledger(c.supervisor, `${q}&createdFrom=2026-03-05&createdTo=2026-03-05`))).toEqual([d.title, e.title]);
    expect(titles(await ledger(c.supervisor, `${q}&createdTo=2026-03-04`))).toEqual([a.title, b.title]);
    // 交办 and 办结 periods (the cockpit's monthly figures link here): Shanghai dates, both ends included.
    await env.ownerQuery("update tasks set assigned_at = '2026-02-28T16:30:00Z', completed_at = '2026-03-31T15:59:00Z' where id = $1", [
      d.id,
    ]);
    expect(titles(await ledger(c.supervisor, `${q}&assignedFrom=2026-03-01&assignedTo=2026-03-31`))).toEqual([d.title]);
    expect(titles(await ledger(c.supervisor, `${q}&assignedTo=2026-02-28`))).toEqual([]);
    expect(titles(await ledger(c.supervisor, `${q}&completedFrom=2026-03-01&completedTo=2026-03-31`))).toEqual([d.title]);
    expect(titles(await ledger(c.supervisor, `${q}&completedFrom=2026-04-01`))).toEqual([]);
    expect(titles(await ledger(c.supervisor, `${q}&parentId=${a.id}`))).toEqual([e.title]);
    expect(titles(await ledger(c.supervisor, `${q}&topLevelOnly=true`))).toEqual([a.title, b.title, d.title]);
    // Keyword in Chinese: title, content and serial number.
    expect(titles(await ledger(c.supervisor, `q=${encodeURIComponent(`${c.tag}甲市学校`)}`))).toEqual([b.title]);
    const byContent = await ledger(c.supervisor, `q=${encodeURIComponent('饮水安全的具体要求')}&leadUnitId=${c.tree.countyB1}`);
    expect(titles(byContent)).toEqual([d.title]);
    const bySerial = await ledger(c.supervisor, `q=${encodeURIComponent(e.serialNumber)}`);
    expect(bySerial.items.map((r) => r.id)).toContain(e.id);
  });

  it('answers 400 for unknown filter fields, bad values and foreign cursors', async () => {
    const c = await cast();
    for (const query of ['colour=red', 'warning=purple', 'status=bogus', 'limit=101', 'deadlineFrom=2026-13-01', 'cursor=nonsense']) {
      const res = await get(c.supervisor, `/api/ledger?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    for (let i = 0; i < 3; i++) await register(c, `分页${i}`);
    const first = await ledger(c.supervisor, `q=${c.tag}&limit=1&sort=createdAt`);
    expect(first.nextCursor).toBeTruthy();
    const mixed = await get(c.supervisor, `/api/ledger?q=${c.tag}&limit=1&sort=deadline&cursor=${first.nextCursor ?? ''}`);
    expect(mixed.statusCode).toBe(400);
  });
});

describe('sorting and keyset pages', () => {
  it('pages through ties in every sort and order without skipping or repeating a row', async () => {
    const c = await cast();
    const made: Task[] = [];
    const deadlines = ['2026-05-01', '2026-05-01', null, '2026-04-01', '2026-05-01', null, '2026-06-01', '2026-04-01'];
    for (const [i, deadline] of deadlines.entries()) {
      env.clock.set(new Date(Date.parse('2026-03-02T01:00:00Z') + (i % 3) * 60_000)); // created_at ties as well
      made.push(await register(c, `排序${i}`, deadline ? { deadline } : {}));
    }
    env.clock.set('2026-03-02T01:00:00Z');
    const levels = [2, 0, 1, 2, 1, 0, 2, 1] as const;
    for (const [i, task] of made.entries()) await setWarning(task.id, levels[i] ?? 0);
    const rows = made.map((t, i) => ({
      id: t.id,
      deadline: deadlines[i] ?? null,
      level: levels[i] ?? 0,
      created: i % 3,
      seq: t.serialNumber,
    }));
    const seqOf = (s: string) => Number(/〔\d+〕(\d+)号/.exec(s)?.[1]);
    const cmp = (x: string | number | null, y: string | number | null, dir: 1 | -1) => {
      if (x === y) return 0;
      if (x === null) return 1; // nulls last either way
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    };
    const byId = (x: { id: string }, y: { id: string }, dir: 1 | -1) => (x.id < y.id ? -dir : dir);
    const expected: Record<string, (dir: 1 | -1) => string[]> = {
      deadline: (dir) => [...rows].sort((x, y) => cmp(x.deadline, y.deadline, dir) || byId(x, y, dir)).map((r) => r.id),
      createdAt: (dir) => [...rows].sort((x, y) => cmp(x.created, y.created, dir) || byId(x, y, dir)).map((r) => r.id),
      serialNumber: (dir) => [...rows].sort((x, y) => cmp(seqOf(x.seq), seqOf(y.seq), dir) || byId(x, y, dir)).map((r) => r.id),
      warningLevel: (dir) =>
        [...rows].sort((x, y) => cmp(x.level, y.level, dir) || cmp(x.deadline, y.deadline, 1) || byId(x, y, 1)).map((r) => r.id),
    };
    for (const [sort, order] of Object.entries(expected)) {
      for (const [name, dir] of [
        ['asc', 1],
        ['desc', -1],
      ] as const) {
        // Page sizes 1 and 3: cursors land on every row, including those without a deadline, and on colour boundaries.
        for (const limit of [1, 3]) {
          const paged = await allPages(c.supervisor, `q=${c.tag}&sort=${sort}&order=${name}`, limit);
          expect(
            paged.map((r) => r.id),
            `${sort} ${name} by ${limit}`,
          ).toEqual(order(dir));
        }
      }
    }
    // The default is the nearest deadline first, items without one last.
    const defaults = await ledger(c.supervisor, `q=${c.tag}`);
    expect(defaults.items.map((r) => r.deadline)).toEqual([
      '2026-04-01',
      '2026-04-01',
      '2026-05-01',
      '2026-05-01',
      '2026-05-01',
      '2026-06-01',
      null,
      null,
    ]);
    // Before 交办 an item without a date shows its time limit in working days (会议决定事项: 20 by default).
    expect(defaults.items.map((r) => r.deadlineWorkingDays)).toEqual([null, null, null, null, null, null, 20, 20]);
  });
});

describe('warning colours', () => {
  it('filters by colour and counts every colour for the same filter, ignoring the colour filter', async () => {
    const c = await cast();
    const items = await Promise.all([0, 1, 2, 3, 4].map((i) => register(c, `预警${i}`)));
    const [green, yellowA, yellowB, redA, redB] = items;
    if (!green || !yellowA || !yellowB || !redA || !redB) throw new Error('items missing');
    await setWarning(yellowA.id, 1);
    await setWarning(yellowB.id, 1);
    await setWarning(redA.id, 2, [{ code: 'deadline_overdue', level: 2, params: { days: 2, deadline: '2026-02-27' } }]);
    await setWarning(redB.id, 2);
    await env.ownerQuery("update tasks set source = 'work_report' where id = $1", [redB.id]);

    const red = await ledger(c.supervisor, `q=${c.tag}&warning=red`);
    expect(red.items.map((r) => r.id).sort()).toEqual([redA.id, redB.id].sort());
    expect(red.counts).toEqual({ green: 1, yellow: 2, red: 2, total: 5 });
    const several = await ledger(c.supervisor, `q=${c.tag}&warning=red,yellow`);
    expect(several.items).toHaveLength(4);
    const narrowed = await ledger(c.supervisor, `q=${c.tag}&source=meeting_decision&warning=green`);
    expect(narrowed.items.map((r) => r.id)).toEqual([green.id]);
    expect(narrowed.counts).toEqual({ green: 1, yellow: 2, red: 1, total: 4 });
  });
});

describe('scope', () => {
  it('shows a county user its own and cooperating items, never a sibling county’s, and 404s a foreign unit filter', async () => {
    const c = await cast();
    const own = await register(c, '甲一县事项', { leadUnitId: c.tree.countyA1 });
    const cooperating = await register(c, '甲一县配合事项', { leadUnitId: c.tree.department, cooperatingUnitIds: [c.tree.countyA1] });
    const sibling = await register(c, '甲二县事项', { leadUnitId: c.tree.countyA2 });
    await register(c, '乙一县事项', { leadUnitId: c.tree.countyB1 });
    const county = await signIn(env, await createUser(env.deps, c.tree.countyA1, ['unit_handler']));
    const seen = await ledger(county, `q=${c.tag}`);
    expect(seen.items.map((r) => r.id).sort()).toEqual([own.id, cooperating.id].sort());
    expect(seen.counts.total).toBe(2);
    const foreign = await get(county, `/api/ledger?leadUnitId=${c.tree.countyA2}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const byParent = await ledger(county, `parentId=${sibling.id}`);
    expect(byParent.items).toEqual([]);
  });
});

describe('saved views', () => {
  it('saves, lists, refuses a duplicate name with 409, deletes only the owner’s own, and audits', async () => {
    const c = await cast();
    const query = { status: ['in_progress'], warning: ['red'], leadUnitId: c.tree.department, sort: 'warningLevel', order: 'desc' };
    const created = await post(c.supervisor, '/api/ledger/views', { name: '红灯在办', query, columns: ['serialNumber', 'title'] });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json<LedgerView>();
    expect(view).toMatchObject({ name: '红灯在办', query, columns: ['serialNumber', 'title'] });

    const duplicate = await post(c.supervisor, '/api/ledger/views', { name: '红灯在办', query: {} });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('DUPLICATE');
    const invalid = await post(c.supervisor, '/api/ledger/views', { name: '坏视图', query: { colour: 'red' } });
    expect(invalid.statusCode).toBe(400);

    const listed = await get(c.supervisor, '/api/ledger/views');
    expect(listed.json<LedgerView[]>().map((v) => v.name)).toEqual(['红灯在办']);
    // Another user neither sees nor deletes it, and may use the same name.
    const other = await signIn(env, await createUser(env.deps, c.tree.root, ['supervisor']));
    expect((await get(other, '/api/ledger/views')).json()).toEqual([]);
    const foreignDelete = await env.app.inject({ method: 'DELETE', url: `/api/ledger/views/${view.id}`, headers: authHeaders(other) });
    expect(foreignDelete.statusCode).toBe(404);
    expect((await post(other, '/api/ledger/views', { name: '红灯在办', query: {} })).statusCode).toBe(201);

    const deleted = await env.app.inject({ method: 'DELETE', url: `/api/ledger/views/${view.id}`, headers: authHeaders(c.supervisor) });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await get(c.supervisor, '/api/ledger/views')).json()).toEqual([]);

    const audit = await env.ownerQuery(
      "select event_type from audit_events where object_id = $1 and event_type like 'ledger.%' order by id",
      [view.id],
    );
    expect(audit.map((r) => r.event_type)).toEqual(['ledger.view_saved', 'ledger.view_deleted'] satisfies AuditEvent['eventType'][]);
  });
});
