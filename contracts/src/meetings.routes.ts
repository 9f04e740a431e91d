/** Routes of 会议: types, meetings, 议题 (sign-off, materials, attendance, record), 会议决定事项 and 会议纪要. */
import { z } from 'zod';
import { idParams } from './common.js';
import {
  agendaAttendee,
  agendaMaterial,
  createAgendaItemBody,
  createMeetingBody,
  createMeetingTypeBody,
  decideLateMaterialBody,
  meetingDecision,
  meetingDetail,
  meetingListQuery,
  meetingSummary,
  meetingType,
  recordDecisionBody,
  registerAttendeeBody,
  setAgendaRecordBody,
  setMeetingLeadersBody,
  updateDecisionBody,
  updateMinutesBody,
  uploadMaterialQuery,
} from './meetings.js';
import { defineRoute } from './route.js';

/** Generated or stored bytes, not JSON. */
const fileBytes = z.unknown().describe('file bytes');

export const meetingRoutes = {
  types: defineRoute({ method: 'GET', path: '/api/meeting-types', response: z.array(meetingType) }),
  createType: defineRoute({ method: 'POST', path: '/api/meeting-types', body: createMeetingTypeBody, status: 201, response: meetingType }),
  list: defineRoute({ method: 'GET', path: '/api/meetings', query: meetingListQuery, response: z.array(meetingSummary) }),
  create: defineRoute({ method: 'POST', path: '/api/meetings', body: createMeetingBody, status: 201, response: meetingDetail }),
  get: defineRoute({ method: 'GET', path: '/api/meetings/:id', params: idParams, response: meetingDetail }),
  setLeaders: defineRoute({
    method: 'PUT',
    path: '/api/meetings/:id/leaders',
    params: idParams,
    body: setMeetingLeadersBody,
    response: meetingDetail,
  }),
  addAgendaItem: defineRoute({
    method: 'POST',
    path: '/api/meetings/:id/agenda-items',
    params: idParams,
    body: createAgendaItemBody,
    status: 201,
    response: meetingDetail,
  }),
  signOff: defineRoute({ method: 'POST', path: '/api/agenda-items/:id/sign-off', params: idParams, response: meetingDetail }),
  setRecord: defineRoute({
    method: 'PUT',
    path: '/api/agenda-items/:id/record',
    params: idParams,
    body: setAgendaRecordBody,
    response: meetingDetail,
  }),
  uploadMaterial: defineRoute({
    method: 'POST',
    path: '/api/agenda-items/:id/materials',
    params: idParams,
    query: uploadMaterialQuery,
    status: 201,
    response: agendaMaterial,
  }),
  downloadMaterial: defineRoute({ method: 'GET', path: '/api/agenda-materials/:id/file', params: idParams, response: fileBytes }),
  decideLateMaterial: defineRoute({
    method: 'POST',
    path: '/api/agenda-materials/:id/decision',
    params: idParams,
    body: decideLateMaterialBody,
    response: agendaMaterial,
  }),
  registerAttendee: defineRoute({
    method: 'POST',
    path: '/api/agenda-items/:id/attendees',
    params: idParams,
    body: registerAttendeeBody,
    status: 201,
    response: agendaAttendee,
  }),
  removeAttendee: defineRoute({ method: 'DELETE', path: '/api/agenda-attendees/:id', params: idParams, response: meetingDetail }),
  recordDecision: defineRoute({
    method: 'POST',
    path: '/api/agenda-items/:id/decisions',
    params: idParams,
    body: recordDecisionBody,
    status: 201,
    response: meetingDecision,
  }),
  updateDecision: defineRoute({
    method: 'PATCH',
    path: '/api/meeting-decisions/:id',
    params: idParams,
    body: updateDecisionBody,
    response: meetingDecision,
  }),
  superviseDecision: defineRoute({
    method: 'POST',
    path: '/api/meeting-decisions/:id/supervise',
    params: idParams,
    status: 201,
    response: meetingDecision,
  }),
  updateMinutes: defineRoute({
    method: 'PATCH',
    path: '/api/meetings/:id/minutes',
    params: idParams,
    body: updateMinutesBody,
    response: meetingDetail,
  }),
  issueMinutes: defineRoute({ method: 'POST', path: '/api/meetings/:id/minutes/issue', params: idParams, response: meetingDetail }),
  minutesDocx: defineRoute({ method: 'GET', path: '/api/meetings/:id/minutes.docx', params: idParams, response: fileBytes }),
};
