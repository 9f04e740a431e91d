/**
 * Notifications that reach people, exactly once (issue 5): a lifecycle step of an item becomes in-app
 * notifications plus e-mail (to a local SMTP sink), SMS (to a local HTTP gateway) and signed group-bot messages
 * (to a local 钉钉/飞书/企业微信 receiver); failures are retried with back-off and given up after six attempts; a
 * worker that dies mid-batch, or two racing, still deliver each message once; quiet hours and the digest hold
 * e-mail back; re-running an event creates nothing new.
 */
import type { NotificationDelivery, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendersFor } from '../src/modules/notifications/channels/senders.js';
import { claimDue, deliverDue } from '../src/modules/notifications/delivery.worker.js';
import { notify, notifyTaskEvent } from '../src/modules/notifications/notifications.outbox.js';
import {
  authHeaders,
  createTree,
  createUser,
  signIn,
  startTestEnv,
  testEnvConfig,
  type Session,
  type TestEnv,
  type TestUser,
} from './harness.js';
import { BOT_SECRET, startBotReceiver, startSmtpSink, type BotReceiver, type SmtpSink } from './notification-sinks.js';

let env: TestEnv;
let smtp: SmtpSink;
let bots: BotReceiver;

beforeAll(async () => {
  smtp = await startSmtpSink();
  bots = await startBotReceiver();
  env = await startTestEnv({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_FROM: '落实督查督办 <noreply@luoshi.test>',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    SMS_GATEWAY_URL: `${bots.base}/sms`,
    SMS_GATEWAY_TEMPLATE: '{"mobile":"{{phone}}","content":"{{text}}","sign":"落实"}',
  });
});
afterAll(async () => {
  await env.close();
  await smtp.close();
  await bots.close();
});

/** Generous for a loaded test machine; the bot that never answers is given less. */
const FAST = { timeoutMs: 5000 };
const SHORT = { timeoutMs: 1500 };

function call(session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return env.app.inject({ method, url, ...(payload ? { payload } : {}), headers: authHeaders(session) });
}

async function setPreferences(session: Session, prefs: object) {
  const res = await call(session, 'PUT', '/api/notifications/preferences', {
    channels: ['email'],
    email: null,
    phone: null,
    quietHours: null,
    digest: false,
    ...prefs,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A user who wants every message by e-mail at once. */
async function mailUser(scopeUnitId: string, prefs: object = {}): Promise<{ user: TestUser; session: Session; email: string }> {
  const user = await createUser(env.deps, scopeUnitId, ['unit_handler']);
  const session = await signIn(env, user);
  const email = `${user.username}@example.test`;
  await setPreferences(session, { email, ...prefs });
  return { user, session, email };
}

async function deliveriesOf(
  userId: string,
): Promise<{ id: string; channel: string; status: string; attempts: number; last_error: string | null }[]> {
  return (await env.ownerQuery(
    `select d.id, d.channel, d.status, d.attempts, d.last_error, d.next_attempt_at from notification_deliveries d
     join notifications n on n.id = d.notification_id where n.user_id = $1 order by d.created_at, d.id`,
    [userId],
  )) as never;
}

async function notifyOne(userId: string, key: string) {
  return env.deps.database.db.transaction((tx) =>
    notify(tx, env.clock, {
      userIds: [userId],
      taskId: null,
      kind: 'urged',
      title: `催办：${key}`,
      body: '请抓紧办理。',
      link: null,
      dedupeKey: key,
    }),
  );
}

const countOf = (ids: string[], id: string) => ids.filter((x) => x === id).length;

describe('a lifecycle step reaches the lead unit', () => {
  it('in-app, by e-mail, SMS and signed 钉钉/飞书/企业微信 bots, once — a re-run creates nothing new', async () => {
    const tree = await createTree(env.deps);
    const supervisorUser = await createUser(env.deps, tree.root, ['supervisor']);
    const supervisor = await signIn(env, supervisorUser);
    const handler = await mailUser(tree.department, { channels: ['email', 'sms'], phone: '13800138000' });
    const leader = await signIn(env, await createUser(env.deps, tree.department, ['unit_leader']));
    for (const bot of [
      { platform: 'dingtalk', url: `${bots.base}/ding/send?access_token=tok123`, secret: BOT_SECRET },
      { platform: 'feishu', url: `${bots.base}/feishu/hook/abc`, secret: BOT_SECRET },
      { platform: 'wecom', url: `${bots.base}/wecom/send?key=k1` },
    ]) {
      const res = await call(leader, 'POST', `/api/units/${tree.department}/webhooks`, bot);
      expect(res.statusCode, res.body).toBe(201);
    }
    const created = await call(supervisor, 'POST', '/api/tasks', {
      title: '推进高标准农田建设',
      source: 'meeting_decision',
      content: '按照常务会议决定推进。',
      leadUnitId: tree.department,
    });
    expect(created.statusCode, created.body).toBe(201);
    const task = created.json<Task>();
    expect((await call(supervisor, 'POST', `/api/tasks/${task.id}/transitions`, { action: 'assign' })).statusCode).toBe(200);

    const step = () =>
      env.deps.database.db.transaction((tx) =>
        notifyTaskEvent(tx, env.clock, { taskId: task.id, type: 'assign', actorUserId: supervisorUser.id }),
      );
    // The 交办 itself wrote the notifications (the outbox hook in the lifecycle transaction).
    const told = await env.ownerQuery('select count(*)::int as n from notifications where task_id = $1', [task.id]);
    expect(told[0]?.n).toBe(2); // the unit's handler and leader; the 督查员 who acted is not told
    const queued = await env.ownerQuery(
      'select count(*)::int as n from notification_deliveries d join notifications n on n.id = d.notification_id where n.task_id = $1',
      [task.id],
    );
    expect(queued[0]?.n).toBe(5); // e-mail + SMS for the handler, three group bots

    const bell = await call(handler.session, 'GET', '/api/notifications');
    const mine = bell.json<{ items: { title: string; link: string; kind: string }[] }>().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'assigned', title: '新交办事项：推进高标准农田建设', link: `/tasks/${task.id}` });
    expect((await call(supervisor, 'GET', '/api/notifications/unread-count')).json()).toEqual({ count: 0 });

    const before = { mails: smtp.mails.length, hits: bots.hits.length };
    const report = await deliverDue(env.deps, FAST);
    expect(report).toMatchObject({ sent: 5, failed: 0, dead: 0 });

    const mails = smtp.mails.slice(before.mails);
    expect(mails.map((m) => m.to)).toEqual([handler.email]);
    expect(mails[0]?.text).toContain(`查看详情：http://127.0.0.1:3000/tasks/${task.id}`);
    expect(mails[0]?.text).toContain('已交办贵单位牵头办理');
    const hits = bots.hits.slice(before.hits);
    const byPath = (p: string) => hits.filter((h) => h.path.startsWith(p));
    expect(byPath('/ding')).toHaveLength(1);
    expect(byPath('/ding')[0]?.signatureOk).toBe(true);
    expect(JSON.stringify(byPath('/ding')[0]?.body)).toContain('新交办事项');
    expect(byPath('/feishu')[0]?.signatureOk).toBe(true);
    expect(byPath('/feishu')[0]?.body).toMatchObject({ msg_type: 'text' });
    expect(byPath('/wecom')[0]?.body).toMatchObject({ msgtype: 'markdown' });
    const sms = byPath('/sms')[0]?.body as { mobile: string; content: string; sign: string };
    expect(sms.mobile).toBe('13800138000');
    expect(sms.content).toContain('【落实】新交办事项');
    expect(sms.content).toContain(`/tasks/${task.id}`);

    const again = await step();
    expect(again).toEqual({ notificationIds: [], deliveries: 0 });
    await deliverDue(env.deps, FAST);
    expect(smtp.mails.length - before.mails).toBe(1);
    expect(bots.hits.length - before.hits).toBe(4);
  });

  it('a 催办 reaches the 承办人 — or, while absent, the B角 — and 待您审批 reaches the responsible leader', async () => {
    const tree = await createTree(env.deps);
    const supervisorUser = await createUser(env.deps, tree.root, ['supervisor']);
    const supervisor = await signIn(env, supervisorUser);
    const [a, b, leaderPerson] = await Promise.all(
      ['A角', 'B角', '副省长'].map(async (name) => {
        const rows = await env.ownerQuery(
          `insert into persons (id, unit_id, name, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, $2, $3, now(), now()) returning id`,
          [name === '副省长' ? tree.root : tree.department, name, name === '副省长'],
        );
        return String(rows[0]?.id);
      }),
    );
    await env.ownerQuery(
      `insert into posts (id, unit_id, name, primary_holder_id, backup_holder_id, created_at, updated_at)
       values (gen_random_uuid(), $1, '联络员', $2, $3, now(), now())`,
      [tree.department, a, b],
    );
    const accountOf = async (personId: string, roles: Parameters<typeof createUser>[2], unit: string) => {
      const user = await createUser(env.deps, unit, roles);
      await env.ownerQuery('update users set person_id = $1 where id = $2', [personId, user.id]);
      return user;
    };
    const aUser = await accountOf(a!, ['unit_handler'], tree.countyA1);
    const bUser = await accountOf(b!, ['unit_handler'], tree.countyA2);
    const leaderUser = await accountOf(leaderPerson!, ['government_leader'], tree.root);
    const created = await call(supervisor, 'POST', '/api/tasks', {
      title: '整治农村人居环境',
      source: 'leader_instruction',
      content: '按批示整治。',
      leadUnitId: tree.department,
      responsibleLeaderId: leaderPerson,
    });
    expect(created.statusCode, created.body).toBe(201);
    const taskId = created.json<Task>().id;
    await env.ownerQuery("update tasks set handler_id = $1, status = 'in_progress' where id = $2", [a, taskId]);
    const usersTold = async (type: string) => {
      const result = await env.deps.database.db.transaction((tx) =>
        notifyTaskEvent(tx, env.clock, { taskId, type, actorUserId: supervisorUser.id, reason: '进度滞后' }),
      );
      const rows = await env.ownerQuery('select user_id, body from notifications where id = any($1::uuid[])', [result.notificationIds]);
      return rows;
    };
    // Each call is keyed by the latest timeline event of its type; without one, by the instant.
    const urged = await usersTold('urge');
    expect(urged.map((r) => r.user_id)).toContain(aUser.id);
    expect(urged.map((r) => r.user_id)).not.toContain(bUser.id);
    expect(String(urged[0]?.body)).toContain('意见：进度滞后');

    await env.ownerQuery("update persons set absent_from = '2026-03-01', absent_until = '2026-03-10' where id = $1", [a]);
    env.clock.advanceMinutes(1);
    const whileAway = (await usersTold('urge')).map((r) => r.user_id);
    expect(whileAway).toEqual(expect.arrayContaining([aUser.id, bUser.id]));

    env.clock.advanceMinutes(1);
    const approval = await usersTold('request_suspension');
    expect(approval.map((r) => r.user_id)).toEqual([leaderUser.id]);
    expect((await usersTold('evaluate')).length).toBe(0);
  });
});

describe('failures are recorded and retried while others continue', () => {
  it('a bot answering 500 and one that never answers are retried at 1, 5, 25 … minutes and given up after six attempts', async () => {
    const tree = await createTree(env.deps);
    const supervisorUser = await createUser(env.deps, tree.root, ['supervisor']);
    const supervisor = await signIn(env, supervisorUser);
    const adminUser = await createUser(env.deps, tree.root, ['system_admin']);
    let admin = await signIn(env, adminUser);
    await createUser(env.deps, tree.department, ['unit_handler']);
    await deliverDue(env.deps, FAST); // what earlier tests' lifecycle steps left in the outbox
    let slowBot = '';
    for (const path of ['/flaky', '/slow', '/wecom/ok?key=2']) {
      const res = await call(admin, 'POST', `/api/units/${tree.department}/webhooks`, { platform: 'wecom', url: `${bots.base}${path}` });
      expect(res.statusCode, res.body).toBe(201);
      if (path === '/slow') slowBot = res.json<{ id: string }>().id;
    }
    const task = (
      await call(supervisor, 'POST', '/api/tasks', {
        title: '办理群众来信',
        source: 'document',
        content: '办理。',
        leadUnitId: tree.department,
      })
    ).json<Task>();
    await env.deps.database.db.transaction((tx) =>
      notifyTaskEvent(tx, env.clock, { taskId: task.id, type: 'assign', actorUserId: supervisorUser.id }),
    );
    bots.flakyFails = true;
    const okBefore = bots.hits.filter((h) => h.path === '/wecom/ok').length;

    const first = await deliverDue(env.deps, SHORT);
    expect(first).toMatchObject({ sent: 1, failed: 2 });
    expect(bots.hits.filter((h) => h.path === '/wecom/ok').length).toBe(okBefore + 1);
    const list = async (status: string) =>
      (await call(admin, 'GET', `/api/notification-deliveries?status=${status}`)).json<{ items: NotificationDelivery[] }>().items;
    const failed = await list('failed');
    expect(failed.map((d) => d.lastError).sort()).toEqual([expect.stringContaining('HTTP 500'), expect.stringContaining('超时')]);
    expect(failed.every((d) => d.attempts === 1 && !d.target.includes('http'))).toBe(true);

    // Not due yet: nothing is attempted before the back-off has passed.
    expect((await deliverDue(env.deps, SHORT)).claimed).toBe(0);
    bots.flakyFails = false;
    env.clock.advanceMinutes(1);
    expect(await deliverDue(env.deps, SHORT)).toMatchObject({ sent: 1, failed: 1 });
    for (const minutes of [5, 25, 125, 625]) {
      env.clock.advanceMinutes(minutes - 1);
      expect((await deliverDue(env.deps, SHORT)).claimed).toBe(0);
      env.clock.advanceMinutes(1);
      expect((await deliverDue(env.deps, SHORT)).claimed).toBe(1);
    }
    admin = await signIn(env, adminUser); // hours later: a new session
    const dead = await list('dead');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ attempts: 6, lastError: expect.stringContaining('超时') });
    expect(bots.hits.filter((h) => h.path === '/wecom/ok').length).toBe(okBefore + 1);

    const freshAdmin = admin;
    const retried = await call(freshAdmin, 'POST', `/api/notification-deliveries/${dead[0]!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json<NotificationDelivery>()).toMatchObject({ status: 'pending', attempts: 0 });
    const twice = await call(freshAdmin, 'POST', `/api/notification-deliveries/${dead[0]!.id}/retry`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('NOTIFY_DELIVERY_NOT_DEAD');
    // Removing the bot gives up what is still queued for it, with the reason.
    const removed = await env.app.inject({ method: 'DELETE', url: `/api/webhook-endpoints/${slowBot}`, headers: authHeaders(freshAdmin) });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await deliverDue(env.deps, SHORT)).dead).toBe(1);
    expect((await list('dead'))[0]).toMatchObject({ target: '已删除的群机器人', lastError: expect.stringContaining('群机器人已删除') });
    const audit = await env.ownerQuery("select 1 from audit_events where event_type = 'notification.delivery_retried' and object_id = $1", [
      dead[0]!.id,
    ]);
    expect(audit).toHaveLength(1);
  });

  it('without an SMTP server, e-mail waits (pending) and says why instead of being given up', async () => {
    const tree = await createTree(env.deps);
    const { user } = await mailUser(tree.department);
    await notifyOne(user.id, `no-smtp-${user.id}`);
    const senders = sendersFor(testEnvConfig());
    const report = await deliverDue(env.deps, { ...FAST, senders });
    expect(report.waiting).toBeGreaterThanOrEqual(1);
    const [row] = await deliveriesOf(user.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, last_error: expect.stringContaining('SMTP_HOST') });
    env.clock.advanceMinutes(15); // configured meanwhile: the next look sends it
    await deliverDue(env.deps, FAST);
    expect((await deliveriesOf(user.id))[0]?.status).toBe('sent');
  });
});

describe('exactly once', () => {
  it('a worker killed after claiming, and two workers racing, still deliver each message exactly once', async () => {
    const tree = await createTree(env.deps);
    const { user } = await mailUser(tree.department);
    for (let i = 0; i < 8; i += 1) await notifyOne(user.id, `crash-${user.id}-${i}`);
    const ids = (await deliveriesOf(user.id)).map((d) => d.id);
    expect(ids).toHaveLength(8);

    // The "killed" worker: claims three and never comes back.
    const abandoned = await claimDue(env.deps, sendersFor(env.deps.env), 3);
    expect(abandoned).toHaveLength(3);
    // Two workers racing over the rest.
    const [w1, w2] = await Promise.all([deliverDue(env.deps, { ...FAST, batch: 2 }), deliverDue(env.deps, { ...FAST, batch: 2 })]);
    expect(w1.claimed + w2.claimed).toBe(4);
    await deliverDue(env.deps, FAST);
    const sentNow = (await deliveriesOf(user.id)).filter((d) => d.status === 'sent').length;
    expect(sentNow).toBe(5);
    // The abandoned rows stay leased for ten minutes, then the restarted worker takes them.
    env.clock.advanceMinutes(9);
    await deliverDue(env.deps, FAST);
    expect(
      (await deliveriesOf(user.id))
        .filter((d) => d.status === 'sending')
        .map((d) => d.id)
        .sort(),
    ).toEqual(abandoned.map((d) => d.id).sort());
    env.clock.advanceMinutes(2);
    await deliverDue(env.deps, FAST);

    const receipts = smtp.receipts();
    for (const id of ids) expect(countOf(receipts, id), id).toBe(1);
    // The abandoned three count their lost attempt; nobody received them twice.
    expect((await deliveriesOf(user.id)).map((d) => d.attempts).sort()).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
  });
});

describe('quiet hours and the digest', () => {
  it('holds e-mail during quiet hours until they end; the bell shows it at once', async () => {
    const tree = await createTree(env.deps);
    const { user } = await mailUser(tree.department, { quietHours: { from: '22:00', to: '07:30' } });
    env.clock.set('2026-03-02T15:00:00Z'); // 23:00 in Shanghai
    await notifyOne(user.id, `quiet-${user.id}`);
    const session = await signIn(env, user);
    expect((await call(session, 'GET', '/api/notifications/unread-count')).json()).toEqual({ count: 1 });
    const report = await deliverDue(env.deps, FAST);
    expect(report.deferred).toBe(1);
    const rows = await env.ownerQuery(
      'select d.next_attempt_at, d.status from notification_deliveries d join notifications n on n.id = d.notification_id where n.user_id = $1',
      [user.id],
    );
    expect(new Date(String(rows[0]?.next_attempt_at)).toISOString()).toBe('2026-03-02T23:30:00.000Z'); // 07:30 Shanghai
    env.clock.set('2026-03-02T23:30:00Z');
    expect((await deliverDue(env.deps, FAST)).sent).toBe(1);
    expect(smtp.mails.filter((m) => m.to.startsWith(user.username))).toHaveLength(1);
  });

  it('with the digest on, a day’s messages arrive as one e-mail at 08:30', async () => {
    const tree = await createTree(env.deps);
    const { user } = await mailUser(tree.department, { digest: true, quietHours: { from: '22:00', to: '07:30' } });
    env.clock.set('2026-03-03T02:00:00Z'); // 10:00 Shanghai
    for (let i = 0; i < 3; i += 1) await notifyOne(user.id, `digest-${user.id}-${i}`);
    await deliverDue(env.deps, FAST);
    expect(smtp.mails.filter((m) => m.to.startsWith(user.username))).toHaveLength(0);
    env.clock.set('2026-03-04T00:30:00Z'); // 08:30 Shanghai next day
    await deliverDue(env.deps, FAST);
    const mails = smtp.mails.filter((m) => m.to.startsWith(user.username));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.deliveryIds).toHaveLength(3);
  });
});
