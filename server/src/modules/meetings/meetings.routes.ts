/**
 * HTTP for 会议. Every read and write is scoped in the service (a meeting outside the reader's scope answers 404);
 * the material upload lives in its own context where multipart/form-data is the one content type parsed.
 */
import multipart from '@fastify/multipart';
import { meetingRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files.js';
import { addRoute } from '../../platform/http/route.js';
import { registerExpertRoutes } from './experts.routes.js';
import * as decisions from './meetings.decisions.js';
import * as materials from './meetings.materials.js';
import * as minutes from './meetings.minutes.js';
import * as meetings from './meetings.service.js';

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerMeetingRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['meetings'];
  registerExpertRoutes(app, deps);
  addRoute(app, meetingRoutes.types, { tags, summary: '会议类型 Meeting types' }, () => meetings.listMeetingTypes(deps));
  addRoute(
    app,
    meetingRoutes.createType,
    { config: { roles: ['system_admin'] }, tags, summary: '新增会议类型 Add a meeting type' },
    (request) => meetings.createMeetingType(deps, request.ctx, request.body),
  );
  addRoute(app, meetingRoutes.list, { tags, summary: '会议列表（含决定事项落实情况）Meetings with their decisions’ progress' }, (request) =>
    meetings.listMeetings(deps, request.ctx, request.query),
  );
  addRoute(app, meetingRoutes.create, { tags, summary: '召开会议（按政府、类型、年度编第N次）Convene a meeting' }, (request) =>
    meetings.convene(deps, request.ctx, request.body),
  );
  addRoute(app, meetingRoutes.get, { tags, summary: '会议页面 A meeting: agenda, attendance, record, decisions' }, (request) =>
    meetings.getMeeting(deps, request.ctx, request.params.id),
  );
  addRoute(app, meetingRoutes.setLeaders, { tags, summary: '出席/请假领导 Leaders attending the meeting' }, (request) =>
    meetings.setLeaders(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, meetingRoutes.addAgendaItem, { tags, summary: '新增议题 Add an agenda item' }, (request) =>
    meetings.addAgendaItem(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, meetingRoutes.signOff, { tags, summary: '分管领导审签议题 The responsible leader signs an agenda item off' }, (request) =>
    meetings.signOff(deps, request.ctx, request.params.id),
  );
  addRoute(app, meetingRoutes.setRecord, { tags, summary: '议定情况 The record of an agenda item' }, (request) =>
    meetings.setRecord(deps, request.ctx, request.params.id, request.body.record),
  );
  addRoute(app, meetingRoutes.registerAttendee, { tags, summary: '登记参会人员 Register an attendee of an agenda item' }, (request) =>
    meetings.registerAttendee(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, meetingRoutes.removeAttendee, { tags, summary: '取消参会登记 Remove an attendee' }, (request) =>
    meetings.removeAttendee(deps, request.ctx, request.params.id),
  );
  addRoute(app, meetingRoutes.decideLateMaterial, { tags, summary: '迟交材料是否采用 Accept or refuse late materials' }, (request) =>
    materials.decideLateMaterial(deps, request.ctx, request.params.id, request.body.decision),
  );
  addRoute(app, meetingRoutes.downloadMaterial, { tags, summary: '下载会议材料 Download meeting materials' }, async (request, reply) => {
    const file = await materials.openMaterial(deps, request.ctx, request.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('cache-control', 'private, no-store')
      .send(file.stream);
  });
  addRoute(app, meetingRoutes.recordDecision, { tags, summary: '记录会议决定事项 Record a decision' }, (request) =>
    decisions.recordDecision(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, meetingRoutes.updateDecision, { tags, summary: '修改会议决定事项 Edit a decision' }, (request) =>
    decisions.updateDecision(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(
    app,
    meetingRoutes.superviseDecision,
    { config: { roles: ['supervisor'] }, tags, summary: '列为督办事项 Make a decision supervised items' },
    (request) => decisions.superviseDecision(deps, request.ctx, request.params.id),
  );
  addRoute(app, meetingRoutes.updateMinutes, { tags, summary: '修改纪要草稿 Edit the draft minutes' }, (request) =>
    minutes.updateMinutes(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, meetingRoutes.issueMinutes, { tags, summary: '印发会议纪要 Issue the minutes' }, (request) =>
    minutes.issueMinutes(deps, request.ctx, request.params.id),
  );
  addRoute(app, meetingRoutes.minutesDocx, { tags, summary: '会议纪要 (DOCX, GB/T 9704 纪要格式)' }, async (request, reply) => {
    const document = await minutes.minutesDocument(deps, request.ctx, request.params.id);
    void reply
      .header('content-type', docx)
      .header('content-disposition', contentDisposition(document.fileName))
      .header('cache-control', 'private, no-store');
    return reply.send('bytes' in document ? document.bytes : document.stream);
  });

  void app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers();
    await uploads.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: materials.materialMaxMiB * 1024 * 1024, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
    });
    addRoute(
      uploads,
      meetingRoutes.uploadMaterial,
      {
        tags,
        summary: '上传会议材料（multipart/form-data，字段 file；迟交须说明原因 lateReason）Upload meeting materials',
        consumes: ['multipart/form-data'],
      },
      async (request) => {
        const part = await request.file();
        if (!part) throw fieldError('VALIDATION_FAILED', 'file', 'a file is required');
        return materials.uploadMaterial(deps, request.ctx, request.params.id, request.query.lateReason, {
          fileName: part.filename,
          file: part.file,
          isTruncated: () => part.file.truncated,
        });
      },
    );
  });
}
