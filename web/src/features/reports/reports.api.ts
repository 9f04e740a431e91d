/**
 * Reads and writes of 进展反馈. The list and the draft are cached under the item (`['tasks', 'detail', id, …]`), so
 * an invalidation of the item refreshes them too; their keys carry the item's version, so a lifecycle action that
 * changes the item (签收 opens reporting) re-reads them. Submitting carries an `Idempotency-Key`. Evidence files go
 * up through `uploadFile` (multipart, with upload progress).
 */
import { reportRoutes, type Attachment, type ProgressReport, type ReviewReportBody, type submitReportBody } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, routeUrl } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { uploadFile } from '../../app/api/upload';

const itemKey = (taskId: string) => ['tasks', 'detail', taskId] as const;

/** Every report of the item, newest first, with `canSubmit`. */
export function reportsQuery(taskId: string, taskVersion: number) {
  return queryOptions({
    queryKey: [...itemKey(taskId), 'reports', taskVersion],
    queryFn: () => call(reportRoutes.list, { params: { id: taskId } }),
  });
}

/** The next report pre-filled from the previous one; always read fresh when the form opens. */
export function reportDraftQuery(taskId: string, taskVersion: number) {
  return queryOptions({
    queryKey: [...itemKey(taskId), 'reportDraft', taskVersion],
    queryFn: () => call(reportRoutes.draft, { params: { id: taskId } }),
    staleTime: 0,
    gcTime: 0,
  });
}

/** Where an attachment downloads from (same origin, so the session cookie goes along). */
export function attachmentUrl(id: string): string {
  return routeUrl(reportRoutes.downloadAttachment, { params: { id } });
}

/** `POST /api/tasks/:id/reports`; the item (its timeline) and its reports are re-read afterwards. */
export function useSubmitReport(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BodyOf<typeof submitReportBody>; idempotencyKey: string }) =>
      call(reportRoutes.submit, { params: { id: taskId }, body, idempotencyKey }),
    onSettled: () => client.invalidateQueries({ queryKey: itemKey(taskId) }),
  });
}

/** `POST /api/reports/:id/review`: 采纳 (`accept: true`) or 退回修改 with a reason. */
export function useReviewReport(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ report, body }: { report: ProgressReport; body: ReviewReportBody }): Promise<ProgressReport> =>
      call(reportRoutes.review, { params: { id: report.id }, body }),
    onSettled: () => client.invalidateQueries({ queryKey: itemKey(taskId) }),
  });
}

/**
 * `POST /api/tasks/:id/attachments` (multipart, field `file`). Resolves with the stored attachment; rejects with an
 * `ApiError` carrying the server's message (413 too large, 415 refused type …). A 401 signs out as everywhere else.
 */
export function uploadAttachment(
  taskId: string,
  file: File,
  onProgress: (percent: number) => void,
): { promise: Promise<Attachment>; abort: () => void } {
  return uploadFile(reportRoutes.uploadAttachment, { params: { id: taskId }, file, onProgress });
}
