/**
 * The daily reminder and escalation sweep against the database (issue 5): at 09:00 each day from mid-September to
 * November 2026 — across 中秋, 国庆 and the 调休 Saturday — an item's reminders and ladder rungs land on its 时间线,
 * in the audit log and in the right people's bells, exactly once however often the sweep runs; a worker that missed
 * days announces only the highest rung; an extension starts a new ladder; the 通报候选 / 约谈建议 lists follow; and the
 * pg-boss wiring runs the sweep on this database (PGlite or PostgreSQL) as the restricted app role.
 */
import type { EscalationCandidatePage, NotificationPage, SourcePolicy, TaskDetail } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import calendarSeed from '../src/platform/calendar/calendar-seed.json' with { type: 'json' };
import { runEscalationSweep } from '../src/modules/escalations/escalations.service.js';
import { startJobs } from '../src/jobs/jobs.js';
import { systemScope } from '../src/platform/scope.js';
import {
  authHeaders,
  createTree,
  createUser,
  signIn,
  startTestEnv,
  type Session,
  type TestEnv,
  type TestTree,
  type TestUser,
} from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
  for (const day of calendarSeed as { day: string; kind: string; name: string }[]) {
    if (day.day.startsWith('2026')) {
      await env.ownerQuery('insert into calendar_days (day, kind, name) values ($1, $2, $3) on conflict do nothing', [
        day.day,
        day.kind,
        day.name,
      ]);
    }
  }
});
afterAll(async () => {
  await env.close();
});

/** 09:00 Beijing time on `day` — the sweep's cron time. */
const nineAm = (day: string) => `${day}T01:00:00Z`;

function call(session: Session, method: 'GET' | 'PUT', url: string, payload?: object) {
  return env.app.inject({ method, url, ...(payload ? { payload } : {}), headers: authHeaders(session) });
}

interface Cast {
  tree: TestTree;
  supervisor: TestUser;
  handler: TestUser;
  unitLeader: TestUser;
  govLeader: TestUser;
  leaderPersonId: string;
  handlerPersonId: string;
}

/** A province, its 督查室, the 教育厅 with its leader and a 承办人, and a 副省长 — with accounts. */
async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const person = async (unit: string, name: string, leader = false) =>
    String(
      (
        await env.ownerQuery(
          `insert into persons (id, unit_id, name, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, $2, $3, now(), now()) returning id`,
          [unit, name, leader],
        )
      )[0]?.id,
    );
  const handlerPersonId = await person(tree.department, '李承办');
  const leaderPersonId = await person(tree.root, '王副省长', true);
  const linked = async (unit: string, roles: Parameters<typeof createUser>[2], personId?: string) => {
    const user = await createUser(env.deps, unit, roles);
    if (personId) await env.ownerQuery('update users set person_id = $1 where id = $2', [personId, user.id]);
    return user;
  };
  return {
    tree,
    supervisor: await linked(tree.root, ['supervisor']),
    handler: await linked(tree.department, ['unit_handler'], handlerPersonId),
    unitLeader: await linked(tree.department, ['unit_leader']),
    govLeader: await linked(tree.root, ['government_leader'], leaderPersonId),
    leaderPersonId,
    handlerPersonId,
  };
}

/** A running item of the 教育厅 (registered through the API, moved to 办理中 with its 承办人). */
async function runningItem(c: Cast, deadline: string, extra: { status?: string; frequency?: string } = {}): Promise<string> {
  const session = await signIn(env, c.supervisor);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(session),
    payload: {
      title: `推进义务教育优质均衡发展${deadline}`,
      source: 'leader_instruction',
      content: '按批示推进。',
      leadUnitId: c.tree.department,
      responsibleLeaderId: c.leaderPersonId,
      reportingFrequency: extra.frequency ?? 'once',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  await env.ownerQuery(`update tasks set status = $1, deadline = $2, handler_id = $3, assigned_at = $4 where id = $5`, [
    extra.status ?? 'in_progress',
    deadline,
    c.handlerPersonId,
    new Date(env.clock.now().getTime() - 14 * 86_400_000),
    id,
  ]);
  return id;
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

async function stepsOf(taskId: string): Promise<{ rung: string; day: string; working_days: number }[]> {
  return (await env.ownerQuery(
    `select rung, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, working_days
     from task_escalations where task_id = $1 order by id`,
    [taskId],
  )) as never;
}

async function titlesFor(user: TestUser, taskId: string): Promise<string[]> {
  const session = await signIn(env, user);
  const page = (await call(session, 'GET', '/api/notifications?limit=100')).json<NotificationPage>();
  return page.items.filter((n) => n.taskId === taskId).map((n) => n.title.split('：')[0]!);
}

describe('the daily sweep on the official calendar', () => {
  it('reminds before the deadline and climbs the ladder after it, on working days only, once each', async () => {
    env.clock.set(nineAm('2026-09-14'));
    const c = await cast();
    const taskId = await runningItem(c, '2026-09-30');
    for (const day of days('2026-09-15', '2026-11-05')) {
      env.clock.set(nineAm(day));
      const first = await runEscalationSweep(env.deps, systemScope());
      // A second run the same day (a retried job, a second worker) adds nothing.
      expect((await runEscalationSweep(env.deps, systemScope())).stepsRecorded).toBe(0);
      if (!['2026-09-26', '2026-10-03', '2026-10-11'].includes(day)) continue;
      expect(first.itemsChecked, `${day} is not a working day`).toBe(0);
    }
    expect((await stepsOf(taskId)).map((s) => `${s.day} ${s.rung} ${s.working_days}`)).toEqual([
      '2026-09-24 due_3 3', // 中秋 09-25…27 off
      '2026-09-29 due_1 1',
      '2026-10-08 remind 1', // 国庆 10-01…07 off
      '2026-10-10 urge 3', // the 调休 Saturday is a working day
      '2026-10-13 notice 5',
      '2026-10-20 bulletin 10',
      '2026-11-03 interview 20',
    ]);

    // On the 时间线, by the system, in order.
    const supervisor = await signIn(env, c.supervisor);
    const detail = (await call(supervisor, 'GET', `/api/tasks/${taskId}`)).json<TaskDetail>();
    const steps = detail.timeline.filter((e) => e.type === 'reminded' || e.type === 'escalated');
    expect(steps.map((e) => [e.type, (e.data as { rung: string }).rung, e.actorName])).toEqual([
      ['reminded', 'due_3', null],
      ['reminded', 'due_1', null],
      ['escalated', 'remind', null],
      ['escalated', 'urge', null],
      ['escalated', 'notice', null],
      ['escalated', 'bulletin', null],
      ['escalated', 'interview', null],
    ]);
    expect(steps[3]?.at).toBe('2026-10-10T01:00:00.000Z');

    // In the audit log, as the system.
    const audit = await env.ownerQuery(
      `select event_type, actor_user_id, after from audit_events where object_id = $1 and event_type in ('task.reminded', 'task.escalated') order by id`,
      [taskId],
    );
    expect(audit.map((a) => a.event_type)).toEqual([...Array(2).fill('task.reminded'), ...Array(5).fill('task.escalated')]);
    expect(audit.every((a) => a.actor_user_id === null)).toBe(true);
    expect((audit[4]?.after as { notice: string }).notice).toContain('督办通知');

    // In the bells of whom each rung concerns.
    expect(await titlesFor(c.handler, taskId)).toEqual(['督办通知', '催办', '逾期提醒', '临期提醒', '临期提醒']);
    expect(await titlesFor(c.unitLeader, taskId)).toEqual(['列入通报候选', '督办通知', '催办']);
    expect(await titlesFor(c.supervisor, taskId)).toEqual(['建议约谈', '列入通报候选']);
    expect(await titlesFor(c.govLeader, taskId)).toEqual(['建议约谈']);
    const handlerSession = await signIn(env, c.handler);
    const latest = (await call(handlerSession, 'GET', '/api/notifications?limit=100')).json<NotificationPage>().items;
    expect(latest.find((n) => n.title.startsWith('临期提醒'))?.body).toContain('还有 1 个工作日');
    expect(latest.find((n) => n.title.startsWith('催办'))?.link).toBe(`/tasks/${taskId}`);

    // The 通报候选 and 约谈建议 lists of the 督查室.
    const bulletin = (await call(supervisor, 'GET', '/api/escalations?rung=bulletin')).json<EscalationCandidatePage>();
    const listed = bulletin.items.find((i) => i.taskId === taskId);
    expect(listed).toMatchObject({ rung: 'interview', overdueWorkingDays: 22, deadline: '2026-09-30', leadUnitId: c.tree.department });
    const interview = (await call(supervisor, 'GET', '/api/escalations?rung=interview')).json<EscalationCandidatePage>();
    expect(interview.items.map((i) => i.taskId)).toContain(taskId);
    expect((await call(supervisor, 'GET', '/api/escalations?rung=accountability')).statusCode).toBe(400);
    expect((await call(supervisor, 'GET', '/api/escalations?cursor=bad')).statusCode).toBe(400);
  });

  it('after missed days records the passed rungs but announces only the highest; an extension starts again', async () => {
    env.clock.set(nineAm('2026-11-09'));
    const c = await cast();
    const taskId = await runningItem(c, '2026-10-20');
    // First run 14 working days overdue: 提醒, 催办, 督办通知 passed; 通报候选 announced.
    const report = await runEscalationSweep(env.deps, systemScope());
    expect(report.stepsRecorded).toBeGreaterThanOrEqual(4);
    expect((await stepsOf(taskId)).map((s) => s.rung)).toEqual(['remind', 'urge', 'notice', 'bulletin']);
    const supervisor = await signIn(env, c.supervisor);
    const timeline = (await call(supervisor, 'GET', `/api/tasks/${taskId}`)).json<TaskDetail>().timeline;
    const escalated = timeline.filter((e) => e.type === 'escalated');
    expect(escalated.map((e) => e.data)).toEqual([
      { rung: 'bulletin', keyDate: '2026-10-20', workingDays: 14, passed: ['remind', 'urge', 'notice'] },
    ]);
    expect(await titlesFor(c.handler, taskId)).toEqual([]);
    expect(await titlesFor(c.unitLeader, taskId)).toEqual(['列入通报候选']);

    // 延期 to 11-13: no longer overdue, off the 通报候选 list; the new deadline's reminders start.
    await env.ownerQuery(`update tasks set deadline = '2026-11-13' where id = $1`, [taskId]);
    env.clock.set(nineAm('2026-11-10'));
    await runEscalationSweep(env.deps, systemScope());
    expect((await stepsOf(taskId)).map((s) => s.rung).slice(4)).toEqual(['due_3']);
    const list = (await call(await signIn(env, c.supervisor), 'GET', '/api/escalations')).json<EscalationCandidatePage>();
    expect(list.items.map((i) => i.taskId)).not.toContain(taskId);
  });

  it('tells the lead unit and the 督查室 once when 签收 is overdue, and the handler before a report is due', async () => {
    env.clock.set(nineAm('2026-11-16'));
    const c = await cast();
    const waiting = await runningItem(c, '2026-12-31', { status: 'assigned' });
    // 交办 on Monday 11-16; 签收 due two working days later (11-18); overdue from 11-19.
    await env.ownerQuery('update tasks set assigned_at = $1 where id = $2', [nineAm('2026-11-16'), waiting]);
    const weekly = await runningItem(c, '2026-12-31', { frequency: 'weekly' });
    await env.ownerQuery('update tasks set last_report_at = $1 where id = $2', [nineAm('2026-11-16'), weekly]);
    for (const day of days('2026-11-17', '2026-11-23')) {
      env.clock.set(nineAm(day));
      await runEscalationSweep(env.deps, systemScope());
    }
    expect((await stepsOf(waiting)).map((s) => `${s.day} ${s.rung}`)).toEqual(['2026-11-19 sign_for']);
    expect(await titlesFor(c.supervisor, waiting)).toEqual(['逾期未签收']);
    expect(await titlesFor(c.handler, waiting)).toEqual(['逾期未签收']);
    // Weekly from Monday 11-16: due Monday 11-23, reminded on Friday 11-20; not on the 时间线.
    expect((await stepsOf(weekly)).map((s) => `${s.day} ${s.rung}`)).toEqual(['2026-11-20 report']);
    expect(await titlesFor(c.handler, weekly)).toEqual(['进展反馈提醒']);
    const supervisor = await signIn(env, c.supervisor);
    const timeline = (await call(supervisor, 'GET', `/api/tasks/${weekly}`)).json<TaskDetail>().timeline;
    expect(timeline.filter((e) => e.type === 'reminded')).toEqual([]);
  });

  it('follows the timing the system administrator sets per source, and refuses a ladder out of order', async () => {
    env.clock.set(nineAm('2026-11-23'));
    const c = await cast();
    const adminUser = await createUser(env.deps, c.tree.root, ['system_admin']);
    const admin = await signIn(env, adminUser);
    const current = (await call(admin, 'GET', '/api/source-policies'))
      .json<SourcePolicy[]>()
      .find((p) => p.source === 'leader_instruction')!;
    expect(current.reminderWorkingDays).toEqual([3, 1]);
    const { source: _source, ...body } = current;
    const bad = await call(admin, 'PUT', '/api/source-policies/leader_instruction', {
      ...body,
      escalationWorkingDays: { remind: 2, urge: 2, notice: 5, bulletin: 10, interview: 20 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
    const fast = await call(admin, 'PUT', '/api/source-policies/leader_instruction', {
      ...body,
      reminderWorkingDays: [0],
      escalationWorkingDays: { remind: 1, urge: 2, notice: 3, bulletin: 4, interview: 5 },
    });
    expect(fast.statusCode, fast.body).toBe(200);
    // An older client that leaves the ladder out keeps it.
    const { reminderWorkingDays: _r, escalationWorkingDays: _e, source: _s, ...legacy } = fast.json<SourcePolicy>();
    const kept = await call(admin, 'PUT', '/api/source-policies/leader_instruction', legacy);
    expect(kept.json<SourcePolicy>().escalationWorkingDays.urge).toBe(2);
    try {
      const taskId = await runningItem(c, '2026-11-23');
      await runEscalationSweep(env.deps, systemScope());
      env.clock.set(nineAm('2026-11-25'));
      await runEscalationSweep(env.deps, systemScope());
      expect((await stepsOf(taskId)).map((s) => `${s.day} ${s.rung}`)).toEqual([
        '2026-11-23 due_0',
        '2026-11-25 remind',
        '2026-11-25 urge',
      ]);
    } finally {
      // The clock moved on two days: a new session puts the defaults back for the other tests.
      const again = await signIn(env, adminUser);
      expect((await call(again, 'PUT', '/api/source-policies/leader_instruction', body)).statusCode).toBe(200);
    }
  });
});

describe('the job queue (pg-boss) on this database', () => {
  it('runs the sweep as the restricted app role when a job is queued', async () => {
    env.clock.set(nineAm('2026-12-01'));
    const c = await cast();
    const taskId = await runningItem(c, '2026-12-02');
    const logged: string[] = [];
    const jobs = await startJobs(env.deps, (m, e) => logged.push(`${m} ${e instanceof Error ? e.message : ''}`), {
      pollingIntervalSeconds: 0.5,
    });
    try {
      await expect
        .poll(async () => [...(await stepsOf(taskId)).map((s) => s.rung), ...logged.filter((m) => m.includes('failed'))], {
          timeout: 20_000,
          interval: 250,
        })
        .toEqual(['due_1', 'due_3']);
      expect(logged.some((m) => m.startsWith('escalation sweep:'))).toBe(true);
      expect(logged.filter((m) => m.includes('failed'))).toEqual([]);
    } finally {
      await jobs.stop();
    }
    const done = await env.ownerQuery(`select state from pgboss.job where name = 'escalation-sweep' order by created_on`);
    expect(done.map((j) => j.state)).toContain('completed');
  });
});
