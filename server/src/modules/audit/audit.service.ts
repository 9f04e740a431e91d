/** Audit-log search and chain verification for the audit administrator. */
import type { AuditEvent, AuditVerifyResult, auditSearchQuery } from '@luoshi/contracts';
import type { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit-log.js';
import type { Deps, RequestContext } from '../../platform/context.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { canReadAuditLog } from './audit.policy.js';
import * as repo from './audit.repository.js';

export const AUDIT_PAGE_DEFAULT = 50;

function requireAuditReader(ctx: RequestContext) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (!canReadAuditLog(ctx.actor)) throw forbidden();
  return ctx.actor;
}

function present(row: repo.AuditEventRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    eventType: row.eventType as AuditEvent['eventType'],
    outcome: row.outcome === 'failure' ? 'failure' : 'success',
    objectType: row.objectType,
    objectId: row.objectId,
    before: row.before,
    after: row.after,
  };
}

export async function searchAuditLog(
  deps: Deps,
  ctx: RequestContext,
  query: z.infer<typeof auditSearchQuery>,
): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const actor = requireAuditReader(ctx);
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  const beforeId = query.cursor && /^\d+$/.test(query.cursor) ? Number(query.cursor) : undefined;
  const isWholeTree = actor.scope.path.split('/').filter(Boolean).length === 1;
  const rows = await repo.searchAuditEvents(
    deps.database.db,
    actor.scope,
    isWholeTree,
    {
      eventType: query.eventType,
      actor: query.actor,
      objectId: query.objectId,
      outcome: query.outcome,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      beforeId,
    },
    limit + 1,
  );
  const page = rows.slice(0, limit);
  return { items: page.map(present), nextCursor: rows.length > limit && page.length ? String(page.at(-1)?.id) : null };
}

export async function verifyAuditLog(deps: Deps, ctx: RequestContext): Promise<AuditVerifyResult> {
  requireAuditReader(ctx);
  return verifyAuditChain(deps.database);
}
