/** HTTP for the 领导驾驶舱. */
import { cockpitRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { getCockpit } from './cockpit.service.js';

export function registerCockpitRoutes(app: FastifyInstance, deps: Deps): void {
  addRoute(
    app,
    cockpitRoutes.summary,
    {
      config: { scope: 'subtree' },
      tags: ['cockpit'],
      summary: '领导驾驶舱：按状态、预警、州市、部门和月份统计 Cockpit figures over the items in scope',
    },
    (request) => getCockpit(deps, request.ctx),
  );
}
