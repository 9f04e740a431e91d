/**
 * The audit log (X2): every mutation writes an event in the same transaction; the log is append-only for the app
 * role and behind a trigger; the hash chains detect an altered, removed or truncated event and name it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit-log.js';
import { authHeaders, createTree, createUser, isPostgres, signIn, startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

async function createDepartment(name: string): Promise<string> {
  const tree = await createTree(env.deps);
  const admin = await createUser(env.deps, tree.root, ['system_admin']);
  const session = await signIn(env, admin);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/units',
    headers: authHeaders(session),
    payload: { name, kind: 'department', parentId: tree.root },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Runs as the table owner with triggers off, like an intruder with database superuser rights. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await env.ownerQuery('set session_replication_role = replica');
  try {
    await env.ownerQuery(sql, params);
  } finally {
    await env.ownerQuery('set session_replication_role = origin');
  }
}

describe('audit log', () => {
  it('records who did what with before/after, and the chain verifies', async () => {
    const id = await createDepartment('审计测试厅');
    const rows = await env.ownerQuery('select event_type, actor_username, ip, request_id, after from audit_events where object_id = $1', [
      id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.event_type).toBe('unit.created');
    expect(rows[0]?.actor_username).toBeTruthy();
    expect(rows[0]?.request_id).toBeTruthy();
    expect((rows[0]?.after as { name: string }).name).toBe('审计测试厅');
    expect((await verifyAuditChain(env.deps.database)).isIntact).toBe(true);
  });

  it('refuses UPDATE and DELETE from the application, and leaves the row unchanged', async () => {
    const id = await createDepartment('不可改厅');
    const update = env.deps.database.query("update audit_events set actor_username = 'x' where object_id = $1", [id]);
    await expect(update).rejects.toThrow();
    const del = env.deps.database.query('delete from audit_events where object_id = $1', [id]);
    await expect(del).rejects.toThrow();
    // Even the owner is stopped by the trigger.
    await expect(env.ownerQuery("update audit_events set actor_username = 'x' where object_id = $1", [id])).rejects.toThrow(/append-only/);
    const rows = await env.ownerQuery('select actor_username from audit_events where object_id = $1', [id]);
    expect(rows[0]?.actor_username).not.toBe('x');
  });

  it('runs as a role without UPDATE/DELETE rights on the log', async () => {
    expect(env.deps.database.appRole).toBe('luoshi_app');
    const grants = await env.ownerQuery(
      "select privilege_type from information_schema.role_table_grants where table_name = 'audit_events' and grantee = 'luoshi_app' order by 1",
    );
    expect(grants.map((g) => g.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it('names the altered event when a row is changed directly in the database', async () => {
    const id = await createDepartment('篡改测试厅');
    const [row] = await env.ownerQuery('select id from audit_events where object_id = $1', [id]);
    await tamper(`update audit_events set after = jsonb_set(after, '{name}', '"改过的名字"') where id = $1`, [row?.id]);
    const result = await verifyAuditChain(env.deps.database);
    expect(result.isIntact).toBe(false);
    expect(result.firstBrokenEventId).toBe(Number(row?.id));
    expect(result.problem).toContain('altered');
    await tamper(`update audit_events set after = jsonb_set(after, '{name}', '"篡改测试厅"') where id = $1`, [row?.id]);
    expect((await verifyAuditChain(env.deps.database)).isIntact).toBe(true);
  });

  it('detects a deleted event in the middle of a chain and at its end', async () => {
    const id = await createDepartment('删除测试厅');
    // Two more events on the same object: same shard, consecutive sequence numbers.
    const admin = await createUser(
      env.deps,
      (await env.ownerQuery('select parent_id from units where id = $1', [id]))[0]?.parent_id as string,
      ['system_admin'],
    );
    const session = await signIn(env, admin);
    for (const [version, name] of [
      [1, '删除测试厅二'],
      [2, '删除测试厅三'],
    ] as const) {
      const res = await env.app.inject({
        method: 'PATCH',
        url: `/api/units/${id}`,
        headers: { ...authHeaders(session), 'if-match': `"${version}"` },
        payload: { name },
      });
      expect(res.statusCode).toBe(200);
    }
    const events = await env.ownerQuery('select id, row_to_json(a) as r from audit_events a where object_id = $1 order by id', [id]);
    expect(events).toHaveLength(3);
    const middle = events[1];
    await tamper('delete from audit_events where id = $1', [middle?.id]);
    const broken = await verifyAuditChain(env.deps.database);
    expect(broken.isIntact).toBe(false);
    expect(broken.firstBrokenEventId).toBe(Number(events[2]?.id));
    await tamper('insert into audit_events select * from json_populate_record(null::audit_events, $1::json)', [JSON.stringify(middle?.r)]);
    expect((await verifyAuditChain(env.deps.database)).isIntact).toBe(true);
    await tamper('delete from audit_events where id = $1', [events[2]?.id]);
    const tail = await verifyAuditChain(env.deps.database);
    expect(tail.isIntact).toBe(false);
    expect(tail.problem).toContain('removed');
  });

  it('三员分立: only the audit administrator reads the log, and it can change nothing', async () => {
    const tree = await createTree(env.deps);
    const sys = await signIn(env, await createUser(env.deps, tree.root, ['system_admin']));
    const sec = await signIn(env, await createUser(env.deps, tree.root, ['security_admin']));
    const aud = await signIn(env, await createUser(env.deps, tree.root, ['audit_admin']));
    for (const session of [sys, sec]) {
      expect((await env.app.inject({ method: 'GET', url: '/api/audit-events', headers: authHeaders(session) })).statusCode).toBe(403);
      expect((await env.app.inject({ method: 'GET', url: '/api/audit-events/verify', headers: authHeaders(session) })).statusCode).toBe(
        403,
      );
    }
    const read = await env.app.inject({ method: 'GET', url: '/api/audit-events?limit=5', headers: authHeaders(aud) });
    expect(read.statusCode).toBe(200);
    expect(read.json().items.length).toBeGreaterThan(0);
    const writes = [
      { method: 'POST' as const, url: '/api/units', payload: { name: '审计员建的厅', kind: 'department', parentId: tree.root } },
      {
        method: 'POST' as const,
        url: '/api/users',
        payload: { username: 'x1', displayName: 'x', scopeUnitId: tree.root, roles: ['supervisor'], initialPassword: 'Lv9$kQz!2mWd' },
      },
      { method: 'PUT' as const, url: '/api/calendar/days/2026-12-01', payload: { kind: 'holiday', name: '测试' } },
    ];
    for (const write of writes) {
      const res = await env.app.inject({ ...write, headers: authHeaders(aud) });
      expect(res.statusCode, write.url).toBe(403);
    }
    // The security administrator cannot manage the organisation, nor the system administrator accounts.
    expect((await env.app.inject({ ...writes[0]!, headers: authHeaders(sec) })).statusCode).toBe(403);
    expect((await env.app.inject({ ...writes[1]!, headers: authHeaders(sys) })).statusCode).toBe(403);
  });

  it('refuses an account that would hold two of the three administrator roles', async () => {
    const tree = await createTree(env.deps);
    const sec = await signIn(env, await createUser(env.deps, tree.root, ['security_admin']));
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: authHeaders(sec),
      payload: {
        username: 'both-admins',
        displayName: '兼任',
        scopeUnitId: tree.root,
        roles: ['system_admin', 'audit_admin'],
        initialPassword: 'Lv9$kQz!2mWd',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ROLE_SEPARATION');
  });

  it.runIf(isPostgres)('on PostgreSQL, the restricted role is enforced by grants too', async () => {
    await expect(env.deps.database.query('truncate audit_events')).rejects.toThrow();
  });
});
