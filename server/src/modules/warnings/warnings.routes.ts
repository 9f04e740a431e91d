/** HTTP for 办理时限与预警设置 (per-source deadline defaults and warning thresholds). */
import { errorBody, sourceParams, sourcePolicy, sourcePolicyBody } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import * as service from './source-policies.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;

export function registerWarningRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  app.get(
    '/source-policies',
    {
      config: { roles: ['system_admin', 'supervisor'] },
      schema: {
        tags,
        summary: '办理时限与预警设置 Deadline defaults and warning thresholds',
        response: { 200: z.array(sourcePolicy), ...errors },
      },
    },
    () => service.listSourcePolicies(deps),
  );
  app.put(
    '/source-policies/:source',
    {
      config: { roles: ['system_admin'] },
      schema: {
        tags,
        summary: '修改某类来源的办理时限与预警阈值 Set one source’s defaults',
        params: sourceParams,
        body: sourcePolicyBody,
        response: { 200: sourcePolicy, ...errors },
      },
    },
    (request) => service.setSourcePolicy(deps, request.ctx, request.params.source, request.body),
  );
}
