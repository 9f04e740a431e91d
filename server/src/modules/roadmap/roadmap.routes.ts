/** HTTP for 路线图: an item's 时间节点 and the Gantt rows of an item's subtree or of a programme. */
import { errorBody, idParams, milestoneBody, milestoneList, roadmap, roadmapQuery } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import * as service from './roadmap.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export function registerRoadmapRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['roadmap'];
  const config = { scope: 'subtree' } as const;
  app.get(
    '/tasks/:id/milestones',
    { config, schema: { tags, summary: '时间节点 Milestones of an item', params: idParams, response: { 200: milestoneList, ...errors } } },
    (request) => service.listTaskMilestones(deps, request.ctx, request.params.id),
  );
  app.post(
    '/tasks/:id/milestones',
    {
      config,
      schema: {
        tags,
        summary: '新增时间节点 Add a milestone',
        params: idParams,
        body: milestoneBody,
        response: { 201: milestoneList, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.addMilestone(deps, request.ctx, request.params.id, request.body)),
  );
  app.put(
    '/milestones/:id',
    {
      config,
      schema: {
        tags,
        summary: '修改时间节点 Change a milestone',
        params: idParams,
        body: milestoneBody,
        response: { 200: milestoneList, ...errors },
      },
    },
    (request) => service.changeMilestone(deps, request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/milestones/:id',
    { config, schema: { tags, summary: '删除时间节点 Remove a milestone', params: idParams, response: { 200: milestoneList, ...errors } } },
    (request) => service.removeMilestone(deps, request.ctx, request.params.id),
  );
  app.get(
    '/roadmap',
    { config, schema: { tags, summary: '路线图（甘特图）Gantt rows', querystring: roadmapQuery, response: { 200: roadmap, ...errors } } },
    (request) => service.roadmapOf(deps, request.ctx, request.query),
  );
}
