/** HTTP for the escalation ladder's lists: 通报候选 and 约谈建议 of the reader's subtree. */
import { escalationRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as service from './escalations.service.js';

export function registerEscalationRoutes(app: FastifyInstance, deps: Deps): void {
  addRoute(
    app,
    escalationRoutes.list,
    {
      config: { roles: ['supervisor', 'government_leader'], scope: 'subtree' },
      tags: ['tasks'],
      summary: '通报候选与约谈建议：逾期事项在督办升级中达到的层级 Items on the bulletin-candidate or interview list',
    },
    (request) => service.listEscalationCandidates(deps, request.ctx, request.query),
  );
}
