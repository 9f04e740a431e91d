/** HTTP for the audit administrator: search and verify the audit log. */
import { auditRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as audit from './audit.service.js';

export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['audit'];
  addRoute(
    app,
    auditRoutes.search,
    { config: { roles: ['audit_admin'], scope: 'subtree' }, tags, summary: '审计日志查询 Search the audit log' },
    (request) => audit.searchAuditLog(deps, request.ctx, request.query),
  );
  addRoute(
    app,
    auditRoutes.verify,
    { config: { roles: ['audit_admin'] }, tags, summary: '校验审计日志完整性 Verify the hash chain' },
    (request) => audit.verifyAuditLog(deps, request.ctx),
  );
}
