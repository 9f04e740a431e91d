/**
 * 进展反馈 and evidence attachments (REQUIREMENTS S3 "Progress reports", X4): the form pre-filled from the previous
 * report, who may submit and review, immutable reviewed reports, corrections as new versions, upload refusals that
 * leave nothing behind, content-addressed storage and download, idempotent submission.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentLimits, type Attachment, type ProgressReport, type ReportDraft, type Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  createTree,
  createUser,
  multipartFile,
  signIn,
  startTestEnv,
  type Session,
  type TestEnv,
  type TestTree,
} from './harness.js';

let env: TestEnv;
let filesDir: string;
beforeAll(async () => {
  env = await startTestEnv();
  filesDir = env.deps.env.FILES_DIR ?? '';
  expect(filesDir).not.toBe('');
});
afterAll(async () => {
  await env.close();
});

interface Cast {
  tree: TestTree;
  supervisor: Session;
  /** Handler of the lead unit (the tree's department). */
  unit: Session;
  /** A handler of a cooperating unit (prefectureA): sees the item, does not report on it. */
  cooperating: Session;
  /** A handler of countyB1: cannot see the item at all. */
  stranger: Session;
}

async function cast(): Promise<Cast> {
  const tree = await createTree(env.deps);
  const session = async (unitId: string, role: 'supervisor' | 'unit_handler') => signIn(env, await createUser(env.deps, unitId, [role]));
  return {
    tree,
    supervisor: await session(tree.root, 'supervisor'),
    unit: await session(tree.department, 'unit_handler'),
    cooperating: await session(tree.prefectureA, 'unit_handler'),
    stranger: await session(tree.countyB1, 'unit_handler'),
  };
}

function post(session: Session, url: string, payload: object, headers: Record<string, string> = {}) {
  return env.app.inject({ method: 'POST', url, payload, headers: { ...authHeaders(session), ...headers } });
}

function get(session: Session, url: string) {
  return env.app.inject({ method: 'GET', url, headers: authHeaders(session) });
}

/** An item registered, assigned and accepted by the lead unit: ready for reports. */
async function acceptedTask(c: Cast): Promise<Task> {
  const res = await post(c.supervisor, '/api/tasks', {
    title: '推进全省高标准农田建设',
    source: 'meeting_decision',
    content: '按照常务会议决定，抓紧推进高标准农田建设。',
    leadUnitId: c.tree.department,
    cooperatingUnitIds: [c.tree.prefectureA],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<Task>().id;
  expect((await post(c.supervisor, `/api/tasks/${id}/transitions`, { action: 'assign' })).statusCode).toBe(200);
  const accepted = await post(c.unit, `/api/tasks/${id}/transitions`, { action: 'accept' });
  expect(accepted.json<Task>().status).toBe('accepted');
  return accepted.json<Task>();
}

const firstReport = {
  periodLabel: '2026年3月',
  done: '完成一期 5 万亩建设任务。',
  nextSteps: '启动二期 7 万亩建设。',
  problems: '部分地块土地流转进度滞后。',
  helpNeeded: '请自然资源厅协调用地指标。',
  percent: 40,
};

async function submit(session: Session, taskId: string, body: object = firstReport, headers: Record<string, string> = {}) {
  return post(session, `/api/tasks/${taskId}/reports`, body, headers);
}

async function submitted(session: Session, taskId: string, body: object = firstReport): Promise<ProgressReport> {
  const res = await submit(session, taskId, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ProgressReport>();
}

async function draftOf(session: Session, taskId: string): Promise<ReportDraft> {
  const res = await get(session, `/api/tasks/${taskId}/reports/draft`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ReportDraft>();
}

const review = (session: Session, reportId: string, body: object) => post(session, `/api/reports/${reportId}/review`, body);

async function timelineOf(session: Session, taskId: string): Promise<{ type: string; reason: string | null }[]> {
  return (await get(session, `/api/tasks/${taskId}`)).json<{ timeline: { type: string; reason: string | null }[] }>().timeline;
}

async function auditTypes(objectId: string): Promise<string[]> {
  const rows = await env.ownerQuery('select event_type from audit_events where object_id = $1 order by id', [objectId]);
  return rows.map((r) => String(r.event_type));
}

function upload(session: Session, taskId: string, fileName: string, content: Buffer) {
  const { payload, headers } = multipartFile(fileName, content);
  return env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/attachments`,
    payload,
    headers: { ...authHeaders(session), ...headers },
  });
}

/** Stored files (the temporary area excluded). */
function storedFiles(): string[] {
  return existsSync(filesDir) ? readdirSync(filesDir).filter((f) => f !== '.tmp') : [];
}

function tmpFiles(): string[] {
  const tmp = join(filesDir, '.tmp');
  return existsSync(tmp) ? readdirSync(tmp) : [];
}

async function attachmentCount(): Promise<number> {
  const rows = await env.ownerQuery('select count(*)::int as n from attachments');
  return Number(rows[0]?.n);
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR 验收照片 bytes')]);
const PDF = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);

describe('access', () => {
  it('every report and attachment route answers 401 without a session', async () => {
    const id = randomUUID();
    const routes: ['GET' | 'POST', string][] = [
      ['GET', `/api/tasks/${id}/reports`],
      ['GET', `/api/tasks/${id}/reports/draft`],
      ['POST', `/api/tasks/${id}/reports`],
      ['POST', `/api/reports/${id}/review`],
      ['POST', `/api/tasks/${id}/attachments`],
      ['GET', `/api/attachments/${id}`],
    ];
    for (const [method, url] of routes) {
      const res = await env.app.inject({ method, url, ...(method === 'POST' ? multipartFile('a.pdf', Buffer.from('%PDF-')) : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('filing reports', () => {
  it('pre-fills the next report from the previous one; filing does not move the item', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const first = await draftOf(c.unit, task.id);
    expect(first).toMatchObject({ kind: 'first', basedOnReportId: null, doneHint: null, percent: null, canSubmit: true });

    const report = await submitted(c.unit, task.id);
    expect(report).toMatchObject({ version: 1, seq: 1, status: 'submitted', correctsReportId: null, percent: 40 });
    expect((await get(c.unit, `/api/tasks/${task.id}`)).json<Task>().status).toBe('accepted');

    const next = await draftOf(c.unit, task.id);
    expect(next).toMatchObject({
      kind: 'next',
      basedOnReportId: report.id,
      previousPeriodLabel: '2026年3月',
      periodLabel: null,
      done: report.done, // the starting text: a routine report edits what changed
      doneHint: '启动二期 7 万亩建设。',
      problems: '部分地块土地流转进度滞后。',
      helpNeeded: '请自然资源厅协调用地指标。',
      percent: 40,
      correctsReportId: null,
    });
    // The supervisor reads the same draft, but may not file it.
    expect((await draftOf(c.supervisor, task.id)).canSubmit).toBe(false);

    const second = await submitted(c.unit, task.id, { periodLabel: '2026年4月', done: '二期已开工。', milestone: '二期开工' });
    expect(second).toMatchObject({ seq: 2, version: 1, percent: null, milestone: '二期开工' });
    // The account is renamed to its office's name later: the report still names who filed it, and their unit.
    const filer = report.reporterName;
    expect(filer).toMatch(/^测试用户/);
    await env.ownerQuery("update users set display_name = '省政府督查室' where id = $1", [report.reporterUserId]);
    const list = (await get(c.cooperating, `/api/tasks/${task.id}/reports`)).json<{ items: ProgressReport[]; canSubmit: boolean }>();
    expect(list.items.map((r) => r.id)).toEqual([second.id, report.id]);
    expect(list.items[1]).toMatchObject({ reporterName: filer, reporterUnitName: expect.stringMatching(/^测试省教育厅-/) });
    expect(list.canSubmit).toBe(false);

    expect((await timelineOf(c.unit, task.id)).filter((e) => e.type.startsWith('report_')).map((e) => e.type)).toEqual([
      'report_submitted',
      'report_submitted',
    ]);
    expect(await auditTypes(report.id)).toEqual(['report.submitted']);
  });

  it('only the lead unit files, on an accepted or in-progress item: supervisor and cooperating unit 409, stranger 404', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const bySupervisor = await submit(c.supervisor, task.id);
    expect(bySupervisor.statusCode).toBe(409);
    expect(bySupervisor.json().error.code).toBe('REPORT_NOT_ALLOWED');
    expect(bySupervisor.json().error.messages['zh-CN']).toContain(
      '不能报送进展反馈：只有牵头单位的经办人员、事项的承办人或牵头政府的督查员可以报送',
    );
    expect((await submit(c.cooperating, task.id)).statusCode).toBe(409);
    const byStranger = await submit(c.stranger, task.id);
    expect(byStranger.statusCode).toBe(404);
    expect(byStranger.json().error.code).toBe('NOT_FOUND');
    expect((await get(c.stranger, `/api/tasks/${task.id}/reports`)).statusCode).toBe(404);
    expect((await get(c.stranger, `/api/tasks/${task.id}/reports/draft`)).statusCode).toBe(404);

    const draftItem = await post(c.supervisor, '/api/tasks', {
      title: '拟办事项',
      source: 'document',
      content: 'c',
      leadUnitId: c.tree.department,
    });
    const early = await submit(c.unit, draftItem.json<Task>().id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.messages['zh-CN']).toBe('不能报送进展反馈：只有已签收或办理中的事项可以报送');

    const noProgress = await submit(c.unit, task.id, { periodLabel: '3月', done: '进展' });
    expect(noProgress.statusCode).toBe(400);
    expect(noProgress.json().error.fields[0].path).toBe('percent');
    const badPercent = await submit(c.unit, task.id, { ...firstReport, percent: 101 });
    expect(badPercent.json().error.fields[0].path).toBe('percent');
    const rows = await env.ownerQuery('select count(*)::int as n from progress_reports where task_id = $1', [task.id]);
    expect(rows[0]?.n).toBe(0);
  });

  it('the same Idempotency-Key twice files one report; with another body it is refused with 422', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      submit(c.unit, task.id, firstReport, { 'idempotency-key': key }),
      submit(c.unit, task.id, firstReport, { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    const rows = await env.ownerQuery('select count(*)::int as n from progress_reports where task_id = $1', [task.id]);
    expect(rows[0]?.n).toBe(1);
    const events = (await timelineOf(c.unit, task.id)).filter((e) => e.type === 'report_submitted');
    expect(events).toHaveLength(1);
    const other = await submit(c.unit, task.id, { ...firstReport, done: '另一份' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('review', () => {
  it('an accepted report is final: a second review is refused and it cannot be corrected', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const report = await submitted(c.unit, task.id);
    const listed = (await get(c.supervisor, `/api/tasks/${task.id}/reports`)).json<{ items: ProgressReport[] }>();
    expect(listed.items[0]?.allowedActions).toEqual(['accept', 'return']);

    const byUnit = await review(c.unit, report.id, { accept: true });
    expect(byUnit.statusCode).toBe(409);
    expect(byUnit.json().error.messages['zh-CN']).toBe('不能审核该进展反馈：只有负责督办的督查室可以审核');
    expect((await review(c.stranger, report.id, { accept: true })).statusCode).toBe(404);

    const accepted = await review(c.supervisor, report.id, { accept: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<ProgressReport>()).toMatchObject({ status: 'accepted', allowedActions: [], reviewReason: null });
    expect(accepted.json<ProgressReport>().reviewedAt).not.toBeNull();

    const again = await review(c.supervisor, report.id, { accept: false, reason: '改主意了' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REPORT_ALREADY_REVIEWED');
    const correction = await submit(c.unit, task.id, { ...firstReport, correctsReportId: report.id });
    expect(correction.statusCode).toBe(409);
    expect(correction.json().error.messages['zh-CN']).toBe('不能更正该进展反馈：只能更正已退回的进展反馈');

    const rows = await env.ownerQuery('select status, done, review_reason from progress_reports where id = $1', [report.id]);
    expect(rows[0]).toEqual({ status: 'accepted', done: firstReport.done, review_reason: null });
    expect(await auditTypes(report.id)).toEqual(['report.submitted', 'report.accepted']);
    expect((await timelineOf(c.unit, task.id)).map((e) => e.type)).toContain('report_accepted');
  });

  it('a returned report is corrected as version 2, linked to version 1, which stays as it was', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const v1 = await submitted(c.unit, task.id);

    const noReason = await review(c.supervisor, v1.id, { accept: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const returned = await review(c.supervisor, v1.id, { accept: false, reason: '请补充资金到位情况' });
    expect(returned.json<ProgressReport>()).toMatchObject({ status: 'returned', reviewReason: '请补充资金到位情况' });
    const forUnit = (await get(c.unit, `/api/tasks/${task.id}/reports`)).json<{ items: ProgressReport[] }>();
    expect(forUnit.items[0]?.allowedActions).toEqual(['correct']);
    // The unit hears of it at once, with the reason.
    const bell = (await get(c.unit, '/api/notifications')).json<{ items: { title: string; body: string; taskId: string | null }[] }>();
    const told = bell.items.find((n) => n.taskId === task.id && n.title.startsWith('进展反馈被退回'));
    expect(told?.body).toContain('意见：请补充资金到位情况');

    const draft = await draftOf(c.unit, task.id);
    expect(draft).toMatchObject({
      kind: 'correction',
      correctsReportId: v1.id,
      returnReason: '请补充资金到位情况',
      periodLabel: v1.periodLabel,
      done: v1.done,
      percent: 40,
    });

    const v2 = await submitted(c.unit, task.id, {
      ...firstReport,
      done: `${firstReport.done}中央资金 1.2 亿元已到位。`,
      correctsReportId: draft.correctsReportId,
    });
    expect(v2).toMatchObject({ version: 2, seq: 2, correctsReportId: v1.id, status: 'submitted' });

    const list = (await get(c.supervisor, `/api/tasks/${task.id}/reports`)).json<{ items: ProgressReport[] }>();
    expect(list.items.map((r) => [r.version, r.status])).toEqual([
      [2, 'submitted'],
      [1, 'returned'],
    ]);
    expect(list.items[1]?.correctedByReportId).toBe(v2.id);
    expect(list.items[1]?.done).toBe(firstReport.done);

    const twice = await submit(c.unit, task.id, { ...firstReport, correctsReportId: v1.id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.messages['zh-CN']).toBe('不能更正该进展反馈：该进展反馈已更正过');
    expect((await draftOf(c.unit, task.id)).kind).toBe('next');

    const timeline = await timelineOf(c.unit, task.id);
    expect(timeline.filter((e) => e.type.startsWith('report_')).map((e) => e.type)).toEqual([
      'report_submitted',
      'report_returned',
      'report_submitted',
    ]);
    expect(timeline.find((e) => e.type === 'report_returned')?.reason).toBe('请补充资金到位情况');
    expect(await auditTypes(v1.id)).toEqual(['report.submitted', 'report.returned']);
  });
});

describe('attachments', () => {
  it('refuses a wrong type (by name and by content) with 415 and an oversized file with 413, writing nothing', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const before = await attachmentCount();
    const files = storedFiles();

    const exe = await upload(c.unit, task.id, '工作方案.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(exe.json().error.messages['zh-CN']).toContain('不接受 .exe 文件');

    const disguised = await upload(c.unit, task.id, '验收报告.pdf', Buffer.from('MZ this is not a PDF'));
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.messages['zh-CN']).toContain('文件内容与扩展名不符');
    const fakeDocx = await upload(c.unit, task.id, '方案.docx', PDF(100));
    expect(fakeDocx.statusCode).toBe(415);

    const tooLarge = await upload(c.unit, task.id, '全部材料.pdf', PDF(attachmentLimits.maxBytes + 1));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(tooLarge.json().error.messages['zh-CN']).toBe('附件不能超过 20 MB');

    const json = await post(c.unit, `/api/tasks/${task.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    // …and the JSON routes still take JSON only.
    const form = multipartFile('a.pdf', PDF(100));
    const formToJsonRoute = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/reports`,
      payload: form.payload,
      headers: { ...authHeaders(c.unit), ...form.headers },
    });
    expect(formToJsonRoute.statusCode).toBe(415);
    expect(formToJsonRoute.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await env.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/attachments`,
      payload: '--b--\r\n',
      headers: { ...authHeaders(c.unit), 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(empty.statusCode).toBe(400);

    expect((await upload(c.stranger, task.id, '照片.png', PNG)).statusCode).toBe(404);
    const bySupervisor = await upload(c.supervisor, task.id, '照片.png', PNG);
    expect(bySupervisor.statusCode).toBe(409);
    expect(bySupervisor.json().error.messages['zh-CN']).toContain(
      '不能上传附件：只有牵头单位的经办人员、事项的承办人或牵头政府的督查员可以报送',
    );

    expect(await attachmentCount()).toBe(before);
    expect(storedFiles()).toEqual(files);
    expect(tmpFiles()).toEqual([]);
  });

  it('stores a file under its SHA-256, includes it in a report, and downloads the same bytes with the Chinese name', async () => {
    const c = await cast();
    const task = await acceptedTask(c);
    const res = await upload(c.unit, task.id, '验收照片（一期）.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const stored = res.json<Attachment>();
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    expect(stored).toMatchObject({ fileName: '验收照片（一期）.png', contentType: 'image/png', size: PNG.length, sha256, taskId: task.id });
    expect(readFileSync(join(filesDir, sha256))).toEqual(PNG);
    const rows = await env.ownerQuery('select sha256, size::int as size from attachments where id = $1', [stored.id]);
    expect(rows[0]).toEqual({ sha256, size: PNG.length });
    expect(await auditTypes(stored.id)).toEqual(['attachment.uploaded']);

    // The exact size limit is accepted.
    const atLimit = await upload(c.unit, task.id, '全部材料.pdf', PDF(attachmentLimits.maxBytes));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect(atLimit.json<Attachment>().size).toBe(attachmentLimits.maxBytes);

    const report = await submitted(c.unit, task.id, { ...firstReport, attachmentIds: [stored.id] });
    expect(report.attachments.map((a) => a.id)).toEqual([stored.id]);
    const draft = await draftOf(c.unit, task.id);
    expect(draft.attachments).toEqual([]);

    const download = await get(c.cooperating, `/api/attachments/${stored.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(PNG);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="________.png"; filename*=UTF-8''${encodeURIComponent('验收照片（一期）.png')}`,
    );
    expect((await get(c.stranger, `/api/attachments/${stored.id}`)).statusCode).toBe(404);

    // An attachment of another item cannot be included.
    const otherTask = await acceptedTask(c);
    const foreign = await submit(c.unit, otherTask.id, { ...firstReport, attachmentIds: [stored.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields[0].path).toBe('attachmentIds');
  });
});
