/** HTTP for 路线图: an item's 时间节点 and the Gantt rows of an item's subtree or of a programme. */
import { roadmapRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as service from './roadmap.service.js';

export function registerRoadmapRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['roadmap'];
  const config = { scope: 'subtree' } as const;
  addRoute(app, roadmapRoutes.milestones, { config, tags, summary: '时间节点 Milestones of an item' }, (request) =>
    service.listTaskMilestones(deps, request.ctx, request.params.id),
  );
  addRoute(app, roadmapRoutes.addMilestone, { config, tags, summary: '新增时间节点 Add a milestone' }, (request) =>
    service.addMilestone(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, roadmapRoutes.changeMilestone, { config, tags, summary: '修改时间节点 Change a milestone' }, (request) =>
    service.changeMilestone(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, roadmapRoutes.removeMilestone, { config, tags, summary: '删除时间节点 Remove a milestone' }, (request) =>
    service.removeMilestone(deps, request.ctx, request.params.id),
  );
  addRoute(app, roadmapRoutes.roadmap, { config, tags, summary: '路线图（甘特图）Gantt rows' }, (request) =>
    service.roadmapOf(deps, request.ctx, request.query),
  );
}
