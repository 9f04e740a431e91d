/**
 * 督办事项 (REQUIREMENTS S1, S3, R3): the supervised item, its cooperating units, its timeline, the gap-free
 * serial-number counters, the default deadlines per source, and idempotency records for retried writes.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { persons, units } from './org.js';
import { users } from './auth.js';

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey(),
    /** e.g. 督〔2026〕12号 — unique and gap-free per supervising government and year. */
    serialNumber: text('serial_number').notNull(),
    serialYear: smallint('serial_year').notNull(),
    serialSeq: integer('serial_seq').notNull(),
    title: text('title').notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    sourceRef: jsonb('source_ref').notNull(),
    content: text('content').notNull(),
    requirements: text('requirements'),
    status: varchar('status', { length: 32 }).notNull(),
    urgency: varchar('urgency', { length: 16 }).notNull(),
    reportingFrequency: varchar('reporting_frequency', { length: 16 }).notNull(),
    deadline: date('deadline', { mode: 'string' }),
    deadlineWorkingDays: integer('deadline_working_days'),
    /** The deadline as first set at 交办; extensions never change it (assessment counts against it). */
    originalDeadline: date('original_deadline', { mode: 'string' }),
    /** The government whose 督查室 supervises the item (owner of the numbering). */
    supervisingUnitId: uuid('supervising_unit_id')
      .notNull()
      .references(() => units.id),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => units.id),
    responsibleLeaderId: uuid('responsible_leader_id').references(() => persons.id),
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    handlerId: uuid('handler_id').references(() => persons.id),
    relatedTaskId: uuid('related_task_id'),
    sendBackCount: integer('send_back_count').notNull().default(0),
    urgeCount: integer('urge_count').notNull().default(0),
    evaluation: jsonb('evaluation'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('tasks_serial_uq').on(t.supervisingUnitId, t.serialYear, t.serialSeq),
    index('tasks_lead_status_idx').on(t.leadUnitId, t.status),
    index('tasks_supervising_status_idx').on(t.supervisingUnitId, t.status),
    index('tasks_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/** A cooperating unit's own obligation on an item (what, by when) and the contribution it sends the lead unit. */
export const taskCooperations = pgTable(
  'task_cooperations',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    duty: text('duty'),
    dueDate: date('due_date', { mode: 'string' }),
    contribution: text('contribution'),
    contributedAt: timestamp('contributed_at', { withTimezone: true }),
    contributedBy: uuid('contributed_by'),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_cooperations_unit_idx').on(t.unitId)],
);

/** The item's timeline: every registration, edit and lifecycle step, with who, when and why. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    type: varchar('type', { length: 32 }).notNull(),
    fromStatus: varchar('from_status', { length: 32 }),
    toStatus: varchar('to_status', { length: 32 }),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    actorUnitId: uuid('actor_unit_id'),
    reason: text('reason'),
    data: jsonb('data'),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.id)],
);

/** Last serial number used per government and year; the row lock makes numbering gap-free. */
export const taskSerialCounters = pgTable(
  'task_serial_counters',
  {
    supervisingUnitId: uuid('supervising_unit_id').notNull(),
    year: smallint('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.supervisingUnitId, t.year] })],
);

/** Default 办结时限 in working days from 交办, per source type; set by administrators. */
export const taskDeadlineDefaults = pgTable('task_deadline_defaults', {
  source: varchar('source', { length: 32 }).primaryKey(),
  workingDays: integer('working_days').notNull(),
});

/**
 * Idempotency-Key records: the first request with a key does the work and stores its answer; a retry with the same
 * key and body gets the same answer without a second effect; the same key with another body is refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: smallint('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * 协调请求 (REQUIREMENTS R5): a unit that disagrees or is blocked asks for coordination; it may go up to the
 * responsible leader only after the coordination already tried is recorded ("避免事先未经协调直接上交矛盾").
 */
export const coordinationRequests = pgTable(
  'coordination_requests',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    raisedByUnitId: uuid('raised_by_unit_id')
      .notNull()
      .references(() => units.id),
    raisedBy: uuid('raised_by').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    subject: text('subject').notNull(),
    detail: text('detail').notNull(),
    /** Coordination tried: [{ kind: meeting|call|letter, date, note }]. */
    attempts: jsonb('attempts').notNull(),
    /** open | escalated | resolved */
    status: varchar('status', { length: 16 }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    decision: text('decision'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('coordination_requests_task_idx').on(t.taskId, t.raisedAt)],
);

/**
 * 领导批示 on an existing item (REQUIREMENTS S7): adds a requirement to it, or spawns a linked new item; compiled
 * per leader on the "我的批示" page with the live status of everything they instructed.
 */
export const instructions = pgTable(
  'instructions',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    leaderUserId: uuid('leader_user_id').notNull(),
    leaderPersonId: uuid('leader_person_id'),
    leaderName: text('leader_name').notNull(),
    text: text('text').notNull(),
    /** requirement | child */
    kind: varchar('kind', { length: 16 }).notNull(),
    childTaskId: uuid('child_task_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('instructions_leader_idx').on(t.leaderUserId, t.createdAt), index('instructions_task_idx').on(t.taskId)],
);
