/** Rows → API shapes for progress reports and attachments; `allowedActions` is computed for the reader. */
import type { Attachment, ProgressReport, ProgressReportAction, ProgressReportStatus, ReportDraft } from '@luoshi/contracts';
import type { AttachmentRow, ReportRow } from './reports.repository.js';

export function presentAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    taskId: row.taskId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedByName: row.uploadedByName,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentReport(row: ReportRow, attachments: AttachmentRow[], allowedActions: ProgressReportAction[]): ProgressReport {
  return {
    id: row.id,
    taskId: row.taskId,
    seq: row.seq,
    version: row.version,
    correctsReportId: row.correctsReportId,
    correctedByReportId: row.correctedByReportId,
    reporterUserId: row.reporterUserId,
    reporterName: row.reporterName,
    reporterUnitName: row.reporterUnitName,
    periodLabel: row.periodLabel,
    done: row.done,
    nextSteps: row.nextSteps,
    problems: row.problems,
    helpNeeded: row.helpNeeded,
    percent: row.percent,
    milestone: row.milestone,
    status: row.status as ProgressReportStatus,
    reviewReason: row.reviewReason,
    reviewedBy: row.reviewedBy,
    reviewerName: row.reviewerName,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    attachments: attachments.map(presentAttachment),
    allowedActions,
  };
}

/**
 * The pre-filled form from the item's newest report: a returned, uncorrected one is carried over whole as a
 * correction; otherwise the next period starts from everything it said — its 本期进展 as the starting text to edit,
 * 下步计划, problems, 需协调事项, progress and node — so a routine report only changes what changed; its 下步计划 is
 * also offered as the hint for 本期进展 (what was planned is usually what got done).
 */
export function presentDraft(taskId: string, latest: ReportRow | null, attachments: AttachmentRow[], canSubmit: boolean): ReportDraft {
  const empty = {
    taskId,
    basedOnReportId: null,
    correctsReportId: null,
    returnReason: null,
    previousPeriodLabel: null,
    periodLabel: null,
    done: null,
    doneHint: null,
    nextSteps: null,
    problems: null,
    helpNeeded: null,
    percent: null,
    milestone: null,
    attachments: [],
    canSubmit,
  };
  if (!latest) return { ...empty, kind: 'first' };
  const carried = {
    basedOnReportId: latest.id,
    previousPeriodLabel: latest.periodLabel,
    nextSteps: latest.nextSteps,
    problems: latest.problems,
    helpNeeded: latest.helpNeeded,
    percent: latest.percent,
    milestone: latest.milestone,
  };
  if (latest.status === 'returned' && !latest.correctedByReportId) {
    return {
      ...empty,
      ...carried,
      kind: 'correction',
      correctsReportId: latest.id,
      returnReason: latest.reviewReason,
      periodLabel: latest.periodLabel,
      done: latest.done,
      attachments: attachments.map(presentAttachment),
    };
  }
  return { ...empty, ...carried, kind: 'next', done: latest.done, doneHint: latest.nextSteps };
}
