/**
 * 会议 (REQUIREMENTS D1): 政府常务会议, 专题会议, 全体会议 and the types an administrator adds, numbered per government
 * and year (第N次常务会议); 议题 with the responsible leader's sign-off, materials due N working days before the
 * meeting, attendance under the rule "不能代表本地本部门（单位）和不熟悉情况的人员不得参会"; the record's numbered
 * 会议决定事项, each of which becomes 督办事项 through the engine; and the 会议纪要 (GB/T 9704 DOCX), issued once.
 */
import { z } from 'zod';
import { limits, text } from './common.js';
import { taskStatusSchema } from './tasks.js';
import { warningColourSchema } from './warnings.js';

/** Source codes (registry rows) of the items a decision becomes: the action itself and its follow-up document. */
export const meetingDecisionSource = 'meeting_decision';
export const meetingDocumentSource = 'meeting_document';

export const meetingTypeCode = z.string().regex(/^[a-z][a-z0-9_]{1,31}$/);

export const meetingType = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Materials are due this many working days before a meeting of this type (the default for a new meeting). */
  materialsWorkingDays: z.number().int(),
  active: z.boolean(),
});
export type MeetingType = z.infer<typeof meetingType>;

export const createMeetingTypeBody = z.strictObject({
  code: meetingTypeCode,
  nameZh: text(50),
  nameEn: text(80),
  materialsWorkingDays: z.number().int().min(0).max(30).default(3),
});

export const meetingListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  type: meetingTypeCode.optional(),
});

export const createMeetingBody = z.strictObject({
  governmentUnitId: z.uuid(),
  type: meetingTypeCode,
  /** Left out: 第N次{type name}. */
  title: text(limits.nameMax).optional(),
  heldOn: z.iso.date(),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  location: text(100).optional(),
  /** Default: the type's. */
  materialsWorkingDays: z.number().int().min(0).max(30).optional(),
});

export const leaderAttendanceSchema = z.enum(['present', 'leave']);
export type LeaderAttendance = z.infer<typeof leaderAttendanceSchema>;

export const setMeetingLeadersBody = z.strictObject({
  leaders: z.array(z.strictObject({ personId: z.uuid(), attendance: leaderAttendanceSchema, note: text(100).optional() })).max(60),
});

export const createAgendaItemBody = z.strictObject({
  title: text(limits.nameMax),
  summary: text(limits.longTextMax).optional(),
  submittingUnitId: z.uuid(),
  concernedUnitIds: z.array(z.uuid()).max(50).default([]),
  responsibleLeaderId: z.uuid(),
});

export const setAgendaRecordBody = z.strictObject({ record: text(limits.longTextMax).nullable() });

export const lateDecisionSchema = z.enum(['accepted', 'refused']);
export const decideLateMaterialBody = z.strictObject({ decision: lateDecisionSchema });
export const uploadMaterialQuery = z.strictObject({ lateReason: text(200).optional() });

export const registerAttendeeBody = z.strictObject({ personId: z.uuid(), unitId: z.uuid() });

const decisionFields = {
  text: text(limits.longTextMax),
  needsAction: z.boolean(),
  leadUnitId: z.uuid().nullable().optional(),
  cooperatingUnitIds: z.array(z.uuid()).max(50).optional(),
  /** 办结时限; left out: the source's default working days from 交办. */
  deadline: z.iso.date().nullable().optional(),
  /** 文件制发时限 and what document is due. */
  documentTitle: text(limits.nameMax).nullable().optional(),
  documentDeadline: z.iso.date().nullable().optional(),
};
export const recordDecisionBody = z.strictObject(decisionFields);
export const updateDecisionBody = z.strictObject({
  text: decisionFields.text.optional(),
  needsAction: z.boolean().optional(),
  leadUnitId: decisionFields.leadUnitId,
  cooperatingUnitIds: decisionFields.cooperatingUnitIds,
  deadline: decisionFields.deadline,
  documentTitle: decisionFields.documentTitle,
  documentDeadline: decisionFields.documentDeadline,
});

export const updateMinutesBody = z.strictObject({
  documentNumber: text(60).optional(),
  preamble: text(limits.longTextMax).nullable().optional(),
});

/** The live state of an item a decision became. */
export const supervisedItem = z.object({
  taskId: z.uuid(),
  serialNumber: z.string(),
  status: taskStatusSchema,
  light: warningColourSchema.nullable(),
  deadline: z.iso.date().nullable(),
  isOverdue: z.boolean(),
});
export type SupervisedItem = z.infer<typeof supervisedItem>;

/** Where a decision's items stand, for the summary line and each clause's tag. */
export const decisionProgressSchema = z.enum(['no_action', 'not_supervised', 'done', 'on_track', 'overdue']);
export type DecisionProgress = z.infer<typeof decisionProgressSchema>;

export const meetingDecision = z.object({
  id: z.uuid(),
  agendaItemId: z.uuid(),
  /** 1, 2, … within the agenda item; the meeting-wide label is 议题序号.条款序号. */
  position: z.number().int(),
  text: z.string(),
  needsAction: z.boolean(),
  leadUnitId: z.uuid().nullable(),
  leadUnitName: z.string().nullable(),
  cooperatingUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  deadline: z.iso.date().nullable(),
  documentTitle: z.string().nullable(),
  documentDeadline: z.iso.date().nullable(),
  item: supervisedItem.nullable(),
  documentItem: supervisedItem.nullable(),
  progress: decisionProgressSchema,
});
export type MeetingDecision = z.infer<typeof meetingDecision>;

export const agendaMaterial = z.object({
  id: z.uuid(),
  fileName: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string(),
  isLate: z.boolean(),
  lateReason: z.string().nullable(),
  lateDecision: lateDecisionSchema.nullable(),
});
export type AgendaMaterial = z.infer<typeof agendaMaterial>;

export const attendanceBasisSchema = z.enum(['leadership', 'designated']);
export const agendaAttendee = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  personTitle: z.string().nullable(),
  unitId: z.uuid(),
  unitName: z.string(),
  basis: attendanceBasisSchema,
});
export type AgendaAttendee = z.infer<typeof agendaAttendee>;

export const agendaItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  summary: z.string().nullable(),
  submittingUnit: z.object({ id: z.uuid(), name: z.string() }),
  concernedUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
  responsibleLeader: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() }),
  signedOffAt: z.string().nullable(),
  /** The reader is this item's responsible leader and it awaits their sign-off. */
  canSignOff: z.boolean(),
  record: z.string().nullable(),
  materials: z.array(agendaMaterial),
  attendees: z.array(agendaAttendee),
  decisions: z.array(meetingDecision),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const meetingLeader = z.object({
  personId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  attendance: leaderAttendanceSchema,
  note: z.string().nullable(),
});

/** "决定事项 11 项，已办结 6，正常推进 3，逾期 2" and the clauses not yet supervised. */
export const decisionSummary = z.object({
  total: z.number().int(),
  done: z.number().int(),
  onTrack: z.number().int(),
  overdue: z.number().int(),
  notSupervised: z.number().int(),
  noAction: z.number().int(),
});
export type DecisionSummary = z.infer<typeof decisionSummary>;

export const minutesStatusSchema = z.enum(['draft', 'issued']);
export const meetingMinutes = z.object({
  documentNumber: z.string(),
  preamble: z.string().nullable(),
  status: minutesStatusSchema,
  issuedAt: z.string().nullable(),
  issuedByName: z.string().nullable(),
});

export const meetingSummary = z.object({
  id: z.uuid(),
  governmentUnitId: z.uuid(),
  governmentName: z.string(),
  type: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  title: z.string(),
  heldOn: z.iso.date(),
  startTime: z.string().nullable(),
  location: z.string().nullable(),
  agendaCount: z.number().int(),
  minutesStatus: minutesStatusSchema,
  decisions: decisionSummary,
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

/** What the reader may do on the meeting page (the server checks the same). */
export const meetingAbilities = z.object({
  organise: z.boolean(),
  supervise: z.boolean(),
});

export const meetingDetail = meetingSummary.extend({
  materialsWorkingDays: z.number().int(),
  materialsDueOn: z.iso.date(),
  leaders: z.array(meetingLeader),
  agendaItems: z.array(agendaItem),
  minutes: meetingMinutes,
  can: meetingAbilities,
});
export type MeetingDetail = z.infer<typeof meetingDetail>;
