/** HTTP for cooperating units and 协调请求. */
import { cooperationRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as cooperation from './cooperation.service.js';

export function registerCooperationRoutes(app: FastifyInstance, deps: Deps): void {
  const config = { scope: 'subtree' } as const;
  const tags = ['tasks'];
  addRoute(app, cooperationRoutes.get, { config, tags, summary: '配合单位与协调请求 Cooperating units and coordination' }, (request) =>
    cooperation.getCooperation(deps, request.ctx, request.params.id),
  );
  addRoute(app, cooperationRoutes.setDuty, { config, tags, summary: '明确配合单位任务 Set a cooperating unit’s duty' }, (request) =>
    cooperation.setCooperationDuty(deps, request.ctx, request.params.id, request.params.unitId, request.body),
  );
  addRoute(app, cooperationRoutes.contribute, { config, tags, summary: '报送配合情况 Send a contribution to the lead unit' }, (request) =>
    cooperation.contribute(deps, request.ctx, request.params.id, request.params.unitId, request.body),
  );
  addRoute(app, cooperationRoutes.raiseCoordination, { config, tags, summary: '提出协调请求 Raise a coordination request' }, (request) =>
    cooperation.raiseCoordination(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(
    app,
    cooperationRoutes.escalateCoordination,
    { config, tags, summary: '报分管领导协调 Escalate (coordination tried on record)' },
    (request) => cooperation.escalateCoordination(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, cooperationRoutes.decideCoordination, { config, tags, summary: '领导协调决定 Record the decision' }, (request) =>
    cooperation.decideCoordination(deps, request.ctx, request.params.id, request.body),
  );
}
