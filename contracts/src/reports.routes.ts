/** Routes of 进展反馈: an item's reports and the pre-filled form, submit, review, and evidence attachments. */
import { z } from 'zod';
import { idParams } from './common.js';
import { attachment, progressReport, progressReportList, reportDraft, reviewReportBody, submitReportBody } from './reports.js';
import { defineRoute, idempotencyHeaders } from './route.js';

export const reportRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/tasks/:id/reports', params: idParams, response: progressReportList }),
  draft: defineRoute({ method: 'GET', path: '/api/tasks/:id/reports/draft', params: idParams, response: reportDraft }),
  submit: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/reports',
    params: idParams,
    headers: idempotencyHeaders,
    body: submitReportBody,
    status: 201,
    response: progressReport,
  }),
  review: defineRoute({
    method: 'POST',
    path: '/api/reports/:id/review',
    params: idParams,
    body: reviewReportBody,
    response: progressReport,
  }),
  downloadAttachment: defineRoute({
    method: 'GET',
    path: '/api/attachments/:id',
    params: idParams,
    response: z.unknown().describe('the file bytes'),
  }),
  /** multipart/form-data with the file in field `file`. */
  uploadAttachment: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/attachments',
    params: idParams,
    status: 201,
    response: attachment,
  }),
};
