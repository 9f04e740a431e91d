/**
 * HTTP for the 督查工作台账: the table, saved views, the Excel export and the 分工方案 import.
 *
 * The import takes multipart/form-data (field `file`) in its own encapsulated context, like the attachment upload:
 * only there is a form parsed, so no other route starts accepting forms.
 */
import multipart from '@fastify/multipart';
import { ledgerLimits, ledgerRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files.js';
import { addRoute } from '../../platform/http/route.js';
import { exportLedger } from './ledger.export.js';
import { importLedger } from './ledger.import.js';
import * as ledger from './ledger.service.js';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerLedgerRoutes(app: FastifyInstance, deps: Deps): void {
  const config = { scope: 'subtree' } as const;
  const tags = ['ledger'];

  addRoute(
    app,
    ledgerRoutes.list,
    {
      config,
      tags,
      summary: '督查工作台账（筛选、排序、分页、各色预警数）The ledger: filter, sort, keyset pages, counts per warning colour',
    },
    async (request, reply) => {
      const json = await ledger.listLedgerJson(deps, request.ctx, request.query);
      // Already the validated, serialised answer (kept by the page cache): sent as is.
      return reply.type('application/json; charset=utf-8').send(json); // a string: fastify sends it unserialised
    },
  );
  addRoute(
    app,
    ledgerRoutes.export,
    { config, tags, summary: '导出台账（Excel，与筛选结果完全一致）Export exactly the filtered ledger as XLSX (streamed)' },
    async (request, reply) => {
      const { fileName, stream } = await exportLedger(deps, request.ctx, request.query);
      return reply
        .header('content-type', xlsx)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );
  addRoute(app, ledgerRoutes.views, { tags, summary: '我的台账视图 My saved ledger views' }, (request) =>
    ledger.listLedgerViews(deps, request.ctx),
  );
  addRoute(
    app,
    ledgerRoutes.createView,
    { tags, summary: '保存台账视图（名称不可重复）Save a ledger view (names unique per user)' },
    (request) => ledger.createLedgerView(deps, request.ctx, request.body),
  );
  addRoute(app, ledgerRoutes.deleteView, { tags, summary: '删除台账视图 Delete one of my views' }, (request) =>
    ledger.deleteLedgerView(deps, request.ctx, request.params.id),
  );

  void app.register(async (uploads) => {
    // Only multipart bodies here: the JSON parser inherited from the app is removed in this context alone.
    uploads.removeAllContentTypeParsers();
    await uploads.register(multipart, {
      limits: { fileSize: ledgerLimits.importBytesMax, files: 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 100 },
    });
    addRoute(
      uploads,
      ledgerRoutes.import,
      {
        config: { ...config, roles: ['supervisor'] },
        tags,
        summary:
          '导入分工方案（multipart，字段 file；dryRun=true 只预检，dryRun=false 全部导入或全部不导入）Import a 分工方案 workbook: dry run, then all-or-nothing',
        consumes: ['multipart/form-data'],
      },
      async (request) => {
        const part = await request.file();
        if (!part) throw fieldError('VALIDATION_FAILED', 'file', 'a file is required');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError('LEDGER_IMPORT_TOO_LARGE', { maxMiB: ledgerLimits.importBytesMax / 1024 / 1024 });
          }
          throw error;
        }
        return importLedger(deps, request.ctx, {
          fileName: part.filename,
          bytes,
          dryRun: request.query.dryRun !== 'false',
          defaultSource: request.query.defaultSource,
          mappings: request.query.mappings,
        });
      },
    );
  });
}
