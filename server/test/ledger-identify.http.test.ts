/**
 * Lists that identify and tell the truth (issue 13 items 5 and 6): items of two governments with the same running
 * number read differently (their prefixes), sub-items carry their parent's number (six sub-items share the parent's
 * title), the ledger shows the newest report's 本期进展, and an overdue item says by how many working days — in the
 * ledger and on the item, the same count.
 */
import type { LedgerPage, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
let tree: TestTree;
let province: Session;
let prefecture: Session;
let unit: Session;
beforeAll(async () => {
  env = await startTestEnv();
  tree = await createTree(env.deps);
  province = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  prefecture = await signIn(env, await createUser(env.deps, tree.prefectureA, ['supervisor']));
  unit = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
  // The test tree is named like 测试省人民政府-…; give the 州市 a real government's name so its prefix is its own.
  await env.ownerQuery("update units set name = '甲州市人民政府' || substr(name, 7) where id = $1", [tree.prefectureA]);
});
afterAll(async () => {
  await env.close();
});

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  env.app.inject({ method, url, ...(payload ? { payload } : {}), headers: authHeaders(s) });
async function register(s: Session, title: string, leadUnitId: string, extra: object = {}): Promise<Task> {
  const res = await call(s, 'POST', '/api/tasks', { title, source: 'document', content: '内容', leadUnitId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}
async function ledger(s: Session, query: string): Promise<LedgerPage> {
  const res = await call(s, 'GET', `/api/ledger?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LedgerPage>();
}

describe('numbers that identify', () => {
  it('gives two governments’ first items different numbers, and sub-items their parent’s number', async () => {
    const own = await register(province, '识别-省级事项', tree.department, { deadline: '2026-06-30' });
    const local = await register(prefecture, '识别-州市事项', tree.countyA1);
    expect(own.serialNumber).toMatch(/^测督〔2026〕\d+号$/);
    expect(local.serialNumber).toMatch(/^甲督〔2026〕\d+号$/);

    expect((await call(province, 'POST', `/api/tasks/${own.id}/transitions`, { action: 'assign' })).statusCode).toBe(200);
    const split = await call(province, 'POST', `/api/tasks/${own.id}/subtasks`, {
      items: [{ leadUnitId: tree.prefectureA }, { leadUnitId: tree.prefectureB }],
    });
    expect(split.statusCode, split.body).toBe(201);
    const rows = (await ledger(province, `parentId=${own.id}`)).items;
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.parentSerialNumber)).toEqual([own.serialNumber, own.serialNumber]);
    expect(new Set(rows.map((r) => r.leadUnitName)).size).toBe(2);
    const listed = (await call(province, 'GET', `/api/tasks?parentId=${own.id}`)).json<{ items: Task[] }>().items;
    expect(listed.map((t) => t.parentSerialNumber)).toEqual([own.serialNumber, own.serialNumber]);
    expect((await ledger(province, 'q=识别-省级事项&topLevelOnly=true')).items[0]?.parentSerialNumber).toBeNull();
  });
});

describe('small untruths', () => {
  it('shows the newest report’s text and counts overdue in working days, the same in the ledger and on the item', async () => {
    const item = await register(province, '识别-逾期事项', tree.department, { deadline: '2026-03-31' });
    for (const action of ['assign']) {
      expect((await call(province, 'POST', `/api/tasks/${item.id}/transitions`, { action })).statusCode).toBe(200);
    }
    expect((await call(unit, 'POST', `/api/tasks/${item.id}/transitions`, { action: 'accept' })).statusCode).toBe(200);
    for (const done of ['第一期：完成摸底。', '第二期：完成 12 所学校改造。']) {
      const res = await call(unit, 'POST', `/api/tasks/${item.id}/reports`, {
        periodLabel: '2026年3月',
        done,
        percent: 30,
        attachmentIds: [],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // The clock stands at Monday 2026-03-02; a deadline of Friday 2026-02-27 is one working day past.
    await env.ownerQuery("update tasks set deadline = '2026-02-27' where id = $1", [item.id]);
    const [row] = (await ledger(province, 'q=识别-逾期事项')).items;
    expect(row).toMatchObject({ lastReportText: '第二期：完成 12 所学校改造。', overdueWorkingDays: 1 });
    const page = (await call(unit, 'GET', `/api/tasks/${item.id}`)).json<Task>();
    expect(page.overdueWorkingDays).toBe(1);
    const other = (await ledger(province, 'q=识别-省级事项&topLevelOnly=true')).items[0];
    expect(other).toMatchObject({ lastReportText: null, overdueWorkingDays: null });
  });
});
