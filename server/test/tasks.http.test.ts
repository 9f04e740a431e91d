/**
 * 督办事项 from intake to archive (REQUIREMENTS S1, S3, R3): numbering, deadlines on the working-day calendar,
 * duplicate suggestions, every lifecycle action allowed and refused by state and party, timeline and audit in
 * the same transaction, idempotent retries and version conflicts.
 */
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import type { Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import calendarSeed from '../src/platform/calendar/calendar-seed.json' with { type: 'json' };
import {
  authHeaders,
  createTree,
  createUser,
  signIn,
  startTestEnv,
  type Session,
  type TestEnv,
  type TestTree,
  withCompletionProof,
} from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

interface Cast {
  tree: TestTree;
  supervisor: Session;
  /** Handler of the lead unit (the tree's department). */
  unit: Session;
  /** A handler of another unit (countyA1): neither supervisor nor lead unit of the items. */
  stranger: Session;
  handlerId: string;
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  const unit = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
  const stranger = await signIn(env, await createUser(env.deps, tree.countyA1, ['unit_handler']));
  const handler = await env.ownerQuery(
    "insert into persons (id, unit_id, name, title, created_at, updated_at) values (gen_random_uuid(), $1, '王承办', '科员', now(), now()) returning id",
    [tree.department],
  );
  return { tree, supervisor, unit, stranger, handlerId: String(handler[0]?.id) };
}

function post(session: Session, url: string, payload: object, headers: Record<string, string> = {}) {
  return env.app.inject({ method: 'POST', url, payload, headers: { ...authHeaders(session), ...headers } });
}

async function register(c: Cast, overrides: object = {}): Promise<Task> {
  const res = await post(c.supervisor, '/api/tasks', {
    title: '推进全省高标准农田建设',
    source: 'meeting_decision',
    sourceRef: { meeting: '省政府第12次常务会议', clause: '抓紧推进高标准农田建设，年底前完成目标任务。' },
    content: '按照常务会议决定，抓紧推进高标准农田建设。',
    leadUnitId: c.tree.department,
    cooperatingUnitIds: [c.tree.prefectureA, c.tree.prefectureB],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

const act = async (session: Session, id: string, body: object, headers: Record<string, string> = {}) =>
  post(session, `/api/tasks/${id}/transitions`, await withCompletionProof(env, session, id, body), headers);

describe('intake', () => {
  it('numbers items 督〔year〕n号 without gaps per government and year, even after a refused registration', async () => {
    const c = await cast();
    const first = await register(c);
    expect(first.serialNumber).toMatch(/^测督〔2026〕\d+号$/); // the government’s prefix (测试省…) first
    const refused = await post(c.supervisor, '/api/tasks', { title: 'x', source: 'document', content: 'y', leadUnitId: randomUUID() });
    expect(refused.statusCode).toBe(404);
    const second = await register(c);
    const seq = (t: Task) => Number(/〔2026〕(\d+)号/.exec(t.serialNumber)?.[1]);
    expect(seq(second)).toBe(seq(first) + 1);
    expect(first.status).toBe('draft');
    expect(first.allowedActions).toEqual(['assign', 'withdraw']);
    expect(first.cooperatingUnits.map((u) => u.unitId).sort()).toEqual([c.tree.prefectureA, c.tree.prefectureB].sort());
  });

  it('takes the default deadline from the source and counts it in working days from 交办 (春节 2026)', async () => {
    const c = await cast();
    // The official calendar, as the base seed loads it.
    for (const day of calendarSeed.filter((d) => d.day.startsWith('2026-02'))) {
      await env.ownerQuery('insert into calendar_days (day, kind, name) values ($1, $2, $3) on conflict do nothing', [
        day.day,
        day.kind,
        day.name,
      ]);
    }
    env.clock.set('2026-02-10T02:00:00Z'); // Tuesday before 春节
    try {
      const task = await register(c, { source: 'leader_instruction' });
      expect(task.deadline).toBeNull();
      expect(task.deadlineWorkingDays).toBe(15);
      const assigned = (await act(c.supervisor, task.id, { action: 'assign' })).json<Task>();
      // 02-11..02-14 (调休 Saturday) = 4, holiday 02-15..02-23, then 11 more working days → 2026-03-09.
      expect(assigned.deadline).toBe('2026-03-09');
      expect(assigned.originalDeadline).toBe('2026-03-09');
    } finally {
      env.clock.set(new Date());
    }
  });

  it('refuses a lead unit that is also cooperating, a past deadline, and oversized or NUL text', async () => {
    const c = await cast();
    const res = await post(c.supervisor, '/api/tasks', {
      title: 't',
      source: 'document',
      content: 'c',
      leadUnitId: c.tree.department,
      cooperatingUnitIds: [c.tree.department],
    });
    expect(res.json().error.code).toBe('TASK_LEAD_UNIT_COOPERATING');
    const past = await post(c.supervisor, '/api/tasks', {
      title: 't',
      source: 'document',
      content: 'c',
      leadUnitId: c.tree.department,
      deadline: '2020-01-01',
    });
    expect(past.json().error.code).toBe('TASK_DEADLINE_IN_PAST');
    const big = await post(c.supervisor, '/api/tasks', {
      title: 'x'.repeat(201),
      source: 'document',
      content: 'c',
      leadUnitId: c.tree.department,
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.fields[0].path).toBe('title');
    const before = await env.ownerQuery('select count(*)::int as n from tasks');
    const nul = await post(c.supervisor, '/api/tasks', {
      title: 'a\u0000b',
      source: 'document',
      content: 'c',
      leadUnitId: c.tree.department,
    });
    expect(nul.json().error.code).toBe('NUL_BYTE');
    expect(await env.ownerQuery('select count(*)::int as n from tasks')).toEqual(before);
  });

  it('suggests similar open items while registering (Chinese trigram similarity), within scope', async () => {
    const c = await cast();
    const existing = await register(c, { title: '加快推进昆明市老旧小区改造工作' });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/tasks/similar?text=${encodeURIComponent('推进昆明市老旧小区改造')}`,
      headers: authHeaders(c.supervisor),
    });
    expect(res.statusCode).toBe(200);
    const hits = res.json<{ id: string; similarity: number }[]>();
    expect(hits[0]?.id).toBe(existing.id);
    expect(hits[0]?.similarity).toBeGreaterThan(0.2);
    const unrelated = await env.app.inject({
      method: 'GET',
      url: `/api/tasks/similar?text=${encodeURIComponent('森林防火')}`,
      headers: authHeaders(c.supervisor),
    });
    expect(unrelated.json<{ id: string }[]>().some((t) => t.id === existing.id)).toBe(false);
  });

  it('only the 督查室 registers items', async () => {
    const c = await cast();
    const res = await post(c.unit, '/api/tasks', { title: 't', source: 'document', content: 'c', leadUnitId: c.tree.department });
    expect(res.statusCode).toBe(403);
  });
});

describe('lifecycle', () => {
  it('runs from 拟办 to 已归档 with every step on the timeline and in the audit log', async () => {
    const c = await cast();
    const task = await register(c);
    const steps: [Session, object, string][] = [
      [c.supervisor, { action: 'assign' }, 'assigned'],
      [c.unit, { action: 'accept' }, 'accepted'],
      [c.unit, { action: 'start', handlerId: c.handlerId }, 'in_progress'],
      [c.supervisor, { action: 'urge', reason: '请加快进度', channel: 'phone' }, 'in_progress'],
      [c.unit, { action: 'request_completion', summary: '已完成 12 万亩建设任务。' }, 'completion_requested'],
      [c.supervisor, { action: 'send_back', reason: '缺少验收材料' }, 'in_progress'],
      [c.unit, { action: 'request_completion', summary: '补充了验收材料。' }, 'completion_requested'],
      [c.supervisor, { action: 'approve_completion' }, 'completed'],
      [c.supervisor, { action: 'evaluate', evaluation: { quality: 5, timeliness: 4, satisfaction: 5 } }, 'evaluated'],
      [c.supervisor, { action: 'archive' }, 'archived'],
    ];
    let detail: Task & { timeline: { type: string; reason: string | null }[] } = { ...task, timeline: [] };
    for (const [session, body, status] of steps) {
      const res = await act(session, task.id, body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(200);
      detail = res.json();
      expect(detail.status).toBe(status);
    }
    expect(detail.handlerName).toBe('王承办');
    expect(detail.sendBackCount).toBe(1);
    expect(detail.urgeCount).toBe(1);
    expect(detail.evaluation).toEqual({ quality: 5, timeliness: 4, satisfaction: 5 });
    expect(detail.allowedActions).toEqual([]);
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'created',
      'assign',
      'accept',
      'start',
      'urge',
      'request_completion',
      'send_back',
      'request_completion',
      'approve_completion',
      'evaluate',
      'archive',
    ]);
    expect(detail.timeline.find((e) => e.type === 'send_back')?.reason).toBe('缺少验收材料');
    const audit = await env.ownerQuery("select event_type from audit_events where object_type = 'task' and object_id = $1 order by id", [
      task.id,
    ]);
    expect(audit.map((a) => a.event_type)).toEqual(['task.created', ...detail.timeline.slice(1).map((e) => `task.${e.type}`)]);
  });

  it('lets the lead unit return a wrongly assigned item with a reason, and the 督查室 re-assign it elsewhere', async () => {
    const c = await cast();
    const task = await register(c);
    await act(c.supervisor, task.id, { action: 'assign' });
    const noReason = await act(c.unit, task.id, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('TASK_REASON_REQUIRED');
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const returned = await act(c.unit, task.id, { action: 'return', reason: '不属于本单位职责' });
    expect(returned.json().status).toBe('draft');
    const etag = `"${returned.json().version as number}"`;
    const moved = await env.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { ...authHeaders(c.supervisor), 'if-match': etag },
      payload: { leadUnitId: c.tree.countyA1, cooperatingUnitIds: [] },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().leadUnitId).toBe(c.tree.countyA1);
    // The stale version is refused now.
    const stale = await env.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      headers: { ...authHeaders(c.supervisor), 'if-match': etag },
      payload: { title: '再改' },
    });
    expect(stale.statusCode).toBe(412);
    expect((await act(c.supervisor, task.id, { action: 'assign' })).json().status).toBe('assigned');
    // The old lead unit can no longer act; the new one can.
    expect((await act(c.unit, task.id, { action: 'accept' })).statusCode).toBe(404);
    expect((await act(c.stranger, task.id, { action: 'accept' })).json().status).toBe('accepted');
  });

  it('refuses actions out of turn with 409 and the reason in Chinese, changing nothing', async () => {
    const c = await cast();
    const task = await register(c);
    const early = await act(c.unit, task.id, { action: 'accept' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TASK_ACTION_NOT_ALLOWED');
    expect(early.json().error.messages['zh-CN']).toBe('督办事项当前为「拟办」，不能签收：该操作只适用于已交办的事项');
    await act(c.supervisor, task.id, { action: 'assign' });
    const wrongParty = await act(c.supervisor, task.id, { action: 'accept' });
    expect(wrongParty.statusCode).toBe(409);
    expect(wrongParty.json().error.messages['zh-CN']).toContain('只有牵头单位的经办人员、事项的承办人或牵头政府的督查员可以执行');
    const selfApproval = await act(c.unit, task.id, { action: 'approve_completion' });
    expect(selfApproval.statusCode).toBe(409);
    const foreignHandler = await act(c.unit, task.id, { action: 'accept' });
    expect(foreignHandler.statusCode).toBe(200);
    const outsider = await env.ownerQuery(
      "insert into persons (id, unit_id, name, created_at, updated_at) values (gen_random_uuid(), $1, '外单位人员', now(), now()) returning id",
      [c.tree.countyA1],
    );
    const badStart = await act(c.unit, task.id, { action: 'start', handlerId: String(outsider[0]?.id) });
    expect(badStart.json().error.code).toBe('TASK_HANDLER_NOT_IN_UNIT');
    const rows = await env.ownerQuery('select status, handler_id from tasks where id = $1', [task.id]);
    expect(rows[0]).toEqual({ status: 'accepted', handler_id: null });
  });

  it('shows each party its own 待办', async () => {
    const c = await cast();
    const task = await register(c);
    const inbox = async (s: Session) =>
      (await env.app.inject({ method: 'GET', url: '/api/tasks?inbox=true', headers: authHeaders(s) }))
        .json<{ items: Task[] }>()
        .items.map((t) => t.id);
    expect(await inbox(c.supervisor)).toContain(task.id);
    expect(await inbox(c.unit)).not.toContain(task.id);
    await act(c.supervisor, task.id, { action: 'assign' });
    expect(await inbox(c.unit)).toContain(task.id);
    expect(await inbox(c.stranger)).not.toContain(task.id);
    const list = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: authHeaders(c.stranger) });
    expect(list.statusCode).toBe(404);
  });
});

describe('nothing lost, nothing doubled', () => {
  it('the same Idempotency-Key twice creates one item; with another body it is refused with 422', async () => {
    const c = await cast();
    const key = randomUUID();
    const body = { title: '幂等测试事项', source: 'document', content: '内容', leadUnitId: c.tree.department };
    const first = await post(c.supervisor, '/api/tasks', body, { 'idempotency-key': key });
    const again = await post(c.supervisor, '/api/tasks', body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const rows = await env.ownerQuery("select count(*)::int as n from tasks where title = '幂等测试事项'");
    expect(rows[0]?.n).toBe(1);
    const other = await post(c.supervisor, '/api/tasks', { ...body, title: '另一个' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('a retried transition has one effect: 催办 counted once', async () => {
    const c = await cast();
    const task = await register(c);
    await act(c.supervisor, task.id, { action: 'assign' });
    const key = randomUUID();
    const body = { action: 'urge', reason: '请于本周内反馈', channel: 'system' };
    const [a, b] = await Promise.all([
      act(c.supervisor, task.id, body, { 'idempotency-key': key }),
      act(c.supervisor, task.id, body, { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const rows = await env.ownerQuery('select urge_count from tasks where id = $1', [task.id]);
    expect(rows[0]?.urge_count).toBe(1);
  });

  it('a transition sent with a stale If-Match is refused with 412', async () => {
    const c = await cast();
    const task = await register(c);
    const res = await act(c.supervisor, task.id, { action: 'assign' }, { 'if-match': `"${task.version + 5}"` });
    expect(res.statusCode).toBe(412);
    expect((await act(c.supervisor, task.id, { action: 'assign' }, { 'if-match': `"${task.version}"` })).statusCode).toBe(200);
  });
});

describe('督办通知单 and 催办通知单', () => {
  it('downloads as DOCX in the GB/T 9704 layout with the 发文字号, addressee and deadline', async () => {
    const c = await cast();
    const task = await register(c, { deadline: '2026-12-31', requirements: '每月 25 日前报送进展。' });
    const res = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}/assignment-notice.docx`, headers: authHeaders(c.unit) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('督办通知单'));
    const xml = documentXml(res.rawPayload);
    expect(xml).toContain(task.serialNumber);
    expect(xml).toContain('督办通知单');
    expect(xml).toContain(`${task.leadUnitName}：`);
    expect(xml).toContain('2026年12月31日');
    expect(xml).toContain('每月 25 日前报送进展。');
    // A4, margins 37/35/28/26 mm.
    expect(xml).toMatch(/w:pgMar[^>]*w:top="2098"/);
    expect(xml).toMatch(/w:pgMar[^>]*w:left="1587"/);
    const none = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}/urge-notice.docx`, headers: authHeaders(c.supervisor) });
    expect(none.statusCode).toBe(404);
    await act(c.supervisor, task.id, { action: 'assign' });
    await act(c.supervisor, task.id, { action: 'urge', reason: '请于 12 月 10 日前报送阶段性成果', channel: 'document' });
    const urge = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}/urge-notice.docx`, headers: authHeaders(c.supervisor) });
    expect(urge.statusCode).toBe(200);
    const urgeXml = documentXml(urge.rawPayload);
    expect(urgeXml).toContain('催办通知单');
    expect(urgeXml).toContain('请于 12 月 10 日前报送阶段性成果');
    expect(urgeXml).toContain('第1次催办');
  });
});

function documentXml(bytes: Buffer): string {
  const file = unzipSync(new Uint8Array(bytes))['word/document.xml'];
  if (!file) throw new Error('no document.xml');
  return strFromU8(file);
}

describe('申请办结 asks for what the 督查室 reviews against', () => {
  it('needs evidence of this item and every checklist point confirmed, and keeps both on the timeline', async () => {
    const c = await cast();
    const task = await register(c, { cooperatingUnitIds: [c.tree.prefectureA] });
    for (const [session, body] of [
      [c.supervisor, { action: 'assign' }],
      [c.unit, { action: 'accept' }],
      [c.unit, { action: 'start', handlerId: c.handlerId }],
    ] as const) {
      expect((await act(session, task.id, body)).statusCode).toBe(200);
    }
    const summary = { action: 'request_completion', summary: '已完成 12 万亩建设任务。' };
    const send = (body: object) => post(c.unit, `/api/tasks/${task.id}/transitions`, body);

    const noEvidence = await send({ ...summary, checklist: ['goals_met', 'evidence_true', 'cooperating_consulted', 'nothing_left'] });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error).toMatchObject({ code: 'TASK_EVIDENCE_REQUIRED', fields: [{ path: 'evidenceIds' }] });

    // Someone else's file is not evidence of this item.
    const other = await register(c);
    const { evidenceIds: foreign } = (await withCompletionProof(env, c.unit, other.id, summary)) as { evidenceIds?: string[] };
    expect(foreign).toBeUndefined(); // the other item is not being worked on: nothing could be uploaded to it
    const proof = (await withCompletionProof(env, c.unit, task.id, summary)) as { evidenceIds: string[] };
    const wrongFile = await send({ ...summary, evidenceIds: [randomUUID()], checklist: ['goals_met'] });
    expect(wrongFile.statusCode).toBe(400);
    expect(wrongFile.json().error.fields[0].path).toBe('evidenceIds');

    // The item has a cooperating unit, so consulting it is one of the points.
    const unconfirmed = await send({
      ...summary,
      evidenceIds: proof.evidenceIds,
      checklist: ['goals_met', 'evidence_true', 'nothing_left'],
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error).toMatchObject({ code: 'TASK_CHECKLIST_INCOMPLETE', fields: [{ path: 'checklist' }] });
    expect(unconfirmed.json().error.messages['zh-CN']).toBe('申请办结须逐项确认：已征求配合单位意见');
    const unchanged = await env.app.inject({ method: 'GET', url: `/api/tasks/${task.id}`, headers: authHeaders(c.supervisor) });
    expect(unchanged.json<Task>().status).toBe('in_progress');

    const checklist = ['goals_met', 'evidence_true', 'cooperating_consulted', 'nothing_left'];
    const asked = await send({ ...summary, evidenceIds: proof.evidenceIds, checklist });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().timeline.at(-1)).toMatchObject({
      type: 'request_completion',
      data: { summary: summary.summary, evidenceIds: proof.evidenceIds, checklist },
    });
  });
});
