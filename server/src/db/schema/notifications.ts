/**
 * Notifications (REQUIREMENTS X3, S3 催办, S4): the in-app notification centre and the outbox of deliveries to other
 * channels. A notification is written in the same transaction as the event that causes it; `dedupe_key` makes a
 * retried or re-run job create it once; each delivery (channel + target) is unique per notification, so a crashed
 * or retried worker never sends it twice. The escalation ladder records each rung once per item and deadline.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { users } from './auth.js';
import { tasks } from './tasks.js';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    taskId: uuid('task_id').references(() => tasks.id),
    /** assigned | urged | approval_needed | report_due | deadline_near | sign_for_overdue | overdue | escalation … */
    kind: varchar('kind', { length: 32 }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Path in the web app, e.g. /tasks/<id>. */
    link: text('link'),
    /** The same key twice → one notification (jobs and retries are idempotent). */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** One delivery of a notification to one channel target (e-mail address, phone, group-bot webhook). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    /** email | sms | webhook */
    channel: varchar('channel', { length: 16 }).notNull(),
    target: text('target').notNull(),
    /** pending | sending | sent | failed (will retry) | dead (gave up; an administrator may retry) */
    status: varchar('status', { length: 16 }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_uq').on(t.notificationId, t.channel, t.target),
    index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Per-user choices: fewer interruptions is the default (in-app only, one daily digest, quiet at night). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  /** Channels besides in-app: ['email', 'sms']. */
  channels: jsonb('channels').notNull(),
  email: text('email'),
  phone: varchar('phone', { length: 32 }),
  /** e.g. { from: '22:00', to: '07:30' } in Asia/Shanghai. */
  quietHours: jsonb('quiet_hours'),
  digest: boolean('digest').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A unit's group bot (钉钉/政务钉钉, 企业微信, 飞书) that receives its notifications. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** dingtalk | wecom | feishu */
    platform: varchar('platform', { length: 16 }).notNull(),
    url: text('url').notNull(),
    /** Signing secret where the platform uses one (钉钉 加签, 飞书 签名校验). */
    secret: text('secret'),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('webhook_endpoints_unit_idx').on(t.unitId)],
);

/**
 * Scheduled reminders and the escalation ladder: each step once per item and key date, so a re-run of the daily sweep
 * (a retried job, two workers) adds nothing. Ladder rungs (remind → urge → notice → bulletin → interview, i.e.
 * 提醒 → 催办 → 督办通知 → 通报候选 → 约谈建议) are keyed by the deadline; 临期提醒 `due_<n>` by the deadline too; 进展反馈
 * reminders `report` by the report's due date; `sign_for` by the 签收 due date.
 */
export const taskEscalations = pgTable(
  'task_escalations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    /** remind | urge | notice | bulletin | interview | due_<n> | report | sign_for */
    rung: varchar('rung', { length: 16 }).notNull(),
    /** The key date the step was taken against (an extension moves the deadline and so starts a new ladder). */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** Working days to the key date (临期) or past it (overdue rungs), when the step was taken. */
    workingDays: integer('working_days'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('task_escalations_uq').on(t.taskId, t.rung, t.deadline), index('task_escalations_rung_idx').on(t.rung, t.createdAt)],
);
