/** Reads of the audit log for the audit administrator. The log is never written here (see platform/audit-log). */
import type { Scope } from '../../platform/scope.js';
import { and, desc, eq, gte, ilike, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.js';
import type { Db } from '../../platform/db.js';
import { likeEscape } from '../../platform/sql.js';

export type AuditEventRow = typeof auditEvents.$inferSelect;

export interface AuditFilter {
  eventType?: string;
  actor?: string;
  objectId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
}

/**
 * Events by actors inside `scope.path`; events without an actor unit (failed sign-ins, system work) only when the
 * scope is the whole tree (`includeUnattributed`).
 */
export async function searchAuditEvents(
  db: Db,
  scope: Scope,
  includeUnattributed: boolean,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEventRow[]> {
  const inScope = sql`${auditEvents.actorUnitId} in (select id from units where path like ${`${scope.path}%`})`;
  const visible = includeUnattributed ? or(inScope, isNull(auditEvents.actorUnitId)) : inScope;
  const conditions: (SQL | undefined)[] = [visible];
  if (filter.eventType) conditions.push(eq(auditEvents.eventType, filter.eventType));
  if (filter.actor) conditions.push(ilike(auditEvents.actorUsername, `%${likeEscape(filter.actor)}%`));
  if (filter.objectId) conditions.push(eq(auditEvents.objectId, filter.objectId));
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, filter.to));
  if (filter.beforeId) conditions.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
