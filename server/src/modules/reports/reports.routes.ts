/**
 * HTTP for 进展反馈: an item's reports and the pre-filled form, submit (Idempotency-Key), review, and evidence
 * attachments (multipart upload, download).
 *
 * The API takes JSON only (platform/http/json-parser.ts); the upload route lives in its own encapsulated context
 * where multipart/form-data is the one content type parsed, so no other route starts accepting forms.
 */
import multipart from '@fastify/multipart';
import {
  attachment,
  attachmentLimits,
  errorBody,
  idParams,
  progressReport,
  progressReportList,
  reportDraft,
  reviewReportBody,
  submitReportBody,
} from '@luoshi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files.js';
import { openAttachment, uploadAttachment } from './attachments.service.js';
import * as reports from './reports.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
const writeErrors = { ...errors, 422: errorBody } as const;
const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(8).max(128).optional() });

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (Array.isArray(key)) throw fieldError('VALIDATION_FAILED', 'Idempotency-Key', 'one key only');
  return key;
}

export function registerReportRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'subtree' } as const;
  const tags = ['reports'];

  app.get(
    '/tasks/:id/reports',
    {
      config,
      schema: {
        tags,
        summary: '进展反馈（全部版本，新的在前）Progress reports, newest first',
        params: idParams,
        response: { 200: progressReportList, ...errors },
      },
    },
    (request) => reports.listProgressReports(deps, request.ctx, request.params.id),
  );
  app.get(
    '/tasks/:id/reports/draft',
    {
      config,
      schema: {
        tags,
        summary: '按上期预填的进展反馈 The next report, pre-filled from the previous one',
        params: idParams,
        response: { 200: reportDraft, ...errors },
      },
    },
    (request) => reports.getReportDraft(deps, request.ctx, request.params.id),
  );
  app.post(
    '/tasks/:id/reports',
    {
      config,
      schema: {
        tags,
        summary: '报送进展反馈（或更正已退回的）Submit a progress report (or correct a returned one)',
        params: idParams,
        headers: idempotencyHeaders,
        body: submitReportBody,
        response: { 201: progressReport, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await reports.submitProgressReport(deps, request.ctx, request.params.id, request.body, idempotencyKeyOf(request))),
  );
  app.post(
    '/reports/:id/review',
    {
      config,
      schema: {
        tags,
        summary: '审核进展反馈：采纳或退回 Review a progress report: accept or return',
        params: idParams,
        body: reviewReportBody,
        response: { 200: progressReport, ...errors },
      },
    },
    (request) => reports.reviewProgressReport(deps, request.ctx, request.params.id, request.body),
  );
  app.get(
    '/attachments/:id',
    {
      config,
      schema: {
        tags,
        summary: '下载附件 Download an attachment',
        params: idParams,
        response: { 200: z.unknown().describe('the file bytes'), ...errors },
      },
    },
    async (request, reply) => {
      const { attachment: meta, stream } = await openAttachment(deps, request.ctx, request.params.id);
      return reply
        .header('content-type', meta.contentType)
        .header('content-length', String(meta.size))
        .header('content-disposition', contentDisposition(meta.fileName))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  void server.register(async (uploads) => {
    // Only multipart bodies here: the JSON parser inherited from the app is removed in this context alone.
    uploads.removeAllContentTypeParsers();
    await uploads.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: attachmentLimits.maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 20, headerPairs: 100 },
    });
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/tasks/:id/attachments',
      {
        config,
        schema: {
          tags,
          summary: '上传附件（multipart/form-data，字段 file）Upload evidence',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: attachment, ...errors, 413: errorBody, 415: errorBody },
        },
      },
      async (request, reply) => {
        const part = await request.file();
        if (!part) throw fieldError('VALIDATION_FAILED', 'file', 'a file is required');
        const uploaded = await uploadAttachment(deps, request.ctx, request.params.id, {
          fileName: part.filename,
          file: part.file,
          isTruncated: () => part.file.truncated,
        });
        return reply.code(201).send(uploaded);
      },
    );
  });
}
