/**
 * 会议 (issue 15, D1): convening and numbering, leaders, 议题 with the leader's sign-off, the attendance rule (allowed
 * and refused, each with its reason and nothing written), materials on time and late, decisions that become 督办事项
 * through the engine (with a 文件制发时限 as its own item), the meeting's live summary, scope, and minutes issued once.
 */
import type {
  AgendaAttendee,
  AgendaMaterial,
  ErrorBody,
  MeetingDecision,
  MeetingDetail,
  MeetingSummary,
  TaskDetail,
} from '@luoshi/contracts';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, multipartFile, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

async function person(unitId: string, name: string, isLeader: boolean, title: string | null = null): Promise<string> {
  const [row] = await env.ownerQuery(
    'insert into persons (id, unit_id, name, title, is_leader, created_at, updated_at) values (gen_random_uuid(), $1, $2, $3, $4, now(), now()) returning id',
    [unitId, name, title, isLeader],
  );
  return String(row?.id);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
function api(session: Session) {
  return (method: Method, url: string, payload?: object) =>
    env.app.inject({ method, url, headers: authHeaders(session), ...(payload ? { payload } : {}) });
}
const codeOf = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;

describe('会议', () => {
  it('convenes, checks attendance, turns decisions into 督办事项, and issues the minutes once', async () => {
    const tree = await createTree(env.deps);
    const governor = await person(tree.root, '王省长', true, '省长');
    const viceGovernor = await person(tree.root, '李副省长', true, '副省长');
    const onLeave = await person(tree.root, '赵副省长', true, '副省长');
    const deptLeader = await person(tree.department, '张厅长', true, '厅长');
    const deptStaff = await person(tree.department, '刘处长', false, '处长');
    const outsider = await person(tree.countyB1, '陈科员', false);

    const staff = api(await signIn(env, await createUser(env.deps, tree.root, ['meeting_staff'])));
    const supervisor = api(await signIn(env, await createUser(env.deps, tree.root, ['supervisor'])));
    const leaderUser = await createUser(env.deps, tree.root, ['government_leader']);
    await env.ownerQuery('update users set person_id = $1 where id = $2', [viceGovernor, leaderUser.id]);
    const leader = api(await signIn(env, leaderUser));
    const deptHandler = api(await signIn(env, await createUser(env.deps, tree.department, ['unit_handler'])));
    const deptLeaderUser = api(await signIn(env, await createUser(env.deps, tree.department, ['unit_leader'])));
    const county = api(await signIn(env, await createUser(env.deps, tree.countyB1, ['supervisor', 'meeting_staff'])));

    // Convening: 第N次 per government, type and year; materials due 3 working days before (Tue 10 → Thu 5 March).
    const convene = (session = staff, body: object = {}) =>
      session('POST', '/api/meetings', {
        governmentUnitId: tree.root,
        type: 'thematic',
        heldOn: '2026-03-10',
        materialsWorkingDays: 3,
        ...body,
      });
    const created = await convene();
    expect(created.statusCode, created.body).toBe(201);
    const meeting = created.json<MeetingDetail>();
    expect(meeting).toMatchObject({
      seq: 1,
      year: 2026,
      title: '第1次专题会议',
      materialsDueOn: '2026-03-05',
      minutes: { status: 'draft' },
    });
    expect((await convene()).json<MeetingDetail>().seq).toBe(2);
    expect((await convene(staff, { type: 'executive' })).json<MeetingDetail>().title).toBe('第1次政府常务会议');
    expect(codeOf(await convene(staff, { type: 'no_such_type' }))).toBe('MEETING_TYPE_UNKNOWN');
    expect(codeOf(await convene(staff, { governmentUnitId: tree.department }))).toBe('MEETING_NOT_A_GOVERNMENT');
    expect((await convene(deptHandler)).statusCode).toBe(404);
    expect((await convene(county)).statusCode).toBe(404);

    // Leaders for the whole meeting: the government's own leadership only.
    const leaders = (list: object[]) => staff('PUT', `/api/meetings/${meeting.id}/leaders`, { leaders: list });
    expect(codeOf(await leaders([{ personId: deptLeader, attendance: 'present' }]))).toBe('MEETING_LEADER_NOT_OF_GOVERNMENT');
    const withLeaders = await leaders([
      { personId: governor, attendance: 'present' },
      { personId: viceGovernor, attendance: 'present' },
      { personId: onLeave, attendance: 'leave', note: '出差' },
    ]);
    expect(withLeaders.json<MeetingDetail>().leaders.map((l) => [l.name, l.attendance])).toEqual([
      ['王省长', 'present'],
      ['李副省长', 'present'],
      ['赵副省长', 'leave'],
    ]);

    // Three 议题; the responsible leader must be in the government's leadership.
    const addItem = (title: string, body: object = {}) =>
      staff('POST', `/api/meetings/${meeting.id}/agenda-items`, {
        title,
        submittingUnitId: tree.department,
        concernedUnitIds: [tree.prefectureA],
        responsibleLeaderId: viceGovernor,
        ...body,
      });
    expect(codeOf(await addItem('越权议题', { responsibleLeaderId: deptLeader }))).toBe('MEETING_AGENDA_LEADER_INVALID');
    await addItem('关于义务教育薄弱环节改善的汇报');
    await addItem('关于职业教育产教融合的汇报');
    const third = (await addItem('关于学前教育普惠发展的汇报')).json<MeetingDetail>();
    expect(third.agendaItems.map((a) => a.position)).toEqual([1, 2, 3]);
    const item = third.agendaItems[0]!;

    // Attendance: leadership attends; a staff member only when the unit's leader registers them; others refused.
    const attend = (session: ReturnType<typeof api>, personId: string, unitId: string) =>
      session('POST', `/api/agenda-items/${item.id}/attendees`, { personId, unitId });
    const byLeadership = await attend(staff, deptLeader, tree.department);
    expect(byLeadership.statusCode, byLeadership.body).toBe(201);
    expect(byLeadership.json<AgendaAttendee>().basis).toBe('leadership');
    const refused = await attend(staff, deptStaff, tree.department);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error).toMatchObject({ code: 'MEETING_ATTENDEE_NOT_REPRESENTATIVE' });
    expect(refused.json<ErrorBody>().error.messages?.['zh-CN']).toContain('不能代表本地本部门（单位）和不熟悉情况的人员不得参会');
    expect(refused.json<ErrorBody>().error.messages?.en).toContain('may not attend');
    expect(codeOf(await attend(deptHandler, deptStaff, tree.department))).toBe('MEETING_ATTENDEE_NOT_REPRESENTATIVE');
    expect(codeOf(await attend(staff, outsider, tree.countyB1))).toBe('MEETING_ATTENDEE_UNIT_NOT_CONCERNED');
    expect(codeOf(await attend(staff, outsider, tree.department))).toBe('MEETING_ATTENDEE_NOT_OF_UNIT');
    const designated = await attend(deptLeaderUser, deptStaff, tree.department);
    expect(designated.json<AgendaAttendee>().basis).toBe('designated');
    expect(codeOf(await attend(staff, deptLeader, tree.department))).toBe('MEETING_ATTENDEE_TAKEN');
    const afterAttendance = (await staff('GET', `/api/meetings/${meeting.id}`)).json<MeetingDetail>();
    expect(afterAttendance.agendaItems[0]?.attendees.map((a) => a.personName)).toEqual(['张厅长', '刘处长']);

    // Materials on time from the submitting unit; a file that is not a document is refused.
    const upload = (session: Session | null, name: string, bytes: Buffer, query = '') => {
      const { payload, headers } = multipartFile(name, bytes);
      return env.app.inject({
        method: 'POST',
        url: `/api/agenda-items/${item.id}/materials${query}`,
        headers: { ...(session ? authHeaders(session) : {}), ...headers },
        payload,
      });
    };
    const handlerSession = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    const onTime = await upload(handlerSession, '汇报材料.pdf', Buffer.from('%PDF-1.4\n% 汇报\n'));
    expect(onTime.statusCode, onTime.body).toBe(201);
    expect(onTime.json<AgendaMaterial>().isLate).toBe(false);
    expect(codeOf(await upload(handlerSession, '程序.exe', Buffer.from('MZ...')))).toBe('MEETING_MATERIAL_TYPE_REFUSED');

    // Decisions wait for the responsible leader's sign-off, which only that leader gives, once.
    const decide = (agendaItemId: string, body: object) => staff('POST', `/api/agenda-items/${agendaItemId}/decisions`, body);
    expect(codeOf(await decide(item.id, { text: '先记一条', needsAction: false }))).toBe('MEETING_AGENDA_NOT_SIGNED_OFF');
    expect(codeOf(await staff('POST', `/api/agenda-items/${item.id}/sign-off`))).toBe('MEETING_AGENDA_NOT_YOUR_SIGN_OFF');
    expect((await leader('POST', `/api/agenda-items/${item.id}/sign-off`)).statusCode).toBe(200);
    expect(codeOf(await leader('POST', `/api/agenda-items/${item.id}/sign-off`))).toBe('MEETING_AGENDA_ALREADY_SIGNED_OFF');

    const clause1 = (
      await decide(item.id, {
        text: '原则同意省教育厅汇报的薄弱环节改善方案。由省教育厅牵头，甲市配合，6月底前完成300所学校改造。',
        needsAction: true,
        leadUnitId: tree.department,
        cooperatingUnitIds: [tree.prefectureA],
        deadline: '2026-06-30',
      })
    ).json<MeetingDecision>();
    expect(clause1).toMatchObject({ position: 1, progress: 'not_supervised', item: null });
    expect(codeOf(await decide(item.id, { text: '无牵头单位', needsAction: true }))).toBe('MEETING_DECISION_NEEDS_LEAD_UNIT');
    const clause2 = (
      await decide(item.id, {
        text: '甲市研究制定配套实施方案。',
        needsAction: true,
        leadUnitId: tree.prefectureA,
        documentTitle: '甲市义务教育薄弱环节改善实施方案',
        documentDeadline: '2026-04-30',
      })
    ).json<MeetingDecision>();
    const clause3 = (await decide(item.id, { text: '会议听取了汇报。', needsAction: false })).json<MeetingDecision>();
    expect([clause2.position, clause3.position]).toEqual([2, 3]);

    // One step to 督办事项, by the 督查室 only, through the engine: numbered, 拟办, linked back to the clause.
    const supervise = (session: ReturnType<typeof api>, id: string) => session('POST', `/api/meeting-decisions/${id}/supervise`);
    expect((await supervise(staff, clause1.id)).statusCode).toBe(403);
    const supervised = await supervise(supervisor, clause1.id);
    expect(supervised.statusCode, supervised.body).toBe(201);
    const first = supervised.json<MeetingDecision>();
    expect(first.item).toMatchObject({ status: 'draft', deadline: '2026-06-30', isOverdue: false });
    expect(first.progress).toBe('on_track');
    const task = (await supervisor('GET', `/api/tasks/${first.item?.taskId}`)).json<TaskDetail>();
    expect(task).toMatchObject({
      source: 'meeting_decision',
      leadUnitId: tree.department,
      responsibleLeaderId: viceGovernor,
      sourceRef: { recordId: clause1.id, link: `/meetings/${meeting.id}/decisions/${clause1.id}` },
    });
    expect(task.serialNumber).toMatch(/督〔2026〕\d+号$/);
    expect(task.sourceRef.meeting).toContain('第1次专题会议');
    expect(codeOf(await supervise(supervisor, clause1.id))).toBe('MEETING_DECISION_ALREADY_SUPERVISED');
    expect(codeOf(await supervise(supervisor, clause3.id))).toBe('MEETING_DECISION_NOTHING_TO_SUPERVISE');
    const second = (await supervise(supervisor, clause2.id)).json<MeetingDecision>();
    expect(second.documentItem).toMatchObject({ status: 'draft', deadline: '2026-04-30' });
    const documentTask = (await supervisor('GET', `/api/tasks/${second.documentItem?.taskId}`)).json<TaskDetail>();
    expect(documentTask).toMatchObject({
      source: 'meeting_document',
      relatedTaskId: second.item?.taskId,
      title: '制发文件：甲市义务教育薄弱环节改善实施方案',
    });
    // What fed an item cannot change once it is supervised; the wording can.
    expect(codeOf(await staff('PATCH', `/api/meeting-decisions/${clause1.id}`, { deadline: '2026-07-31' }))).toBe(
      'MEETING_DECISION_ALREADY_SUPERVISED',
    );

    // The meeting page and the list: every clause with its items' live state, summed up.
    const detail = (await deptHandler('GET', `/api/meetings/${meeting.id}`)).json<MeetingDetail>();
    expect(detail.can).toEqual({ organise: false, supervise: false });
    expect(detail.decisions).toEqual({ total: 3, done: 0, onTrack: 2, overdue: 0, notSupervised: 0, noAction: 1 });
    const list = (await staff('GET', '/api/meetings?type=thematic')).json<MeetingSummary[]>();
    expect(list.find((m) => m.id === meeting.id)?.decisions.onTrack).toBe(2);
    // Outside the scope: 404 and absent from the list.
    expect((await county('GET', `/api/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await county('GET', '/api/meetings')).json<MeetingSummary[]>()).toEqual([]);
    expect((await county('POST', `/api/agenda-items/${item.id}/attendees`, { personId: outsider, unitId: tree.countyB1 })).statusCode).toBe(
      404,
    );

    // Minutes: a draft DOCX in the 纪要 layout, editable; issued once; then nothing in the record changes.
    await staff('PUT', `/api/agenda-items/${item.id}/record`, { record: '会议听取了省教育厅关于义务教育薄弱环节改善情况的汇报。' });
    expect((await staff('PATCH', `/api/meetings/${meeting.id}/minutes`, { documentNumber: '〔2026〕8号' })).statusCode).toBe(200);
    const draft = await staff('GET', `/api/meetings/${meeting.id}/minutes.docx`);
    expect(draft.statusCode).toBe(200);
    const draftXml = strFromU8(unzipSync(draft.rawPayload)['word/document.xml']!);
    for (const words of [
      '专题会议纪要',
      '〔2026〕8号',
      '草稿',
      '一、关于义务教育薄弱环节改善的汇报',
      '出席',
      '王省长',
      '请假',
      '赵副省长',
      '列席',
      '张厅长',
      '印发',
    ]) {
      expect(draftXml).toContain(words);
    }
    const issued = await staff('POST', `/api/meetings/${meeting.id}/minutes/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json<MeetingDetail>().minutes).toMatchObject({ status: 'issued', documentNumber: '〔2026〕8号' });
    expect(codeOf(await staff('POST', `/api/meetings/${meeting.id}/minutes/issue`))).toBe('MEETING_MINUTES_ISSUED');
    const edit = await staff('PATCH', `/api/meetings/${meeting.id}/minutes`, { preamble: '改写' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<ErrorBody>().error.code).toBe('MEETING_MINUTES_ISSUED');
    expect(codeOf(await decide(item.id, { text: '补记一条', needsAction: false }))).toBe('MEETING_MINUTES_ISSUED');
    expect(codeOf(await staff('PUT', `/api/agenda-items/${item.id}/record`, { record: '改写' }))).toBe('MEETING_MINUTES_ISSUED');
    const one = await staff('GET', `/api/meetings/${meeting.id}/minutes.docx`);
    const two = await staff('GET', `/api/meetings/${meeting.id}/minutes.docx`);
    expect(Buffer.compare(one.rawPayload, two.rawPayload)).toBe(0);
    expect(strFromU8(unzipSync(one.rawPayload)['word/document.xml']!)).not.toContain('草稿');
    await expect(env.ownerQuery(`update meeting_minutes set preamble = 'x' where meeting_id = $1`, [meeting.id])).rejects.toThrow();
    // A clause supervised after issue cites the issued minutes.
    const issuedMeeting = (await staff('GET', `/api/meetings/${meeting.id}`)).json<MeetingDetail>();
    expect(issuedMeeting.minutes.issuedByName).toBeTruthy();
  });

  it('takes late materials only with a reason, for the organisers to accept or refuse once', async () => {
    const tree = await createTree(env.deps);
    const viceGovernor = await person(tree.root, '周副省长', true, '副省长');
    const staffSession = await signIn(env, await createUser(env.deps, tree.root, ['meeting_staff']));
    const staff = api(staffSession);
    const handler = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
    // Held Wednesday 4 March with materials due 3 working days before: Friday 27 February, already past on 2 March.
    const meeting = (
      await staff('POST', '/api/meetings', {
        governmentUnitId: tree.root,
        type: 'executive',
        heldOn: '2026-03-04',
        materialsWorkingDays: 3,
      })
    ).json<MeetingDetail>();
    expect(meeting.materialsDueOn).toBe('2026-02-27');
    const item = (
      await staff('POST', `/api/meetings/${meeting.id}/agenda-items`, {
        title: '关于重点项目建设的汇报',
        submittingUnitId: tree.department,
        responsibleLeaderId: viceGovernor,
      })
    ).json<MeetingDetail>().agendaItems[0]!;
    const upload = (query: string) => {
      const { payload, headers } = multipartFile('项目清单.docx', Buffer.from('PK\u0003\u0004 docx'));
      return env.app.inject({
        method: 'POST',
        url: `/api/agenda-items/${item.id}/materials${query}`,
        headers: { ...authHeaders(handler), ...headers },
        payload,
      });
    };
    const refused = await upload('');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error).toMatchObject({ code: 'MEETING_MATERIALS_LATE', params: { dueOn: '2026-02-27' } });
    expect((await staff('GET', `/api/meetings/${meeting.id}`)).json<MeetingDetail>().agendaItems[0]?.materials).toEqual([]);
    const late = await upload(`?lateReason=${encodeURIComponent('数据核对延误')}`);
    expect(late.statusCode, late.body).toBe(201);
    const material = late.json<AgendaMaterial>();
    expect(material).toMatchObject({ isLate: true, lateReason: '数据核对延误', lateDecision: null });
    expect((await api(handler)('POST', `/api/agenda-materials/${material.id}/decision`, { decision: 'accepted' })).statusCode).toBe(403);
    const accepted = await staff('POST', `/api/agenda-materials/${material.id}/decision`, { decision: 'accepted' });
    expect(accepted.json<AgendaMaterial>().lateDecision).toBe('accepted');
    expect(codeOf(await staff('POST', `/api/agenda-materials/${material.id}/decision`, { decision: 'refused' }))).toBe(
      'MEETING_MATERIAL_DECIDED',
    );
    const file = await staff('GET', `/api/agenda-materials/${material.id}/file`);
    expect(file.rawPayload.toString()).toBe('PK\u0003\u0004 docx');
    // No decision yet: the minutes cannot be issued.
    expect(codeOf(await staff('POST', `/api/meetings/${meeting.id}/minutes/issue`))).toBe('MEETING_MINUTES_NOT_READY');
  });
});
