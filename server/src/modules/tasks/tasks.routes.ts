/** HTTP for 督办事项: register, list (incl. 待办, sub-items), duplicate suggestions, read, edit, lifecycle actions, breakdown. */
import { taskRoutes } from '@luoshi/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { contentDisposition } from '../../platform/files.js';
import { addRoute, idempotencyKeyOf } from '../../platform/http/route.js';
import { expectedVersion, withEtag } from '../../platform/http/versioning.js';
import { breakDownTask } from './tasks.breakdown.js';
import * as tasks from './tasks.service.js';
import { transitionTask } from './tasks.transitions.js';

/** If-Match is optional on transitions (the row lock already serialises them); when sent, it must match. */
function optionalVersion(request: FastifyRequest): number | undefined {
  return request.headers['if-match'] ? expectedVersion(request) : undefined;
}

export function registerTaskRoutes(app: FastifyInstance, deps: Deps): void {
  const config = { scope: 'subtree' } as const;
  const tags = ['tasks'];

  addRoute(
    app,
    taskRoutes.create,
    { config: { ...config, roles: ['supervisor'] }, tags, summary: '登记督办事项 Register an item' },
    async (request) => tasks.createTask(deps, request.ctx, request.body, idempotencyKeyOf(request)),
  );
  addRoute(app, taskRoutes.list, { config, tags, summary: '督办事项列表（含待办）List items' }, (request) =>
    tasks.listTasks(deps, request.ctx, request.query),
  );
  addRoute(app, taskRoutes.similar, { config, tags, summary: '相似的在办事项 Similar open items' }, (request) =>
    tasks.findSimilarTasks(deps, request.ctx, request.query.text),
  );
  addRoute(app, taskRoutes.get, { config, tags, summary: '督办事项详情与时间线 Item with timeline' }, async (request, reply) =>
    withEtag(reply, await tasks.getTask(deps, request.ctx, request.params.id)),
  );
  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  for (const [route, render, summary] of [
    [taskRoutes.assignmentNotice, tasks.renderAssignmentNotice, '督办通知单 (DOCX, GB/T 9704)'],
    [taskRoutes.urgeNotice, tasks.renderUrgeNotice, '催办通知单 (DOCX, GB/T 9704), latest 催办'],
  ] as const) {
    addRoute(app, route, { config, tags, summary }, async (request, reply) => {
      const notice = await render(deps, request.ctx, request.params.id);
      return reply
        .header('content-type', docx)
        .header('content-disposition', contentDisposition(notice.fileName))
        .header('cache-control', 'private, no-store')
        .send(notice.bytes);
    });
  }
  addRoute(
    app,
    taskRoutes.update,
    { config: { ...config, roles: ['supervisor'] }, tags, summary: '修改督办事项 Edit (If-Match)' },
    async (request, reply) =>
      withEtag(reply, await tasks.updateTask(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  addRoute(
    app,
    taskRoutes.transition,
    { config, tags, summary: '办理操作（交办、签收、退回、申请办结、审核、评价、归档、催办…）Lifecycle action' },
    async (request, reply) =>
      withEtag(
        reply,
        await transitionTask(deps, request.ctx, request.params.id, request.body, {
          idempotencyKey: idempotencyKeyOf(request),
          expectedVersion: optionalVersion(request),
        }),
      ),
  );
  addRoute(
    app,
    taskRoutes.breakDown,
    { config: { ...config, roles: ['supervisor'] }, tags, summary: '分解子事项（一级督一级）Break an item down into sub-items' },
    async (request) => breakDownTask(deps, request.ctx, request.params.id, request.body, idempotencyKeyOf(request)),
  );
}
