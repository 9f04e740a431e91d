/**
 * Reads and writes of 进展反馈. The list and the draft are cached under the item (`['tasks', 'detail', id, …]`), so
 * an invalidation of the item refreshes them too; their keys carry the item's version, so a lifecycle action that
 * changes the item (签收 opens reporting) re-reads them. Submitting carries an `Idempotency-Key`. Evidence files go
 * up as multipart through XMLHttpRequest (the JSON client cannot send forms, and XHR reports upload progress).
 */
import {
  attachment,
  progressReport,
  progressReportList,
  reportDraft,
  type Attachment,
  type ProgressReport,
  type ReviewReportBody,
  type submitReportBody,
} from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../app/api/api-error';
import { apiRequest } from '../../app/api/client';
import { parseJson, uploadError } from '../../app/api/upload-errors';
import type { BodyOf } from '../../app/api/contract-types';
import { currentLocale } from '../../app/i18n/i18n';
import { cachedSession, dropSession } from '../../app/query-client';

const itemKey = (taskId: string) => ['tasks', 'detail', taskId] as const;
const path = (taskId: string) => `/api/tasks/${encodeURIComponent(taskId)}`;

/** Every report of the item, newest first, with `canSubmit`. */
export function reportsQuery(taskId: string, taskVersion: number) {
  return queryOptions({
    queryKey: [...itemKey(taskId), 'reports', taskVersion],
    queryFn: () => apiRequest('GET', `${path(taskId)}/reports`, { schema: progressReportList }),
  });
}

/** The next report pre-filled from the previous one; always read fresh when the form opens. */
export function reportDraftQuery(taskId: string, taskVersion: number) {
  return queryOptions({
    queryKey: [...itemKey(taskId), 'reportDraft', taskVersion],
    queryFn: () => apiRequest('GET', `${path(taskId)}/reports/draft`, { schema: reportDraft }),
    staleTime: 0,
    gcTime: 0,
  });
}

/** Where an attachment downloads from (same origin, so the session cookie goes along). */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${encodeURIComponent(id)}`;
}

/** `POST /api/tasks/:id/reports`; the item (its timeline) and its reports are re-read afterwards. */
export function useSubmitReport(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BodyOf<typeof submitReportBody>; idempotencyKey: string }) =>
      apiRequest('POST', `${path(taskId)}/reports`, { schema: progressReport, body, idempotencyKey }),
    onSettled: () => client.invalidateQueries({ queryKey: itemKey(taskId) }),
  });
}

/** `POST /api/reports/:id/review`: 采纳 (`accept: true`) or 退回修改 with a reason. */
export function useReviewReport(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ report, body }: { report: ProgressReport; body: ReviewReportBody }): Promise<ProgressReport> =>
      apiRequest('POST', `/api/reports/${encodeURIComponent(report.id)}/review`, { schema: progressReport, body }),
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
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Attachment>((resolve, reject) => {
    xhr.open('POST', `${path(taskId)}/attachments`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', currentLocale());
    const csrfToken = cachedSession()?.csrfToken;
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'network error' }));
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'NETWORK', message: 'aborted' }));
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = uploadError(xhr.status, payload);
        if (xhr.status === 401) dropSession(error.messages);
        reject(error);
        return;
      }
      const result = attachment.safeParse(payload);
      if (!result.success) {
        reject(new ApiError({ status: xhr.status, code: 'BAD_RESPONSE', message: 'response does not match the contract' }));
        return;
      }
      resolve(result.data);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
