/**
 * HTTP for 进展反馈: an item's reports and the pre-filled form, submit (Idempotency-Key), review, and evidence
 * attachments (multipart upload, download).
 *
 * The API takes JSON only (platform/http/json-parser.ts); the upload route lives in its own encapsulated context
 * where multipart/form-data is the one content type parsed, so no other route starts accepting forms.
 */
import multipart from '@fastify/multipart';
import { attachmentLimits, reportRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files.js';
import { addRoute, idempotencyKeyOf } from '../../platform/http/route.js';
import { openAttachment, uploadAttachment } from './attachments.service.js';
import * as reports from './reports.service.js';

export function registerReportRoutes(app: FastifyInstance, deps: Deps): void {
  const config = { scope: 'subtree' } as const;
  const tags = ['reports'];

  addRoute(app, reportRoutes.list, { config, tags, summary: '进展反馈（全部版本，新的在前）Progress reports, newest first' }, (request) =>
    reports.listProgressReports(deps, request.ctx, request.params.id),
  );
  addRoute(
    app,
    reportRoutes.draft,
    { config, tags, summary: '按上期预填的进展反馈 The next report, pre-filled from the previous one' },
    (request) => reports.getReportDraft(deps, request.ctx, request.params.id),
  );
  addRoute(
    app,
    reportRoutes.submit,
    { config, tags, summary: '报送进展反馈（或更正已退回的）Submit a progress report (or correct a returned one)' },
    (request) => reports.submitProgressReport(deps, request.ctx, request.params.id, request.body, idempotencyKeyOf(request)),
  );
  addRoute(
    app,
    reportRoutes.review,
    { config, tags, summary: '审核进展反馈：采纳或退回 Review a progress report: accept or return' },
    (request) => reports.reviewProgressReport(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, reportRoutes.downloadAttachment, { config, tags, summary: '下载附件 Download an attachment' }, async (request, reply) => {
    const { attachment: meta, stream } = await openAttachment(deps, request.ctx, request.params.id);
    return reply
      .header('content-type', meta.contentType)
      .header('content-length', String(meta.size))
      .header('content-disposition', contentDisposition(meta.fileName))
      .header('cache-control', 'private, no-store')
      .send(stream);
  });

  void app.register(async (uploads) => {
    // Only multipart bodies here: the JSON parser inherited from the app is removed in this context alone.
    uploads.removeAllContentTypeParsers();
    await uploads.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: attachmentLimits.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
    });
    addRoute(
      uploads,
      reportRoutes.uploadAttachment,
      {
        config,
        tags,
        summary: '上传附件（multipart/form-data，字段 file）Upload evidence',
        consumes: ['multipart/form-data'],
      },
      async (request) => {
        const part = await request.file();
        if (!part) throw fieldError('VALIDATION_FAILED', 'file', 'a file is required');
        return uploadAttachment(deps, request.ctx, request.params.id, {
          fileName: part.filename,
          file: part.file,
          isTruncated: () => part.file.truncated,
        });
      },
    );
  });
}
