/** HTTP for the 工作台. */
import { deskRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { getDesk } from './desk.service.js';

export function registerDeskRoutes(app: FastifyInstance, deps: Deps): void {
  addRoute(
    app,
    deskRoutes.get,
    {
      config: { scope: 'subtree' },
      tags: ['tasks'],
      summary: '工作台：今天轮到我办的事，按紧急程度分组 The reader’s work desk, most urgent first',
    },
    (request) => getDesk(deps, request.ctx),
  );
}
