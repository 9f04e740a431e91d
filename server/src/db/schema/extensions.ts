/**
 * 延期申请 (extension requests): asked by the lead unit before the deadline, approved in turn by the unit's leader,
 * the 督查员 and the responsible leader; approval moves the deadline, never the original deadline.
 */
import { date, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { tasks } from './tasks.js';

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    /** 当前进展 at the time of asking. */
    progress: text('progress').notNull(),
    currentDeadline: date('current_deadline', { mode: 'string' }).notNull(),
    newDeadline: date('new_deadline', { mode: 'string' }).notNull(),
    /** pending_unit_leader | pending_supervisor | pending_leader | approved | rejected */
    status: varchar('status', { length: 32 }).notNull(),
    /** Each decision: { step, approverUserId, approverName, approve, reason, at }. */
    decisions: jsonb('decisions').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('extension_requests_task_idx').on(t.taskId, t.requestedAt)],
);
