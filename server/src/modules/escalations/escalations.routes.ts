/** HTTP for the escalation ladder's lists: 通报候选 and 约谈建议 of the reader's subtree. */
import { errorBody, escalationCandidatePage, escalationListQuery } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import * as service from './escalations.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody } as const;

export function registerEscalationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/escalations',
    {
      config: { roles: ['supervisor', 'government_leader'], scope: 'subtree' },
      schema: {
        tags: ['tasks'],
        summary: '通报候选与约谈建议：逾期事项在督办升级中达到的层级 Items on the bulletin-candidate or interview list',
        querystring: escalationListQuery,
        response: { 200: escalationCandidatePage, ...errors },
      },
    },
    (request) => service.listEscalationCandidates(deps, request.ctx, request.query),
  );
}
