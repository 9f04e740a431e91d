/**
 * 进展反馈 (REQUIREMENTS S3) and evidence attachments (X4). A report is written once; the 督查室's review sets its
 * status once; a correction is a new row (`corrects_report_id`, version + 1), never an update of the old one.
 * Attachment bytes live outside the database, content-addressed under the files directory (`<FILES_DIR>/<sha256>`).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { tasks } from './tasks.js';

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** The name as uploaded (e.g. 验收报告.pdf), shown and offered on download. */
    fileName: text('file_name').notNull(),
    /** Derived from the checked file type, never taken from the client. */
    contentType: varchar('content_type', { length: 128 }).notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Hex SHA-256 of the bytes: the file's name in the files directory and its integrity check. */
    sha256: varchar('sha256', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_task_idx').on(t.taskId, t.createdAt)],
);

export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    /** n-th report on the item, in submission order (timestamps can tie); numbered under the item's row lock. */
    seq: integer('seq').notNull(),
    /** 1 for a first submission; the corrected report's version + 1 for a correction. */
    version: integer('version').notNull(),
    correctsReportId: uuid('corrects_report_id').references((): AnyPgColumn => progressReports.id),
    reporterUserId: uuid('reporter_user_id')
      .notNull()
      .references(() => users.id),
    periodLabel: text('period_label').notNull(),
    done: text('done').notNull(),
    nextSteps: text('next_steps'),
    problems: text('problems'),
    helpNeeded: text('help_needed'),
    percent: integer('percent'),
    milestone: text('milestone'),
    /** submitted | accepted | returned */
    status: varchar('status', { length: 16 }).notNull(),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('progress_reports_task_seq_uq').on(t.taskId, t.seq),
    /** A returned report is corrected at most once. */
    uniqueIndex('progress_reports_corrects_uq')
      .on(t.correctsReportId)
      .where(sql`${t.correctsReportId} is not null`),
  ],
);

export const progressReportAttachments = pgTable(
  'progress_report_attachments',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.attachmentId] }), index('progress_report_attachments_attachment_idx').on(t.attachmentId)],
);
