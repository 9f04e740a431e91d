/**
 * The supervision engine's front door (issue 11): one write sequence, scope by construction, items registered from
 * other sources. Other modules reach 督办事项 only through `modules/tasks/index.ts`; these tests call that surface
 * as a new module would.
 */
import type { Task, TaskDetail } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTaskInScope, recordTaskStep, registerTask } from '../src/modules/tasks/index.js';
import type { Actor, RequestContext } from '../src/platform/context.js';
import { grantScope, type Scope } from '../src/platform/scope.js';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
let tree: TestTree;
let rootPath: string;
beforeAll(async () => {
  env = await startTestEnv();
  tree = await createTree(env.deps);
  rootPath = String((await env.ownerQuery('select path from units where id = $1', [tree.root]))[0]?.path);
});
afterAll(async () => {
  await env.close();
});

/** A request context as the access layer builds it, for a 督查员 of the test province. */
function supervisorContext(userId: string, scope: Scope = grantScope(tree.root, rootPath)): RequestContext {
  const actor: Actor = {
    userId,
    username: 'front-door',
    displayName: '前门测试督查员',
    personId: null,
    roles: ['supervisor'],
    scope,
    unitId: tree.root,
  };
  return { actor, request: { id: 'front-door-test', ip: null, userAgent: 'vitest' }, clock: env.clock };
}

/** Registers an item led by the test province's department through the API, as the 督查室 does. */
async function registerThroughApi(supervisor: Session, title: string, content: string): Promise<string> {
  const created = await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(supervisor),
    payload: { title, source: 'work_report', content, leadUnitId: tree.department },
  });
  return created.json<Task>().id;
}

async function count(sql: string, params: unknown[]): Promise<number> {
  return Number((await env.ownerQuery(sql, params))[0]?.n);
}

describe('the engine front door', () => {
  it('records a step with all its traces in one transaction, and none of them when the transaction fails', async () => {
    const supervisorUser = await createUser(env.deps, tree.root, ['supervisor']);
    const supervisor = await signIn(env, supervisorUser);
    const unitUser = await createUser(env.deps, tree.department, ['unit_handler']);
    const id = await registerThroughApi(supervisor, '前门：一次写入', '检查一次写入的全部痕迹。');
    await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${id}/transitions`,
      headers: authHeaders(supervisor),
      payload: { action: 'assign' },
    });
    const ctx = supervisorContext(supervisorUser.id);
    const traces = async () => ({
      events: await count(`select count(*) as n from task_events where task_id = $1 and type = 'urge'`, [id]),
      audits: await count(`select count(*) as n from audit_events where object_id = $1 and event_type = 'task.urge'`, [id]),
      told: await count(`select count(*) as n from notifications where task_id = $1 and user_id = $2`, [id, unitUser.id]),
    });
    const before = await traces();

    // A step whose transaction fails leaves nothing behind.
    await expect(
      env.deps.database.db.transaction(async (tx) => {
        const task = await findTaskInScope(tx, ctx.actor!.scope, id, { lock: true });
        await recordTaskStep(env.deps, tx, ctx, task, {
          type: 'urge',
          reason: '请加快进度',
          light: 'refresh',
          notify: true,
          audit: { eventType: 'task.urge', after: { reason: '请加快进度' } },
        });
        throw new Error('the module failed after the step');
      }),
    ).rejects.toThrow('the module failed after the step');
    expect(await traces()).toEqual(before);

    // A step that commits: timeline event with the actor, audit event, the lead unit's handler told (催办).
    await env.deps.database.db.transaction(async (tx) => {
      const task = await findTaskInScope(tx, ctx.actor!.scope, id, { lock: true });
      await recordTaskStep(env.deps, tx, ctx, task, {
        type: 'urge',
        reason: '请加快进度',
        light: 'refresh',
        notify: true,
        audit: { eventType: 'task.urge', after: { reason: '请加快进度' } },
      });
    });
    expect(await traces()).toEqual({ events: before.events + 1, audits: before.audits + 1, told: before.told + 1 });
    const detail = (await env.app.inject({ method: 'GET', url: `/api/tasks/${id}`, headers: authHeaders(supervisor) })).json<TaskDetail>();
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'urge', actorName: '前门测试督查员', reason: '请加快进度' });
  });

  it('finds nothing outside the scope it was given', async () => {
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    const id = await registerThroughApi(supervisor, '前门：范围', '甲市看不到省教育厅的事项。');
    const prefecturePath = String((await env.ownerQuery('select path from units where id = $1', [tree.prefectureA]))[0]?.path);
    const prefecture = grantScope(tree.prefectureA, prefecturePath);
    await expect(findTaskInScope(env.deps.database.db, prefecture, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await findTaskInScope(env.deps.database.db, grantScope(tree.root, rootPath), id)).id).toBe(id);
  });

  it('registers an item from another source, numbered and audited by the engine, linked back to its record', async () => {
    const supervisorUser = await createUser(env.deps, tree.root, ['supervisor']);
    const supervisor = await signIn(env, supervisorUser);
    const ctx = supervisorContext(supervisorUser.id);
    const recordId = '6f1c1b8e-1d2a-4a57-9f3e-0a1b2c3d4e5f';
    const item = await env.deps.database.db.transaction((tx) =>
      registerTask(
        env.deps,
        tx,
        ctx,
        {
          title: '会议决定：推进滇中引水二期',
          source: 'meeting_decision',
          content: '省政府常务会议决定，加快滇中引水二期工程建设。',
          leadUnitId: tree.department,
          cooperatingUnitIds: [],
          urgency: 'normal',
          reportingFrequency: 'monthly',
        },
        { source: { id: recordId, link: `/meetings/${recordId}` } },
      ),
    );
    expect(item.serialNumber).toMatch(/〔\d{4}〕\d+号$/);
    const detail = (
      await env.app.inject({ method: 'GET', url: `/api/tasks/${item.id}`, headers: authHeaders(supervisor) })
    ).json<TaskDetail>();
    expect(detail.sourceRef).toMatchObject({ recordId, link: `/meetings/${recordId}` });
    expect(detail.timeline.map((e) => e.type)).toEqual(['created']);
    expect(await count(`select count(*) as n from audit_events where object_id = $1 and event_type = 'task.created'`, [item.id])).toBe(1);
  });

  it('does not compile a scope or an item that was not read in scope (checked by the type check)', () => {
    // These lines never run; `npm run typecheck` fails if any of them compiles.
    const neverCalled = (ctx: RequestContext) => {
      // @ts-expect-error a bare path is not a Scope
      void findTaskInScope(env.deps.database.db, '/', 'id');
      // @ts-expect-error a Scope cannot be written as a literal
      const forged: Scope = { unitId: 'x', path: '/' };
      // @ts-expect-error a step is recorded only on an item read in scope
      void recordTaskStep(env.deps, env.deps.database.db, ctx, { id: 'x' }, { type: 'x', light: 'announce' });
      return forged;
    };
    expect(typeof neverCalled).toBe('function');
  });
});
