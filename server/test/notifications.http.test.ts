/**
 * The notification centre over HTTP: each user sees and marks only their own notifications (another's is 404
 * exactly like a missing one), filters and pages them, keeps preferences with clear errors for bad input; group
 * bots are managed by the unit's leader or the system administrator within their scope, never shown back in full;
 * every change is in the audit log.
 */
import type { Notification, NotificationPage, NotificationPreferences, WebhookEndpoint } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/modules/notifications/notifications.outbox.js';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

function call(session: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return env.app.inject({ method, url, ...(payload ? { payload } : {}), headers: authHeaders(session) });
}

async function give(userId: string, n: number, kind: 'urged' | 'assigned' = 'urged') {
  for (let i = 0; i < n; i += 1) {
    env.clock.advanceMinutes(1);
    await env.deps.database.db.transaction((tx) =>
      notify(tx, env.clock, {
        userIds: [userId],
        taskId: null,
        kind,
        title: `${kind === 'urged' ? '催办' : '新交办事项'} ${i}`,
        body: '正文',
        link: '/tasks',
        dedupeKey: `http-${userId}-${kind}-${i}`,
      }),
    );
  }
}

const auditCount = async (eventType: string, objectId: string) =>
  (await env.ownerQuery('select 1 from audit_events where event_type = $1 and object_id = $2', [eventType, objectId])).length;

describe('the notification centre', () => {
  it('lists own notifications newest first with filters and keyset pages; counts and marks them read', async () => {
    const tree = await createTree(env.deps);
    const user = await createUser(env.deps, tree.department, ['unit_handler']);
    await give(user.id, 3, 'urged');
    await give(user.id, 2, 'assigned');
    const me = await signIn(env, user);

    const first = (await call(me, 'GET', '/api/notifications?limit=3')).json<NotificationPage>();
    expect(first.items.map((n) => n.title)).toEqual(['新交办事项 1', '新交办事项 0', '催办 2']);
    const second = (
      await call(me, 'GET', `/api/notifications?limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`)
    ).json<NotificationPage>();
    expect(second.items.map((n) => n.title)).toEqual(['催办 1', '催办 0']);
    expect(second.nextCursor).toBeNull();
    const assigned = (await call(me, 'GET', '/api/notifications?kind=assigned')).json<NotificationPage>();
    expect(assigned.items).toHaveLength(2);
    expect((await call(me, 'GET', '/api/notifications/unread-count')).json()).toEqual({ count: 5 });

    const one = first.items[0]!;
    const read = await call(me, 'POST', `/api/notifications/${one.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Notification>().readAt).toBe(env.clock.now().toISOString());
    expect(await auditCount('notification.read', one.id)).toBe(1);
    expect((await call(me, 'GET', '/api/notifications?unread=true')).json<NotificationPage>().items).toHaveLength(4);

    const all = await call(me, 'POST', '/api/notifications/read-all');
    expect(all.json()).toEqual({ marked: 4 });
    expect((await call(me, 'GET', '/api/notifications/unread-count')).json()).toEqual({ count: 0 });
    expect(await auditCount('notification.read_all', user.id)).toBe(1);

    const bad = await call(me, 'GET', '/api/notifications?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it("another user's notification is not found, and stays unread", async () => {
    const tree = await createTree(env.deps);
    const owner = await createUser(env.deps, tree.department, ['unit_handler']);
    await give(owner.id, 1);
    const ownerSession = await signIn(env, owner);
    const id = (await call(ownerSession, 'GET', '/api/notifications')).json<NotificationPage>().items[0]!.id;
    const admin = await signIn(env, await createUser(env.deps, tree.root, ['system_admin']));
    const res = await call(admin, 'POST', `/api/notifications/${id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    expect((await call(admin, 'GET', '/api/notifications')).json<NotificationPage>().items).toEqual([]);
    expect((await call(ownerSession, 'GET', '/api/notifications/unread-count')).json()).toEqual({ count: 1 });
  });
});

describe('preferences', () => {
  it('default to in-app only, a daily digest and quiet nights; refuse a channel without its address', async () => {
    const tree = await createTree(env.deps);
    const user = await createUser(env.deps, tree.department, ['unit_handler']);
    const me = await signIn(env, user);
    expect((await call(me, 'GET', '/api/notifications/preferences')).json()).toEqual({
      channels: [],
      email: null,
      phone: null,
      quietHours: { from: '22:00', to: '07:30' },
      digest: true,
    });
    const missing = await call(me, 'PUT', '/api/notifications/preferences', {
      channels: ['sms'],
      email: null,
      phone: null,
      quietHours: null,
      digest: false,
    });
    expect(missing.statusCode).toBe(400);
    const error = missing.json<{ error: { code: string; messages: { 'zh-CN': string }; fields: { path: string }[] } }>().error;
    expect(error.code).toBe('NOTIFY_TARGET_MISSING');
    expect(error.messages['zh-CN']).toBe('已选择短信通知，请填写手机号码');
    expect(error.fields[0]?.path).toBe('phone');
    const badTime = await call(me, 'PUT', '/api/notifications/preferences', {
      channels: [],
      email: null,
      phone: null,
      quietHours: { from: '25:00', to: '07:00' },
      digest: true,
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');

    const saved = await call(me, 'PUT', '/api/notifications/preferences', {
      channels: ['email', 'sms'],
      email: 'wang@example.test',
      phone: '+8613800138000',
      quietHours: { from: '21:30', to: '08:00' },
      digest: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call(me, 'GET', '/api/notifications/preferences')).json<NotificationPreferences>()).toMatchObject({
      channels: ['email', 'sms'],
      quietHours: { from: '21:30', to: '08:00' },
      digest: false,
    });
    expect(await auditCount('notification.preferences_updated', user.id)).toBe(1);
  });
});

describe('group bots of a unit', () => {
  it('the unit leader adds and removes them; the URL token and secret are never shown back', async () => {
    const tree = await createTree(env.deps);
    const leader = await signIn(env, await createUser(env.deps, tree.department, ['unit_leader']));
    const created = await call(leader, 'POST', `/api/units/${tree.department}/webhooks`, {
      platform: 'dingtalk',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef',
      secret: 'SEC0123456789',
    });
    expect(created.statusCode, created.body).toBe(201);
    const bot = created.json<WebhookEndpoint>();
    expect(bot).toMatchObject({
      platform: 'dingtalk',
      hasSecret: true,
      enabled: true,
      urlMasked: 'https://oapi.dingtalk.com/robot/send?access_token=***',
    });
    expect(created.body).not.toContain('0123456789abcdef');
    expect(created.body).not.toContain('SEC0123456789');
    const listed = (await call(leader, 'GET', `/api/units/${tree.department}/webhooks`)).json<{ items: WebhookEndpoint[] }>();
    expect(listed.items.map((w) => w.id)).toEqual([bot.id]);
    expect(await auditCount('webhook.created', bot.id)).toBe(1);

    const badUrl = await call(leader, 'POST', `/api/units/${tree.department}/webhooks`, { platform: 'wecom', url: 'ftp://x' });
    expect(badUrl.statusCode).toBe(400);
    // A bot URL is a request the server makes: internal addresses are refused.
    const internal = await call(leader, 'POST', `/api/units/${tree.department}/webhooks`, {
      platform: 'wecom',
      url: 'http://10.0.0.5/admin',
    });
    expect(internal.statusCode).toBe(400);
    expect(internal.json<{ error: { code: string; fields: { path: string }[] } }>().error).toMatchObject({
      code: 'WEBHOOK_HOST_NOT_ALLOWED',
      fields: [{ path: 'url' }],
    });

    const handler = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    expect((await call(handler, 'GET', `/api/units/${tree.department}/webhooks`)).statusCode).toBe(403);
    const otherLeader = await signIn(env, await createUser(env.deps, tree.prefectureA, ['unit_leader']));
    expect((await call(otherLeader, 'GET', `/api/units/${tree.department}/webhooks`)).statusCode).toBe(404);
    expect((await call(otherLeader, 'DELETE', `/api/webhook-endpoints/${bot.id}`)).statusCode).toBe(404);

    const removed = await call(leader, 'DELETE', `/api/webhook-endpoints/${bot.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await call(leader, 'GET', `/api/units/${tree.department}/webhooks`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect(await auditCount('webhook.deleted', bot.id)).toBe(1);
  });
});
