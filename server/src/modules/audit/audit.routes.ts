/** HTTP for the audit administrator: search and verify the audit log. */
import { auditPage, auditSearchQuery, auditVerifyResult, errorBody } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import * as audit from './audit.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody } as const;

export function registerAuditRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const config = { roles: ['audit_admin'], scope: 'subtree' } as const;
  app.get(
    '/audit-events',
    {
      config,
      schema: {
        tags: ['audit'],
        summary: '审计日志查询 Search the audit log',
        querystring: auditSearchQuery,
        response: { 200: auditPage, ...errors },
      },
    },
    (request) => audit.searchAuditLog(deps, request.ctx, request.query),
  );
  app.get(
    '/audit-events/verify',
    {
      config: { roles: ['audit_admin'] },
      schema: { tags: ['audit'], summary: '校验审计日志完整性 Verify the hash chain', response: { 200: auditVerifyResult, ...errors } },
    },
    (request) => audit.verifyAuditLog(deps, request.ctx),
  );
}
