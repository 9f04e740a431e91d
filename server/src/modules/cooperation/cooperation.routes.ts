/** HTTP for cooperating units and 协调请求. */
import {
  contributionBody,
  cooperationParams,
  decideCoordinationBody,
  errorBody,
  escalateCoordinationBody,
  idParams,
  raiseCoordinationBody,
  setCooperationDutyBody,
  taskCooperation,
} from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import * as cooperation from './cooperation.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export function registerCooperationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'subtree' } as const;
  const tags = ['tasks'];
  const ok = { 200: taskCooperation, ...errors };
  app.get(
    '/tasks/:id/cooperation',
    { config, schema: { tags, summary: '配合单位与协调请求 Cooperating units and coordination', params: idParams, response: ok } },
    (request) => cooperation.getCooperation(deps, request.ctx, request.params.id),
  );
  app.put(
    '/tasks/:id/cooperations/:unitId',
    {
      config,
      schema: {
        tags,
        summary: '明确配合单位任务 Set a cooperating unit’s duty',
        params: cooperationParams,
        body: setCooperationDutyBody,
        response: ok,
      },
    },
    (request) => cooperation.setCooperationDuty(deps, request.ctx, request.params.id, request.params.unitId, request.body),
  );
  app.post(
    '/tasks/:id/cooperations/:unitId/contribution',
    {
      config,
      schema: {
        tags,
        summary: '报送配合情况 Send a contribution to the lead unit',
        params: cooperationParams,
        body: contributionBody,
        response: ok,
      },
    },
    (request) => cooperation.contribute(deps, request.ctx, request.params.id, request.params.unitId, request.body),
  );
  app.post(
    '/tasks/:id/coordination',
    {
      config,
      schema: { tags, summary: '提出协调请求 Raise a coordination request', params: idParams, body: raiseCoordinationBody, response: ok },
    },
    (request) => cooperation.raiseCoordination(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/coordination/:id/escalate',
    {
      config,
      schema: {
        tags,
        summary: '报分管领导协调 Escalate (coordination tried on record)',
        params: idParams,
        body: escalateCoordinationBody,
        response: ok,
      },
    },
    (request) => cooperation.escalateCoordination(deps, request.ctx, request.params.id, request.body),
  );
  app.post(
    '/coordination/:id/decision',
    { config, schema: { tags, summary: '领导协调决定 Record the decision', params: idParams, body: decideCoordinationBody, response: ok } },
    (request) => cooperation.decideCoordination(deps, request.ctx, request.params.id, request.body),
  );
}
