/**
 * 会议 (REQUIREMENTS D1): meeting types as data, meetings numbered per government, type and year (第N次常务会议),
 * their leaders (出席/请假), 议题 with concerned units, materials, attendees, the numbered 会议决定事项 (each linked to
 * the 督办事项 it became) and the 会议纪要 (draft, then issued once: its DOCX bytes are kept by hash).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { units, persons } from './org.js';
import { tasks } from './tasks.js';

/** 政府常务会议, 专题会议, 全体会议 and whatever the system administrator adds. */
export const meetingTypes = pgTable('meeting_types', {
  code: varchar('code', { length: 32 }).primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** A new meeting's materials are due this many working days before it. */
  materialsWorkingDays: smallint('materials_working_days').notNull().default(3),
  active: boolean('active').notNull().default(true),
  position: smallint('position').notNull().default(100),
});

/** Gap-free 第N次 per government, type and year (an upsert's row lock serialises concurrent conveners). */
export const meetingCounters = pgTable(
  'meeting_counters',
  {
    governmentUnitId: uuid('government_unit_id')
      .notNull()
      .references(() => units.id),
    type: varchar('type', { length: 32 }).notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.governmentUnitId, t.type, t.year] })],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey(),
    governmentUnitId: uuid('government_unit_id')
      .notNull()
      .references(() => units.id),
    type: varchar('type', { length: 32 })
      .notNull()
      .references(() => meetingTypes.code),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    startTime: varchar('start_time', { length: 5 }),
    location: text('location'),
    materialsWorkingDays: smallint('materials_working_days').notNull(),
    materialsDueOn: date('materials_due_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('meetings_number_idx').on(t.governmentUnitId, t.type, t.year, t.seq),
    index('meetings_government_held_idx').on(t.governmentUnitId, t.heldOn),
  ],
);

/** The government's leaders for the whole meeting: 出席 or 请假. */
export const meetingLeaders = pgTable(
  'meeting_leaders',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    attendance: varchar('attendance', { length: 16 }).notNull(),
    note: text('note'),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: smallint('position').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    submittingUnitId: uuid('submitting_unit_id')
      .notNull()
      .references(() => units.id),
    responsibleLeaderId: uuid('responsible_leader_id')
      .notNull()
      .references(() => persons.id),
    signedOffAt: timestamp('signed_off_at', { withTimezone: true }),
    signedOffBy: uuid('signed_off_by'),
    /** 会议记录 / 议定情况 of this item (the minutes' section text). */
    record: text('record'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('agenda_items_position_idx').on(t.meetingId, t.position)],
);

/** Units concerned by an item, the submitting unit included: they may register attendees and see the meeting. */
export const agendaItemUnits = pgTable(
  'agenda_item_units',
  {
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    isSubmitting: boolean('is_submitting').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.unitId] }), index('agenda_item_units_unit_idx').on(t.unitId)],
);

export const agendaMaterials = pgTable(
  'agenda_materials',
  {
    id: uuid('id').primaryKey(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    isLate: boolean('is_late').notNull(),
    lateReason: text('late_reason'),
    /** accepted | refused, by the meeting's organisers, for late materials only. */
    lateDecision: varchar('late_decision', { length: 16 }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('agenda_materials_item_idx').on(t.agendaItemId)],
);

export const agendaAttendees = pgTable(
  'agenda_attendees',
  {
    id: uuid('id').primaryKey(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** leadership (the unit's leadership) | designated (registered as its representative by the unit's leader) */
    basis: varchar('basis', { length: 16 }).notNull(),
    registeredBy: uuid('registered_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('agenda_attendees_person_idx').on(t.agendaItemId, t.personId)],
);

/** 会议决定事项: numbered clauses of an item's record; `taskId`/`documentTaskId` are the 督办事项 they became. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    position: smallint('position').notNull(),
    text: text('text').notNull(),
    needsAction: boolean('needs_action').notNull(),
    leadUnitId: uuid('lead_unit_id').references(() => units.id),
    cooperatingUnitIds: jsonb('cooperating_unit_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    deadline: date('deadline', { mode: 'string' }),
    documentTitle: text('document_title'),
    documentDeadline: date('document_deadline', { mode: 'string' }),
    taskId: uuid('task_id').references(() => tasks.id),
    documentTaskId: uuid('document_task_id').references(() => tasks.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('meeting_decisions_position_idx').on(t.agendaItemId, t.position),
    index('meeting_decisions_meeting_idx').on(t.meetingId),
  ],
);

/** 会议纪要: a draft until issued; the issued DOCX is kept by its SHA-256 and never changes (a trigger refuses). */
export const meetingMinutes = pgTable('meeting_minutes', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id),
  documentNumber: text('document_number').notNull(),
  preamble: text('preamble'),
  status: varchar('status', { length: 16 }).notNull(),
  issuedBy: uuid('issued_by'),
  issuedByName: text('issued_by_name'),
  issuedAt: timestamp('issued_at', { withTimezone: true }),
  sha256: varchar('sha256', { length: 64 }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
