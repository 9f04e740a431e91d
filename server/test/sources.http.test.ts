/**
 * 督办事项来源 and item numbering as data (issue 11 item 5): every signed-in user reads the source registry (seeded with
 * the sources the code enum had, same codes, names and defaults); the system administrator adds and edits sources and
 * sets a government's number pattern — audited; a new item takes its source's default 办结时限 and its government's
 * pattern, and an unknown or inactive source is refused with SOURCE_UNKNOWN.
 */
import type { ErrorBody, NumberPatternSetting, Source, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
let tree: TestTree;
let admin: Session;
let supervisor: Session;
beforeAll(async () => {
  env = await startTestEnv();
  tree = await createTree(env.deps);
  admin = await signIn(env, await createUser(env.deps, tree.root, ['system_admin']));
  supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
});
afterAll(async () => {
  await env.close();
});

const call = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  env.app.inject({ method, url, ...(payload ? { payload } : {}), headers: authHeaders(s) });
const register = (source: string, extra: object = {}) =>
  call(supervisor, 'POST', '/api/tasks', { title: `来源测试-${source}`, source, content: '内容', leadUnitId: tree.department, ...extra });
const errorOf = (res: { json: <T>() => T }) => res.json<ErrorBody>().error;
const auditOf = (eventType: string, objectId: string) =>
  env.ownerQuery('select before, after from audit_events where event_type = $1 and object_id = $2', [eventType, objectId]);

describe('source registry', () => {
  it('lists the seeded sources to any signed-in user, with the enum’s codes, names and defaults', async () => {
    const handler = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    const res = await call(handler, 'GET', '/api/sources');
    expect(res.statusCode, res.body).toBe(200);
    const sources = res.json<Source[]>();
    // The meetings module registers its own source (会议决定文件制发) as data, next to 会议决定事项.
    expect(sources.find((s) => s.code === 'meeting_document')?.active).toBe(true);
    expect(
      sources
        .filter((s) => s.code !== 'meeting_document')
        .slice(0, 10)
        .map((s) => s.code),
    ).toEqual([
      'meeting_decision',
      'leader_instruction',
      'work_report',
      'document',
      'superior_assignment',
      'npc_suggestion',
      'cppcc_proposal',
      'audit_finding',
      'media_report',
      'public_complaint',
    ]);
    expect(sources.find((s) => s.code === 'leader_instruction')).toMatchObject({
      name: { 'zh-CN': '领导批示', en: 'Leader instruction' },
      shortCode: '批',
      active: true,
      workingDays: 15,
      signForWorkingDays: 2,
    });
    // The coming modules' sources are there, waiting for their modules.
    expect(sources.filter((s) => !s.active).map((s) => s.code)).toEqual(['inspection_campaign', 'first_inquiry', 'coordination_body']);
  });

  it('the system administrator adds a source; items registered with it take its default deadline', async () => {
    const body = {
      code: 'provincial_key_task',
      name: { 'zh-CN': '省级重点任务', en: 'Provincial key task' },
      shortCode: '重',
      workingDays: 7,
    };
    expect((await call(supervisor, 'POST', '/api/sources', body)).statusCode).toBe(403);
    const taken = await call(admin, 'POST', '/api/sources', { ...body, code: 'leader_instruction' });
    expect(taken.statusCode).toBe(409);
    expect(errorOf(taken).code).toBe('SOURCE_CODE_TAKEN');
    expect((await call(admin, 'POST', '/api/sources', { ...body, code: 'Bad Code' })).statusCode).toBe(400);

    const created = await call(admin, 'POST', '/api/sources', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Source>()).toMatchObject({ ...body, active: true, signForWorkingDays: 2, yellowElapsedPercent: 90 });
    expect((await call(supervisor, 'GET', '/api/sources')).json<Source[]>().at(-1)?.code).toBe('provincial_key_task');
    expect(await auditOf('settings.source_created', 'provincial_key_task')).toMatchObject([{ before: null, after: { workingDays: 7 } }]);

    const item = await register('provincial_key_task');
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json<Task>()).toMatchObject({ source: 'provincial_key_task', deadlineWorkingDays: 7 });
  });

  it('refuses an unknown or inactive source on registration with SOURCE_UNKNOWN naming the field', async () => {
    const unknown = await register('no_such_source');
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(errorOf(unknown)).toMatchObject({ code: 'SOURCE_UNKNOWN', fields: [{ path: 'source' }] });

    expect((await register('first_inquiry')).statusCode).toBe(400);
    const edited = await call(admin, 'PATCH', '/api/sources/first_inquiry', { active: true, shortCode: '首问', workingDays: 3 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<Source>()).toMatchObject({ code: 'first_inquiry', active: true, shortCode: '首问', workingDays: 3 });
    expect(await auditOf('settings.source_changed', 'first_inquiry')).toMatchObject([
      { before: { active: false, workingDays: 5 }, after: { active: true, workingDays: 3 } },
    ]);
    const item = await register('first_inquiry');
    expect(item.statusCode, item.body).toBe(201);
    expect(item.json<Task>().deadlineWorkingDays).toBe(3);

    expect((await call(supervisor, 'PATCH', '/api/sources/first_inquiry', { active: false })).statusCode).toBe(403);
    const missing = await call(admin, 'PATCH', '/api/sources/no_such_source', { active: false });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).code).toBe('SOURCE_UNKNOWN');
  });
  it('a deactivated source stays on its items: their sub-items keep it, new items cannot take it', async () => {
    const parent = (await register('provincial_key_task')).json<Task>();
    expect((await call(supervisor, 'POST', `/api/tasks/${parent.id}/transitions`, { action: 'assign' })).statusCode).toBe(200);
    expect((await call(admin, 'PATCH', '/api/sources/provincial_key_task', { active: false })).statusCode).toBe(200);
    const split = await call(supervisor, 'POST', `/api/tasks/${parent.id}/subtasks`, { items: [{ leadUnitId: tree.prefectureA }] });
    expect(split.statusCode, split.body).toBe(201);
    const children = await call(supervisor, 'GET', `/api/tasks?parentId=${parent.id}`);
    expect(children.json<{ items: Task[] }>().items.map((t) => t.source)).toEqual(['provincial_key_task']);
    expect(errorOf(await register('provincial_key_task')).code).toBe('SOURCE_UNKNOWN');
  });
});

describe('item number pattern', () => {
  it('the system administrator sets a government’s pattern; its next item is numbered by it', async () => {
    const before = await register('document');
    // The default carries the government's own prefix (the test tree's province is 测试省人民政府-…: 测).
    expect(before.json<Task>().serialNumber).toMatch(/^测督〔2026〕\d+号$/);
    const seq = Number(/〔2026〕(\d+)号/.exec(before.json<Task>().serialNumber)?.[1]);

    const listed = await call(admin, 'GET', '/api/number-patterns');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<NumberPatternSetting[]>().find((p) => p.unitId === tree.root)).toMatchObject({
      pattern: '{unit}督〔{year}〕{seq}号',
      isDefault: true,
      numberPrefix: '测',
    });

    const url = `/api/number-patterns/${tree.root}`;
    const pattern = '{short}督〔{year}〕第{seq}号';
    expect((await call(supervisor, 'PUT', url, { pattern })).statusCode).toBe(403);
    expect((await call(admin, 'PUT', url, { pattern: '督〔{year}〕号' })).statusCode).toBe(400);
    expect((await call(admin, 'PUT', url, { pattern: '督〔{year}〕{seq}号{place}' })).statusCode).toBe(400);
    const saved = await call(admin, 'PUT', url, { pattern });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<NumberPatternSetting>()).toMatchObject({ unitId: tree.root, pattern, isDefault: false });
    expect(await auditOf('settings.number_pattern_changed', tree.root)).toMatchObject([
      { before: { pattern: '{unit}督〔{year}〕{seq}号' }, after: { pattern } },
    ]);

    const after = await register('document');
    expect(after.json<Task>().serialNumber).toBe(`文督〔2026〕第${seq + 1}号`);
  });

  it('a government outside the administrator’s scope looks missing', async () => {
    const countyAdmin = await signIn(env, await createUser(env.deps, tree.countyA1, ['system_admin']));
    const res = await call(countyAdmin, 'PUT', `/api/number-patterns/${tree.countyB1}`, { pattern: '{seq}' });
    expect(res.statusCode).toBe(404);
    const listed = await call(countyAdmin, 'GET', '/api/number-patterns');
    expect(listed.json<NumberPatternSetting[]>().map((p) => p.unitId)).toEqual([tree.countyA1]);
  });
});
