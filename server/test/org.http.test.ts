/**
 * The organisation API over HTTP on a real database: units, people, leaders' 分管, posts (A角/B角), optimistic
 * versions, the audit event written with every change, org scope (out of scope = 404, exactly like a missing row),
 * divisions, and the bilingual error body.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorBody, Person, Post, Role, Unit } from '@luoshi/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;

beforeAll(async () => {
  // Many sign-ins from one address within a minute: lift the per-IP sign-in limit for this file.
  env = await startTestEnv({ SIGN_IN_RATE_PER_MINUTE: '1000' });
});

afterAll(async () => {
  await env.close();
});

type Method = NonNullable<InjectOptions['method']>;

async function call(
  session: Session | null,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return env.app.inject({
    method,
    url,
    ...(payload !== undefined ? { payload } : {}),
    headers: { ...(session ? authHeaders(session) : {}), ...headers },
  });
}

async function as(scopeUnitId: string, roles: Role[]): Promise<Session> {
  return signIn(env, await createUser(env.deps, scopeUnitId, roles));
}

function errorOf(res: LightMyRequestResponse): ErrorBody['error'] {
  return res.json<ErrorBody>().error;
}

interface AuditRow {
  event_type: string;
  object_id: string;
  before: unknown;
  after: unknown;
}

async function auditOf(objectId: string): Promise<AuditRow[]> {
  const rows = await env.ownerQuery('select event_type, object_id, before, after from audit_events where object_id = $1 order by id', [
    objectId,
  ]);
  return rows.map((r) => ({ event_type: String(r.event_type), object_id: String(r.object_id), before: r.before, after: r.after }));
}

async function countUnits(): Promise<number> {
  const rows = await env.ownerQuery('select count(*)::int as n from units');
  return Number(rows[0]?.n);
}

async function createUnit(session: Session, body: Record<string, unknown>): Promise<Unit> {
  const res = await call(session, 'POST', '/api/units', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Unit>();
}

async function createPerson(session: Session, body: Record<string, unknown>): Promise<Person> {
  const res = await call(session, 'POST', '/api/persons', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Person>();
}

/** The tree's random tag, taken from the root's name ('测试省人民政府-<tag>'). */
async function tagOf(session: Session, tree: TestTree): Promise<string> {
  const root = (await call(session, 'GET', `/api/units/${tree.root}`)).json<Unit>();
  const tag = root.name.split('-').at(-1);
  if (!tag) throw new Error('tree tag not found');
  return tag;
}

describe('units', () => {
  it('a root system administrator creates a department under the root, audited in the same write', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);

    const res = await call(admin, 'POST', '/api/units', {
      name: '测试省发展和改革委员会',
      shortName: '省发改委',
      kind: 'department',
      parentId: tree.root,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<Unit>();
    expect(created).toMatchObject({
      name: '测试省发展和改革委员会',
      shortName: '省发改委',
      kind: 'department',
      parentId: tree.root,
      depth: 1,
      divisionCode: '990000',
      divisionName: '测试省',
      isSupervisionOffice: false,
      childCount: 0,
      version: 1,
      isDisabled: false,
    });

    const children = (await call(admin, 'GET', `/api/units?parentId=${tree.root}`)).json<Unit[]>();
    expect(children.map((u) => u.id)).toContain(created.id);
    const root = (await call(admin, 'GET', `/api/units/${tree.root}`)).json<Unit>();
    expect(root.childCount).toBe(4);

    const events = await auditOf(created.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      event_type: 'unit.created',
      before: null,
      after: { id: created.id, name: '测试省发展和改革委员会' },
    });
  });

  it('refuses a second unit with the same name under the same parent (409 DUPLICATE) but allows it elsewhere', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    await createUnit(admin, { name: '督查室', kind: 'internal_division', parentId: tree.prefectureA });
    const before = await countUnits();

    const res = await call(admin, 'POST', '/api/units', { name: '督查室', kind: 'internal_division', parentId: tree.prefectureA });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'DUPLICATE', params: { name: '督查室' } });
    expect(errorOf(res).messages['zh-CN']).toContain('督查室');
    expect(await countUnits()).toBe(before);

    await createUnit(admin, { name: '督查室', kind: 'internal_division', parentId: tree.prefectureB });
  });

  it('updates with If-Match: 428 without it, ETag and version+1 on success, 412 for a stale version', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    const unit = await createUnit(admin, { name: '测试省统计局', kind: 'department', parentId: tree.root });

    const noHeader = await call(admin, 'PATCH', `/api/units/${unit.id}`, { name: '测试省统计局（新）' });
    expect(noHeader.statusCode).toBe(428);
    expect(errorOf(noHeader).code).toBe('PRECONDITION_REQUIRED');

    const read = await call(admin, 'GET', `/api/units/${unit.id}`);
    expect(read.headers.etag).toBe('"1"');

    const ok = await call(
      admin,
      'PATCH',
      `/api/units/${unit.id}`,
      { name: '测试省统计局（新）', sortOrder: 7 },
      { 'if-match': read.headers.etag ?? '' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<Unit>()).toMatchObject({ name: '测试省统计局（新）', sortOrder: 7, version: 2 });

    const stale = await call(admin, 'PATCH', `/api/units/${unit.id}`, { name: '被覆盖' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');

    const after = (await call(admin, 'GET', `/api/units/${unit.id}`)).json<Unit>();
    expect(after).toMatchObject({ name: '测试省统计局（新）', version: 2 });
    const events = await auditOf(unit.id);
    expect(events.map((e) => e.event_type)).toEqual(['unit.created', 'unit.updated']);
    expect(events[1]).toMatchObject({ before: { name: '测试省统计局', version: 1 }, after: { name: '测试省统计局（新）', version: 2 } });
  });

  it('refuses to disable a unit that still has active people or sub-units (409 UNIT_HAS_CHILDREN)', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    const person = await createPerson(admin, { unitId: tree.department, name: '张三' });

    const withPerson = await call(admin, 'PATCH', `/api/units/${tree.department}`, { isDisabled: true }, { 'if-match': '"1"' });
    expect(withPerson.statusCode).toBe(409);
    expect(errorOf(withPerson).code).toBe('UNIT_HAS_CHILDREN');
    const withChildren = await call(admin, 'PATCH', `/api/units/${tree.prefectureA}`, { isDisabled: true }, { 'if-match': '"1"' });
    expect(withChildren.statusCode).toBe(409);
    expect(errorOf(withChildren).code).toBe('UNIT_HAS_CHILDREN');
    expect((await call(admin, 'GET', `/api/units/${tree.department}`)).json<Unit>().isDisabled).toBe(false);

    const off = await call(admin, 'PATCH', `/api/persons/${person.id}`, { isDisabled: true }, { 'if-match': '"1"' });
    expect(off.statusCode, off.body).toBe(200);
    const disabled = await call(admin, 'PATCH', `/api/units/${tree.department}`, { isDisabled: true }, { 'if-match': '"1"' });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json<Unit>()).toMatchObject({ isDisabled: true, version: 2 });
  });

  it('a supervisor (not a system administrator) may read but not create units: 403 FORBIDDEN, nothing written', async () => {
    const tree = await createTree(env.deps);
    const supervisor = await as(tree.root, ['supervisor']);
    expect((await call(supervisor, 'GET', `/api/units/${tree.countyB1}`)).statusCode).toBe(200);
    const before = await countUnits();

    const res = await call(supervisor, 'POST', '/api/units', { name: '越权单位', kind: 'department', parentId: tree.root });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await countUnits()).toBe(before);
  });
});

describe('people, 分管 and posts', () => {
  it('creates a person and a leader, and sets the leader’s overseen units (audited)', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    const dept = await createUnit(admin, { name: '测试省人民政府办公厅', kind: 'department', parentId: tree.root });

    const clerk = await createPerson(admin, {
      unitId: dept.id,
      name: '李四',
      title: '科员',
      phone: '0871-12345678',
      email: 'lisi@example.gov.cn',
    });
    expect(clerk).toMatchObject({
      unitId: dept.id,
      unitName: '测试省人民政府办公厅',
      name: '李四',
      title: '科员',
      isLeader: false,
      overseenUnitIds: [],
      version: 1,
    });
    const leader = await createPerson(admin, {
      unitId: dept.id,
      name: '王副省长',
      title: '副省长',
      isLeader: true,
      oversightAreas: '教育、科技',
    });
    expect(leader).toMatchObject({ isLeader: true, oversightAreas: '教育、科技' });

    const set = await call(admin, 'PUT', `/api/persons/${leader.id}/overseen-units`, {
      unitIds: [tree.countyA1, tree.prefectureB, tree.countyA1],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect([...set.json<Person>().overseenUnitIds].sort()).toEqual([tree.countyA1, tree.prefectureB].sort());
    const read = (await call(admin, 'GET', `/api/persons/${leader.id}`)).json<Person>();
    expect([...read.overseenUnitIds].sort()).toEqual([tree.countyA1, tree.prefectureB].sort());

    const events = await auditOf(leader.id);
    expect(events.map((e) => e.event_type)).toEqual(['person.created', 'person.oversees_changed']);
    expect(events[1]?.before).toEqual({ overseenUnitIds: [] });
    expect((await auditOf(clerk.id)).map((e) => e.event_type)).toEqual(['person.created']);

    const notLeader = await call(admin, 'PUT', `/api/persons/${clerk.id}/overseen-units`, { unitIds: [tree.countyA1] });
    expect(notLeader.statusCode).toBe(409);
    expect(errorOf(notLeader).code).toBe('PERSON_NOT_LEADER');
  });

  it('creates a post with A角/B角 from the post’s unit; a holder from another unit is a 400 naming the field', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    const primary = await createPerson(admin, { unitId: tree.department, name: '赵A角' });
    const backup = await createPerson(admin, { unitId: tree.department, name: '钱B角' });
    const outsider = await createPerson(admin, { unitId: tree.countyA1, name: '孙外单位' });

    const res = await call(admin, 'POST', '/api/posts', {
      unitId: tree.department,
      name: '督办联络员',
      primaryHolderId: primary.id,
      backupHolderId: backup.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<Post>();
    expect(created).toMatchObject({
      unitId: tree.department,
      name: '督办联络员',
      primaryHolderId: primary.id,
      primaryHolderName: '赵A角',
      backupHolderId: backup.id,
      backupHolderName: '钱B角',
      version: 1,
    });
    expect((await auditOf(created.id)).map((e) => e.event_type)).toEqual(['post.created']);
    const listed = (await call(admin, 'GET', `/api/posts?unitId=${tree.department}`)).json<Post[]>();
    expect(listed.map((p) => p.id)).toEqual([created.id]);

    const foreign = await call(admin, 'POST', '/api/posts', { unitId: tree.department, name: '信息员', primaryHolderId: outsider.id });
    expect(foreign.statusCode).toBe(400);
    expect(errorOf(foreign).code).toBe('VALIDATION_FAILED');
    expect(errorOf(foreign).fields?.map((f) => f.path)).toContain('primaryHolderId');
    const foreignBackup = await call(admin, 'POST', '/api/posts', {
      unitId: tree.department,
      name: '信息员',
      primaryHolderId: primary.id,
      backupHolderId: outsider.id,
    });
    expect(foreignBackup.statusCode).toBe(400);
    expect((await call(admin, 'GET', `/api/posts?unitId=${tree.department}`)).json<Post[]>()).toHaveLength(1);

    const noIfMatch = await call(admin, 'PATCH', `/api/posts/${created.id}`, { backupHolderId: null });
    expect(noIfMatch.statusCode).toBe(428);
    const swap = await call(
      admin,
      'PATCH',
      `/api/posts/${created.id}`,
      { primaryHolderId: backup.id, backupHolderId: primary.id },
      { 'if-match': '"1"' },
    );
    expect(swap.statusCode, swap.body).toBe(200);
    expect(swap.headers.etag).toBe('"2"');
    expect(swap.json<Post>()).toMatchObject({ primaryHolderName: '钱B角', backupHolderName: '赵A角', version: 2 });
    const foreignUpdate = await call(admin, 'PATCH', `/api/posts/${created.id}`, { backupHolderId: outsider.id }, { 'if-match': '"2"' });
    expect(foreignUpdate.statusCode).toBe(400);
    const stale = await call(admin, 'PATCH', `/api/posts/${created.id}`, { name: '旧版本' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(errorOf(stale).code).toBe('VERSION_CONFLICT');
    expect((await auditOf(created.id)).map((e) => e.event_type)).toEqual(['post.created', 'post.updated']);
  });

  it('updates a person with If-Match (428 / ETag / 412) and audits before and after', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    const person = await createPerson(admin, { unitId: tree.department, name: '周五', title: '科员' });

    expect((await call(admin, 'PATCH', `/api/persons/${person.id}`, { title: '副处长' })).statusCode).toBe(428);
    const ok = await call(admin, 'PATCH', `/api/persons/${person.id}`, { title: '副处长' }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<Person>()).toMatchObject({ title: '副处长', version: 2 });
    const stale = await call(admin, 'PATCH', `/api/persons/${person.id}`, { title: '处长' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await call(admin, 'GET', `/api/persons/${person.id}`)).json<Person>().title).toBe('副处长');

    const events = await auditOf(person.id);
    expect(events.map((e) => e.event_type)).toEqual(['person.created', 'person.updated']);
    expect(events[1]).toMatchObject({ before: { title: '科员' }, after: { title: '副处长' } });
  });

  it('lists people of a unit, with includeSubunits adding its sub-units only', async () => {
    const tree = await createTree(env.deps);
    const admin = await as(tree.root, ['system_admin']);
    const inA = await createPerson(admin, { unitId: tree.prefectureA, name: '甲市人员' });
    const inA1 = await createPerson(admin, { unitId: tree.countyA1, name: '甲一县人员', isLeader: true });
    const inB1 = await createPerson(admin, { unitId: tree.countyB1, name: '乙一县人员' });

    const direct = (await call(admin, 'GET', `/api/persons?unitId=${tree.prefectureA}`)).json<Person[]>();
    expect(direct.map((p) => p.id)).toEqual([inA.id]);
    const withSub = (await call(admin, 'GET', `/api/persons?unitId=${tree.prefectureA}&includeSubunits=true`)).json<Person[]>();
    expect(withSub.map((p) => p.id).sort()).toEqual([inA.id, inA1.id].sort());
    const leaders = (await call(admin, 'GET', `/api/persons?unitId=${tree.prefectureA}&includeSubunits=true&isLeader=true`)).json<
      Person[]
    >();
    expect(leaders.map((p) => p.id)).toEqual([inA1.id]);

    const county = await as(tree.countyA1, ['supervisor']);
    const all = (await call(county, 'GET', '/api/persons')).json<Person[]>();
    expect(all.map((p) => p.id)).toEqual([inA1.id]);
    expect((await call(county, 'GET', `/api/persons/${inB1.id}`)).statusCode).toBe(404);
  });
});

describe('org scope: outside the caller’s subtree looks exactly like a missing record', () => {
  it.each<[string, Role[]]>([
    ['system_admin', ['system_admin']],
    ['supervisor', ['supervisor']],
  ])('a %s at countyA1 gets 404 NOT_FOUND for countyB1 and its ancestors, like a random id', async (_label, roles) => {
    const tree = await createTree(env.deps);
    const session = await as(tree.countyA1, roles);

    const own = await call(session, 'GET', `/api/units/${tree.countyA1}`);
    expect(own.statusCode).toBe(200);
    const missing = await call(session, 'GET', `/api/units/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    for (const id of [tree.countyB1, tree.prefectureA, tree.root]) {
      const res = await call(session, 'GET', `/api/units/${id}`);
      expect(res.statusCode).toBe(404);
      const { requestId: _a, ...body } = errorOf(res);
      const { requestId: _b, ...missingBody } = errorOf(missing);
      expect(body).toEqual(missingBody);
      expect(body.code).toBe('NOT_FOUND');
    }
  });

  it('lists: children of an out-of-scope unit → 404; no params → exactly the scope root; ?q= stays inside the scope', async () => {
    const tree = await createTree(env.deps);
    const county = await as(tree.countyA1, ['system_admin']);
    const rootAdmin = await as(tree.root, ['system_admin']);

    const children = await call(county, 'GET', `/api/units?parentId=${tree.prefectureB}`);
    expect(children.statusCode).toBe(404);
    expect(errorOf(children).code).toBe('NOT_FOUND');

    const roots = (await call(county, 'GET', '/api/units')).json<Unit[]>();
    expect(roots.map((u) => u.id)).toEqual([tree.countyA1]);

    const tag = await tagOf(rootAdmin, tree);
    const everywhere = (await call(rootAdmin, 'GET', `/api/units?q=${encodeURIComponent(tag)}`)).json<Unit[]>();
    expect(everywhere).toHaveLength(7);
    const scoped = (await call(county, 'GET', `/api/units?q=${encodeURIComponent(tag)}`)).json<Unit[]>();
    expect(scoped.map((u) => u.id)).toEqual([tree.countyA1]);
    const counties = (await call(county, 'GET', `/api/units?q=${encodeURIComponent('县人民政府')}`)).json<Unit[]>();
    expect(counties.map((u) => u.id)).toEqual([tree.countyA1]);
  });

  it('a county administrator cannot write outside the county: 404 and nothing written', async () => {
    const tree = await createTree(env.deps);
    const county = await as(tree.countyA1, ['system_admin']);
    const rootAdmin = await as(tree.root, ['system_admin']);
    const foreignLeader = await createPerson(rootAdmin, { unitId: tree.countyB1, name: '乙一县领导', isLeader: true });
    const ownLeader = await createPerson(county, { unitId: tree.countyA1, name: '甲一县领导', isLeader: true });
    const before = await countUnits();

    const unit = await call(county, 'POST', '/api/units', { name: '越界单位', kind: 'department', parentId: tree.prefectureB });
    expect(unit.statusCode).toBe(404);
    expect(errorOf(unit).code).toBe('NOT_FOUND');
    expect(await countUnits()).toBe(before);

    const person = await call(county, 'POST', '/api/persons', { unitId: tree.countyB1, name: '越界人员' });
    expect(person.statusCode).toBe(404);
    const patch = await call(county, 'PATCH', `/api/units/${tree.countyB1}`, { name: '改名' }, { 'if-match': '"1"' });
    expect(patch.statusCode).toBe(404);
    const foreign = await call(county, 'PUT', `/api/persons/${foreignLeader.id}/overseen-units`, { unitIds: [tree.countyA1] });
    expect(foreign.statusCode).toBe(404);
    const oversee = await call(county, 'PUT', `/api/persons/${ownLeader.id}/overseen-units`, { unitIds: [tree.countyA1, tree.countyB1] });
    expect(oversee.statusCode).toBe(404);
    expect((await call(county, 'GET', `/api/persons/${ownLeader.id}`)).json<Person>().overseenUnitIds).toEqual([]);
    expect((await call(rootAdmin, 'GET', `/api/units/${tree.countyB1}`)).json<Unit>()).toMatchObject({ version: 1 });
    expect(await countUnits()).toBe(before);
  });
});

describe('divisions', () => {
  it('lists top-level divisions and children by parentCode', async () => {
    const tree = await createTree(env.deps);
    const session = await as(tree.countyA1, ['supervisor']);
    const top = await call(session, 'GET', '/api/divisions');
    expect(top.statusCode).toBe(200);
    expect(top.json<{ code: string; name: string }[]>()).toContainEqual(
      expect.objectContaining({ code: '990000', name: '测试省', level: 'province', parentCode: null }),
    );
    const children = await call(session, 'GET', '/api/divisions?parentCode=990000');
    expect(children.statusCode).toBe(200);
    expect(children.json()).toEqual([]);
    const bad = await call(session, 'GET', '/api/divisions?parentCode=abc');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fields?.[0]?.path).toBe('parentCode');
  });
});

describe('error bodies', () => {
  it('carry the message in zh-CN and en, in Chinese by default and in English with Accept-Language: en', async () => {
    const tree = await createTree(env.deps);
    const session = await as(tree.countyA1, ['supervisor']);

    const zh = await call(session, 'GET', `/api/units/${tree.countyB1}`);
    expect(zh.statusCode).toBe(404);
    expect(errorOf(zh)).toMatchObject({
      code: 'NOT_FOUND',
      message: '记录不存在或无权访问',
      messages: { 'zh-CN': '记录不存在或无权访问', en: 'Not found' },
    });
    expect(errorOf(zh).requestId).toBeTruthy();

    const en = await call(session, 'GET', `/api/units/${tree.countyB1}`, undefined, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(errorOf(en).message).toBe('Not found');

    const invalid = await call(null, 'GET', '/api/units', undefined, { 'accept-language': 'en' });
    expect(invalid.statusCode).toBe(401);
    expect(errorOf(invalid)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Please sign in', messages: { 'zh-CN': '请先登录' } });
  });
});
