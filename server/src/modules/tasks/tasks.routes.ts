/** HTTP for 督办事项: register, list (incl. 待办, sub-items), duplicate suggestions, read, edit, lifecycle actions, breakdown. */
import {
  breakdownBody,
  createTaskBody,
  errorBody,
  idParams,
  similarTask,
  similarTasksQuery,
  task,
  taskDetail,
  taskListQuery,
  taskPage,
  transitionBody,
  updateTaskBody,
} from '@luoshi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { contentDisposition } from '../../platform/files.js';
import { expectedVersion, withEtag } from '../../platform/http/versioning.js';
import { breakDownTask } from './tasks.breakdown.js';
import * as tasks from './tasks.service.js';
import { transitionTask } from './tasks.transitions.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
const writeErrors = { ...errors, 412: errorBody, 422: errorBody, 428: errorBody } as const;
const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(8).max(128).optional() });

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (Array.isArray(key)) throw fieldError('VALIDATION_FAILED', 'Idempotency-Key', 'one key only');
  return key;
}

/** If-Match is optional on transitions (the row lock already serialises them); when sent, it must match. */
function optionalVersion(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] ? expectedVersion(request) : undefined;
}

export function registerTaskRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'subtree' } as const;
  const tags = ['tasks'];

  app.post(
    '/tasks',
    {
      config: { ...config, roles: ['supervisor'] },
      schema: {
        tags,
        summary: '登记督办事项 Register an item',
        headers: idempotencyHeaders,
        body: createTaskBody,
        response: { 201: task, ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await tasks.createTask(deps, request.ctx, request.body, idempotencyKeyOf(request))),
  );
  app.get(
    '/tasks',
    {
      config,
      schema: { tags, summary: '督办事项列表（含待办）List items', querystring: taskListQuery, response: { 200: taskPage, ...errors } },
    },
    (request) => tasks.listTasks(deps, request.ctx, request.query),
  );
  app.get(
    '/tasks/similar',
    {
      config,
      schema: {
        tags,
        summary: '相似的在办事项 Similar open items',
        querystring: similarTasksQuery,
        response: { 200: z.array(similarTask), ...errors },
      },
    },
    (request) => tasks.findSimilarTasks(deps, request.ctx, request.query.text),
  );
  app.get(
    '/tasks/:id',
    {
      config,
      schema: { tags, summary: '督办事项详情与时间线 Item with timeline', params: idParams, response: { 200: taskDetail, ...errors } },
    },
    async (request, reply) => withEtag(reply, await tasks.getTask(deps, request.ctx, request.params.id)),
  );
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  for (const [path, render, summary] of [
    ['/tasks/:id/assignment-notice.docx', tasks.renderAssignmentNotice, '督办通知单 (DOCX, GB/T 9704)'],
    ['/tasks/:id/urge-notice.docx', tasks.renderUrgeNotice, '催办通知单 (DOCX, GB/T 9704), latest 催办'],
  ] as const) {
    app.get(
      path,
      { config, schema: { tags, summary, params: idParams, response: { 200: z.unknown().describe('DOCX bytes'), ...errors } } },
      async (request, reply) => {
        const notice = await render(deps, request.ctx, request.params.id);
        return reply
          .header('content-type', docx)
          .header('content-disposition', contentDisposition(notice.fileName))
          .header('cache-control', 'private, no-store')
          .send(notice.bytes);
      },
    );
  }
  app.patch(
    '/tasks/:id',
    {
      config: { ...config, roles: ['supervisor'] },
      schema: {
        tags,
        summary: '修改督办事项 Edit (If-Match)',
        params: idParams,
        body: updateTaskBody,
        response: { 200: taskDetail, ...writeErrors },
      },
    },
    async (request, reply) =>
      withEtag(reply, await tasks.updateTask(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  app.post(
    '/tasks/:id/transitions',
    {
      config,
      schema: {
        tags,
        summary: '办理操作（交办、签收、退回、申请办结、审核、评价、归档、催办…）Lifecycle action',
        params: idParams,
        headers: idempotencyHeaders,
        body: transitionBody,
        response: { 200: taskDetail, ...writeErrors },
      },
    },
    async (request, reply) =>
      withEtag(
        reply,
        await transitionTask(deps, request.ctx, request.params.id, request.body, {
          idempotencyKey: idempotencyKeyOf(request),
          expectedVersion: optionalVersion(request),
        }),
      ),
  );
  app.post(
    '/tasks/:id/subtasks',
    {
      config: { ...config, roles: ['supervisor'] },
      schema: {
        tags,
        summary: '分解子事项（一级督一级）Break an item down into sub-items',
        params: idParams,
        headers: idempotencyHeaders,
        body: breakdownBody,
        response: { 201: z.object({ items: z.array(task) }), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await breakDownTask(deps, request.ctx, request.params.id, request.body, idempotencyKeyOf(request))),
  );
}
