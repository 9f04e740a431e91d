/**
 * 督办事项 (REQUIREMENTS S1, S3, R3): the supervised item, its cooperating units, its timeline, the gap-free
 * serial-number counters, and idempotency records for retried writes (the source registry is in sources.ts).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
    /** 一级督一级: the item this one was broken down from (any depth); null for a top-level item. */
    parentId: uuid('parent_id').references((): AnyPgColumn => tasks.id),
    /** 0 for a top-level item, parent's depth + 1 for a sub-item (backup restores parents first by it). */
    depth: smallint('depth').notNull().default(0),
    /** How a parent's progress rolls up from its sub-items: average | weighted | status (null = average). */
    rollupMode: varchar('rollup_mode', { length: 16 }),
    /** This sub-item's weight in its parent's weighted roll-up. */
    weight: integer('weight').notNull().default(1),
    /** Latest progress in percent: from the latest report, or rolled up from sub-items. */
    progressPercent: smallint('progress_percent'),
    /** When the lead unit last submitted a progress report (report-overdue warnings count from here). */
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    /** 0 green, 1 yellow, 2 red — computed from state and dates, never set by hand (REQUIREMENTS S4). */
    warningLevel: smallint('warning_level').notNull().default(0),
    /** Why the light has its colour: [{ code, params }], rendered in zh-CN/en by the contracts. */
    warningReasons: jsonb('warning_reasons'),
    /** The Shanghai date the warning was last computed for (the daily job recomputes older ones). */
    warningOn: date('warning_on', { mode: 'string' }),
    /** 暂停 / 中止 / 撤销 awaiting the responsible leader's approval: suspend | terminate | withdraw. */
    pendingChange: varchar('pending_change', { length: 16 }),
    /** While 已暂停: the status to resume to, and since when (the deadline moves by the working days paused). */
    suspendedFrom: varchar('suspended_from', { length: 32 }),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
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
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_deadline_idx').on(t.deadline, t.id),
    index('tasks_warning_idx').on(t.warningLevel, t.deadline),
    index('tasks_leader_idx').on(t.responsibleLeaderId),
    /** The item list's default order (newest first = a backward scan; keyset on created_at, id): 2.4 s → 3 ms at 1M items. */
    index('tasks_created_idx').on(t.createdAt, t.id),
    /** 督查工作台账 keyword search over 事项内容 and 编号 (title has its own): 1.9 s → 0.28 s for a count at 1M items. */
    index('tasks_content_trgm_idx').using('gin', sql`${t.content} gin_trgm_ops`),
    index('tasks_serial_number_trgm_idx').using('gin', sql`${t.serialNumber} gin_trgm_ops`),
    /**
     * Two-character keywords (欠薪, 滇池, 医保 — a large share of Chinese search words) have no trigram, so the indexes
     * above cannot serve them: every character pair of 事项名称, 编号 and 事项内容 as a text-search lexeme (issue 12;
     * `luoshi_bigrams` in migration 0019). The ledger keeps the LIKE test on the few rows the index finds.
     */
    index('tasks_search_bigrams_idx').using('gin', sql`luoshi_bigrams(${t.title} || ' ' || ${t.serialNumber} || ' ' || ${t.content})`),
    /** The daily light refresh walks the items that can have a light in (depth, id) order: 1.2 s → ms per batch at 1M. */
    index('tasks_light_due_idx')
      .on(t.depth, t.id)
      .where(sql`${t.status} in ('assigned', 'accepted', 'in_progress') or ${t.warningLevel} > 0`),
    /** Cockpit warning counts touch only lit items: 0.65 s → 0.04 s at 1M items. */
    index('tasks_lead_warning_idx')
      .on(t.leadUnitId, t.status, t.warningLevel)
      .where(sql`${t.warningLevel} > 0`),
    /** Cockpit 交办/办结 per month: a range of the last year, index-only (a 1.1 s table scan at 1M items before). */
    index('tasks_assigned_lead_idx').on(t.assignedAt, t.leadUnitId),
    index('tasks_completed_lead_idx').on(t.completedAt, t.leadUnitId),
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

/** 路线图 (REQUIREMENTS S2): an item's 时间节点 with stage goal, responsible unit/person and planned trajectory. */
export const taskMilestones = pgTable(
  'task_milestones',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    title: text('title').notNull(),
    /** 阶段目标 */
    goal: text('goal'),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    /** Where progress should stand on the planned date (序时进度). */
    plannedPercent: smallint('planned_percent').notNull(),
    responsibleUnitId: uuid('responsible_unit_id').references(() => units.id),
    responsiblePersonId: uuid('responsible_person_id').references(() => persons.id),
    /** Set when a report says the milestone was reached. */
    reachedAt: timestamp('reached_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('task_milestones_task_idx').on(t.taskId, t.plannedDate)],
);

/** A user's saved ledger views (filters, sort, columns). */
export const ledgerViews = pgTable(
  'ledger_views',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** The ledger query (filters and sort) and chosen columns. */
    query: jsonb('query').notNull(),
    columns: jsonb('columns'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('ledger_views_user_name_uq').on(t.userId, t.name)],
);

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
