/**
 * The county-scale set, generated the way `npm run bench:data` does into the test database (PGlite in memory, or
 * PostgreSQL with TEST_DATABASE_URL), with foreign-key checks on: the rows must be consistent, shaped like a
 * province (skew, overdue share, sub-items), readable through the product's own API, and the product must still be
 * able to write — a report submitted over HTTP appends to the generated audit chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, signIn, startTestEnv, type Session, type TestEnv } from '../../server/test/harness.js';
import { prepareData } from '../../server/src/runtime.js';
import { generateBenchData, type GenerateResult } from './generate.js';
import { BENCH_ACCOUNTS, BENCH_PASSWORD } from './phase-users.js';
import { scales } from './scale.js';
import { refreshDerived, refreshStaleWarnings } from '../../server/src/modules/warnings/index.js';
import { loadCalendar } from '../../server/src/platform/calendar/calendar.service.js';
import { ManualClock } from '../../server/src/platform/clock.js';

let env: TestEnv;
let result: GenerateResult;

beforeAll(async () => {
  env = await startTestEnv();
  await prepareData(env.deps, false);
  result = await generateBenchData({ deps: env.deps, exec: env.ownerQuery, close: () => Promise.resolve() }, scales.county);
}, 180_000);

afterAll(async () => {
  await env?.close();
});

async function session(username: string): Promise<Session> {
  return signIn(env, { id: '', username, password: BENCH_PASSWORD });
}

describe('bench data, county scale', () => {
  it('has a province-shaped organisation, thousands of items with sub-items, and many reports and audit events per item', () => {
    const { counts, subItems, maxDepth } = result.summary;
    expect(counts.units).toBeGreaterThan(1_900);
    expect(counts.users).toBeGreaterThanOrEqual(scales.county.users);
    expect(counts.tasks).toBeGreaterThan(4_000);
    expect(counts.tasks).toBeLessThan(8_000);
    expect(subItems).toBeGreaterThan(counts.tasks / 3);
    expect(maxDepth).toBe(2);
    expect(counts.progress_reports).toBeGreaterThan(4 * counts.tasks);
    expect(counts.task_events).toBeGreaterThan(counts.progress_reports);
    // One audit event per timeline event, plus the product's own seed event.
    expect(counts.audit_events).toBeGreaterThan(counts.task_events);
  });

  it('is skewed and spread like real work: a few units lead most items, ~10 % overdue, every year and lifecycle stage present', () => {
    const { topPercentLeadShare, redShare, yellowShare, statuses, years } = result.summary;
    expect(topPercentLeadShare).toBeGreaterThan(0.3);
    expect(redShare).toBeGreaterThan(0.07);
    expect(redShare).toBeLessThan(0.13);
    expect(yellowShare).toBeGreaterThan(0);
    for (const status of [
      'draft',
      'assigned',
      'accepted',
      'in_progress',
      'completion_requested',
      'completed',
      'evaluated',
      'archived',
      'suspended',
      'terminated',
    ]) {
      expect(statuses[status] ?? 0, status).toBeGreaterThan(0);
    }
    expect(Object.keys(years)).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
  });

  it('serves the ledger, a keyword search and an item with its timeline through the product API', async () => {
    const ducha = await session(BENCH_ACCOUNTS.provinceSupervisor);
    const page = await env.app.inject({ method: 'GET', url: '/api/tasks?limit=50', headers: authHeaders(ducha) });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{ items: { id: string; title: string }[]; nextCursor: string | null }>();
    expect(body.items).toHaveLength(50);
    expect(body.nextCursor).not.toBeNull();

    const search = await env.app.inject({
      method: 'GET',
      url: `/api/tasks?limit=20&q=${encodeURIComponent('高标准农田')}`,
      headers: authHeaders(ducha),
    });
    expect(search.statusCode, search.body).toBe(200);
    const found = search.json<{ items: { title: string }[] }>().items;
    expect(found.length).toBeGreaterThan(0);
    for (const item of found) expect(item.title).toContain('高标准农田');

    const [archived] = await env.ownerQuery(`select id from tasks where status = 'archived' and depth = 0 order by serial_number limit 1`);
    const detail = await env.app.inject({ method: 'GET', url: `/api/tasks/${String(archived?.id)}`, headers: authHeaders(ducha) });
    expect(detail.statusCode, detail.body).toBe(200);
    const types = detail.json<{ timeline: { type: string }[] }>().timeline.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(['created', 'assign', 'accept', 'start']);
    expect(types).toContain('report_submitted');
    expect(types.at(-1)).toBe('archive');
  });

  it('lets the product append: a report submitted over HTTP links to the generated audit chain head', async () => {
    const [item] = await env.ownerQuery(
      `select t.id from tasks t join users u on u.username = $1 and u.scope_unit_id = t.lead_unit_id
       where t.status = 'in_progress' order by t.serial_number limit 1`,
      [BENCH_ACCOUNTS.departmentHandler],
    );
    expect(item).toBeDefined();
    // Signed in first: the sign-in's own audit event may land on the report's shard.
    const handler = await session(BENCH_ACCOUNTS.departmentHandler);
    const heads = new Map((await env.ownerQuery('select shard, seq, hash from audit_chain_heads')).map((h) => [Number(h.shard), h]));
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${String(item?.id)}/reports`,
      headers: authHeaders(handler),
      payload: { periodLabel: '2026年3月', done: '完成阶段性任务，已报送材料。', percent: 60 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const reportId = res.json<{ id: string }>().id;
    const [event] = await env.ownerQuery(`select chain_shard, chain_seq, prev_hash, hash from audit_events where object_id = $1`, [
      reportId,
    ]);
    const before = heads.get(Number(event?.chain_shard));
    expect(Number(event?.chain_seq)).toBe(Number(before?.seq) + 1);
    expect(event?.prev_hash).toBe(before?.hash);
    const [after] = await env.ownerQuery('select seq, hash from audit_chain_heads where shard = $1', [event?.chain_shard]);
    expect(after).toEqual({ seq: event?.chain_seq, hash: event?.hash });
  });

  it('refreshes the lights of a new day in batches exactly as item by item would, and keeps the kept counts exact', async () => {
    const [day] = await env.ownerQuery(`select (max(warning_on) + 7)::text as day from tasks`);
    const clock = new ManualClock(`${String(day?.day)}T06:00:00+08:00`);
    // A quarter of the programmes (top-level items with all their sub-items) are due; everything else was assessed
    // that day already — the item-by-item reference is slow on the embedded database.
    await env.ownerQuery(
      `with recursive due as (select id from tasks where parent_id is null and serial_seq % 4 = 0
         union all select c.id from tasks c join due on c.parent_id = due.id)
       update tasks set warning_on = $1::date where id not in (select id from due)`,
      [String(day?.day)],
    );
    const lights = async () =>
      (await env.ownerQuery(`select id, warning_level, warning_reasons, progress_percent, warning_on::text from tasks order by id`)).map(
        (r) => JSON.stringify(r),
      );
    await env.ownerQuery(
      `create temp table lights_before as select id, warning_level, warning_reasons, progress_percent, warning_on from tasks`,
    );
    const refreshed = await refreshStaleWarnings(env.deps.database.db, clock, 50);
    expect(refreshed).toBeGreaterThan(100);
    const batched = await lights();
    const [moved] = await env.ownerQuery(
      `select count(*)::int as n from tasks t join lights_before b using (id) where t.warning_level <> b.warning_level`,
    );
    expect(Number(moved?.n), 'a week later some lights must have changed').toBeGreaterThan(0);
    // The same day again, item by item through the per-write path (refreshDerived), from the same starting lights.
    await env.ownerQuery(`update tasks t set warning_level = b.warning_level, warning_reasons = b.warning_reasons,
      progress_percent = b.progress_percent, warning_on = b.warning_on from lights_before b where b.id = t.id`);
    const calendar = await loadCalendar(env.deps.database.db);
    const stale = await env.ownerQuery(
      `select id from tasks where (status in ('assigned', 'accepted', 'in_progress') or warning_level > 0) and warning_on < $1::date
       order by depth desc, id desc`,
      [String(day?.day)],
    );
    for (const { id } of stale) {
      await env.deps.database.db.transaction((tx) => refreshDerived(tx, clock, String(id), calendar, false));
    }
    const itemByItem = await lights();
    expect(batched.flatMap((row, i) => (row === itemByItem[i] ? [] : [`${row}\n${itemByItem[i]}`])).slice(0, 3)).toEqual([]);
    // The light changes went through the triggers: the kept colour counts still equal the items.
    const [drift] = await env.ownerQuery(`select count(*)::int as n from (
      (select unit_id, warning_level, sum(n)::int from task_tallies where kind = 'reach' group by 1, 2 having sum(n) <> 0
       except select unit_id, warning_level, count(*)::int from task_reach group by 1, 2)
      union all
      (select unit_id, warning_level, count(*)::int from task_reach group by 1, 2
       except select unit_id, warning_level, sum(n)::int from task_tallies where kind = 'reach' group by 1, 2 having sum(n) <> 0)) d`);
    expect(Number(drift?.n)).toBe(0);
  }, 180_000);
});
