/**
 * SQL of the 领导驾驶舱. Every figure is read from the tallies the writes keep per lead unit (db/schema/task-reach.ts:
 * items by status and light, 交办 and 办结 by Shanghai month), summed over the lead units in the reader's scope and
 * rolled up to the lead unit's ancestor directly under the root (the 州市 government or the provincial department).
 * That is a few rows per unit — at most a few thousand units — whatever the number of items: the province's cockpit
 * no longer groups a million items on each recomputation (3–4 s before at 1M items).
 *
 * Scope is the lead unit's: an item is counted when its lead unit lies in the reader's scope. That is the same set
 * as "supervising government or lead unit in scope" (the ledger's rule without cooperating units) because every
 * item's lead unit lies in its supervising government's subtree — registration checks the lead unit against the
 * registering 督查室's scope, and the supervising government is the nearest government at or above that scope.
 * Cooperating units are left out on purpose: the cockpit counts each item once, under the unit answerable for it.
 */
import type { Scope } from '../../platform/scope.js';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import type { GroupedCount, MonthCount, TopUnit } from './cockpit.rules.js';

type Row = Record<string, string | number | null>;

/** The lead unit's ancestor directly under the root ('/root/top/…' → top), null when the lead unit is the root. */
const topOfLeadUnit = sql.raw(`nullif(split_part(lu.path, '/', 3), '')`);

/**
 * Items by (lead unit's top ancestor, status, warning level), for lead units in scope. A light counts only on an item
 * still being worked on (`openStatuses`); any other item is counted in its status with level 0.
 */
export async function countByTopUnitStatusAndLight(db: Db, scope: Scope, openStatuses: readonly string[]): Promise<GroupedCount[]> {
  const pattern = `${scope.path}%`;
  const open = sql.join(
    openStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await executeRows<Row>(
    db,
    sql`select ${topOfLeadUnit} as top_id, k.status,
          case when k.status in (${open}) then k.warning_level else 0 end as warning_level, sum(k.n)::int as n
        from task_tallies k join units lu on lu.id = k.unit_id
        where k.kind = 'lead' and lu.path like ${pattern}
        group by 1, 2, 3
        having sum(k.n) <> 0`,
  );
  return rows.map((r) => ({
    topUnitId: r.top_id === null ? null : String(r.top_id),
    status: String(r.status),
    warningLevel: Number(r.warning_level),
    count: Number(r.n),
  }));
}

/** 'YYYY-MM' of an instant in Asia/Shanghai (UTC+8 all year), as the tallies key their months. */
function shanghaiMonthOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Items 交办 and 办结 per Shanghai month from the month of `from` on, lead unit in scope (from the month tallies). */
export async function countByMonth(db: Db, scope: Scope, from: Date): Promise<MonthCount[]> {
  const pattern = `${scope.path}%`;
  const rows = await executeRows<Row>(
    db,
    sql`select k.month,
          coalesce(sum(k.n) filter (where k.kind = 'assigned'), 0)::int as assigned,
          coalesce(sum(k.n) filter (where k.kind = 'completed'), 0)::int as completed
        from task_tallies k join units lu on lu.id = k.unit_id
        where k.kind in ('assigned', 'completed') and k.month >= ${shanghaiMonthOf(from)} and lu.path like ${pattern}
        group by k.month`,
  );
  return rows
    .map((r) => ({ month: String(r.month), assigned: Number(r.assigned), completed: Number(r.completed) }))
    .filter((m) => m.assigned !== 0 || m.completed !== 0);
}

/** The named depth-1 units, and every 州市 government (depth-1 government) in the scope. */
export async function findTopUnits(db: Db, scope: Scope, ids: string[]): Promise<TopUnit[]> {
  const pattern = `${scope.path}%`;
  const named = ids.length
    ? sql`u.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;
  const rows = await executeRows<Row>(
    db,
    sql`select u.id, u.name, u.short_name, u.kind, u.sort_order, u.division_code, d.name as division_name, d.level as division_level
        from units u join divisions d on d.code = u.division_code
        where ${named} or (u.depth = 1 and u.kind = 'government' and u.path like ${pattern})`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    shortName: r.short_name === null ? null : String(r.short_name),
    kind: String(r.kind),
    sortOrder: Number(r.sort_order),
    divisionCode: String(r.division_code),
    divisionName: String(r.division_name),
    divisionLevel: String(r.division_level),
  }));
}
