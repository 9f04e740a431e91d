/** HTTP for the 领导驾驶舱. */
import { cockpitSummary, errorBody } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { getCockpit } from './cockpit.service.js';

export function registerCockpitRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/cockpit',
    {
      config: { scope: 'subtree' },
      schema: {
        tags: ['cockpit'],
        summary: '领导驾驶舱：按状态、预警、州市、部门和月份统计 Cockpit figures over the items in scope',
        response: { 200: cockpitSummary, 401: errorBody, 403: errorBody },
      },
    },
    (request) => getCockpit(deps, request.ctx),
  );
}
