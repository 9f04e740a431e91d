/**
 * Who acts for an item's lead unit (issue 13 item 7), shown on the item: its staff, and — when the lead unit is a
 * 州市 or county government other than the supervising one — that government's 督查室 as 承办 by default, or the
 * 承办人 its leader or 督查室 named. The rule itself is the engine's (`leadActingOf`); this only names the people.
 */
import type { LeadActingKind, WhoActs } from '@luoshi/contracts';
import { sql } from 'drizzle-orm';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { executeRows } from '../../platform/db.js';
import { findTaskInScope, leadActingOf } from '../tasks/index.js';

/** Names shown per kind at most. */
const NAMES_MAX = 20;

/** `GET /api/tasks/:id/who-acts`. */
export async function whoActs(deps: Deps, ctx: RequestContext, taskId: string): Promise<WhoActs> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const task = await findTaskInScope(db, actor.scope, taskId);
  const [unit] = await executeRows<{ kind: string }>(db, sql`select kind from units where id = ${task.leadUnitId}::uuid`);
  const governmentLead = unit?.kind === 'government' && task.leadUnitId !== task.supervisingUnitId;
  const rows = await executeRows<{ name: string; kind: LeadActingKind }>(
    db,
    sql`(select coalesce(u.display_name, u.username) as name, 'unit_staff' as kind from users u
          where u.scope_unit_id = ${task.leadUnitId}::uuid and u.disabled_at is null
            and u.roles && array['unit_handler', 'unit_leader']::text[]
          order by u.display_name limit ${NAMES_MAX})
        union all
        (select coalesce(u.display_name, u.username), 'supervision_office' from users u
          where ${governmentLead} and u.scope_unit_id = ${task.leadUnitId}::uuid and u.disabled_at is null
            and 'supervisor' = any(u.roles)
          order by u.display_name limit ${NAMES_MAX})`,
  );
  return {
    leadUnitName: task.leadUnitName,
    governmentLead,
    handlerName: task.handlerName,
    actors: rows.map((r) => ({ name: r.name, kind: r.kind })),
    you: leadActingOf(actor, task),
  };
}
