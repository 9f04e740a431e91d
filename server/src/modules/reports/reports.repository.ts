/**
 * SQL for progress reports and attachments. Both belong to an item; callers reach them through the item's scope
 * (`findVisibleTask` in tasks.repository.ts), so a report of an item outside the caller's scope is as missing as a
 * report that does not exist. Reports are inserted, and reviewed once (`status = 'submitted'` guards the update);
 * nothing else changes them.
 */
import type { Scope } from '../../platform/scope.js';
import { taskVisibleIn, type TaskInScope } from '../tasks/index.js';
import { and, asc, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { attachments, progressReportAttachments, progressReports, users } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';

export type ReportRecord = typeof progressReports.$inferSelect;
export type AttachmentRecord = typeof attachments.$inferSelect;

export interface ReportRow extends ReportRecord {
  reporterName: string | null;
  reporterUnitName: string | null;
  reviewerName: string | null;
  correctedByReportId: string | null;
}

export interface AttachmentRow extends AttachmentRecord {
  uploadedByName: string | null;
}

const reporter = alias(users, 'reporter');
const reviewer = alias(users, 'reviewer');
const correction = alias(progressReports, 'correction');

/**
 * Who filed the report as its timeline event recorded it at the time (name and unit of the acting person), so the
 * report names the person and unit that filed it — even when the account is shared or renamed later.
 */
const filedEvent = (column: SQL) =>
  sql<string | null>`(select ${column} from task_events e left join units eu on eu.id = e.actor_unit_id
    where e.task_id = ${progressReports.taskId} and e.type = 'report_submitted' and e.data->>'reportId' = ${progressReports.id}::text
    order by e.id limit 1)`;

function selectReports(db: Db) {
  return db
    .select({
      report: progressReports,
      reporterName: sql<string | null>`coalesce(${filedEvent(sql`e.actor_name`)}, ${reporter.displayName})`,
      reporterUnitName: sql<
        string | null
      >`coalesce(${filedEvent(sql`eu.name`)}, (select su.name from units su where su.id = ${reporter.scopeUnitId}))`,
      reviewerName: reviewer.displayName,
      correctedByReportId: correction.id,
    })
    .from(progressReports)
    .leftJoin(reporter, eq(reporter.id, progressReports.reporterUserId))
    .leftJoin(reviewer, eq(reviewer.id, progressReports.reviewedBy))
    .leftJoin(correction, eq(correction.correctsReportId, progressReports.id));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectReports>['execute']>>[number];
function flatten(r: Selected): ReportRow {
  return {
    ...r.report,
    reporterName: r.reporterName,
    reporterUnitName: r.reporterUnitName,
    reviewerName: r.reviewerName,
    correctedByReportId: r.correctedByReportId,
  };
}

/** The report (any item); the caller checks the item's scope. `forUpdate` locks the report row. */
/** The report when its item lies in `scope`. */
export async function findReport(db: Db, scope: Scope, id: string, forUpdate = false): Promise<ReportRow | null> {
  const query = selectReports(db)
    .where(and(eq(progressReports.id, id), taskVisibleIn(scope, progressReports.taskId)))
    .limit(1);
  const rows = forUpdate ? await query.for('update', { of: progressReports }) : await query;
  const first = rows[0];
  return first ? flatten(first) : null;
}

/** A report of an item already read in scope (no second scope test: the item is the proof). */
export async function findReportOfTask(db: Db, task: TaskInScope, id: string, forUpdate = false): Promise<ReportRow | null> {
  const query = selectReports(db)
    .where(and(eq(progressReports.id, id), eq(progressReports.taskId, task.id)))
    .limit(1);
  const rows = forUpdate ? await query.for('update', { of: progressReports }) : await query;
  const first = rows[0];
  return first ? flatten(first) : null;
}

/** Every report of an item, newest first. */
export async function listReports(db: Db, taskId: string): Promise<ReportRow[]> {
  const rows = await selectReports(db).where(eq(progressReports.taskId, taskId)).orderBy(desc(progressReports.seq));
  return rows.map(flatten);
}

/** The newest report of an item, or null. */
export async function latestReport(db: Db, taskId: string): Promise<ReportRow | null> {
  const rows = await selectReports(db).where(eq(progressReports.taskId, taskId)).orderBy(desc(progressReports.seq)).limit(1);
  const first = rows[0];
  return first ? flatten(first) : null;
}

/** The next submission number of an item; call it holding the item's row lock. */
export async function nextReportSeq(tx: Db, taskId: string): Promise<number> {
  const rows = await tx
    .select({ last: max(progressReports.seq) })
    .from(progressReports)
    .where(eq(progressReports.taskId, taskId));
  return (rows[0]?.last ?? 0) + 1;
}

export async function insertReport(tx: Db, row: typeof progressReports.$inferInsert, attachmentIds: string[]): Promise<void> {
  await tx.insert(progressReports).values(row);
  if (attachmentIds.length) {
    await tx.insert(progressReportAttachments).values(attachmentIds.map((attachmentId) => ({ reportId: row.id, attachmentId })));
  }
}

/** Sets the review of a report still awaiting one; false when it was reviewed already. */
export async function markReviewed(
  tx: Db,
  id: string,
  review: { status: 'accepted' | 'returned'; reviewReason: string | null; reviewedBy: string; reviewedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(progressReports)
    .set(review)
    .where(and(eq(progressReports.id, id), eq(progressReports.status, 'submitted')))
    .returning({ id: progressReports.id });
  return rows.length === 1;
}

function selectAttachments(db: Db) {
  return db
    .select({ attachment: attachments, uploadedByName: users.displayName })
    .from(attachments)
    .leftJoin(users, eq(users.id, attachments.uploadedBy));
}

function flattenAttachment(r: { attachment: AttachmentRecord; uploadedByName: string | null }): AttachmentRow {
  return { ...r.attachment, uploadedByName: r.uploadedByName };
}

/** The attachments each report includes, by report id, in upload order. */
export async function listReportAttachments(db: Db, reportIds: string[]): Promise<Map<string, AttachmentRow[]>> {
  const byReport = new Map<string, AttachmentRow[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .select({ reportId: progressReportAttachments.reportId, attachment: attachments, uploadedByName: users.displayName })
    .from(progressReportAttachments)
    .innerJoin(attachments, eq(attachments.id, progressReportAttachments.attachmentId))
    .leftJoin(users, eq(users.id, attachments.uploadedBy))
    .where(inArray(progressReportAttachments.reportId, reportIds))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  for (const row of rows) {
    const list = byReport.get(row.reportId) ?? [];
    list.push(flattenAttachment(row));
    byReport.set(row.reportId, list);
  }
  return byReport;
}

/** Those of `ids` that are attachments of the item. */
export async function findTaskAttachments(db: Db, taskId: string, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectAttachments(db).where(and(eq(attachments.taskId, taskId), inArray(attachments.id, ids)));
  return rows.map(flattenAttachment);
}

/** The attachment (any item); the caller checks the item's scope. */
/** The evidence file when its item lies in `scope`. */
export async function findAttachment(db: Db, scope: Scope, id: string): Promise<AttachmentRow | null> {
  const rows = await selectAttachments(db)
    .where(and(eq(attachments.id, id), taskVisibleIn(scope, attachments.taskId)))
    .limit(1);
  const first = rows[0];
  return first ? flattenAttachment(first) : null;
}

export async function insertAttachment(tx: Db, row: typeof attachments.$inferInsert): Promise<void> {
  await tx.insert(attachments).values(row);
}
