/**
 * SQL of the 领导驾驶舱. Every figure is read from the tallies the writes keep (db/schema/task-reach.ts) under the
 * lead unit and each unit above it — items by status and light, 交办 and 办结 by Shanghai month — so a reader's
 * figures are the rows kept under their own scope unit: a few dozen rows for a county, a few hundred for the
 * province (its 州市 and departments side by side), whatever the number of items. Before issue 12 the province's
 * cockpit grouped a million items on every recomputation (3–4 s).
 *
 * Scope is the lead unit's: an item is counted when its lead unit lies in the reader's scope. That is the same set
 * as "supervising government or lead unit in scope" (the ledger's rule without cooperating units) because every
 * item's lead unit lies in its supervising government's subtree — registration checks the lead unit against the
 * registering 督查室's scope, and the supervising government is the nearest government at or above that scope.
 * Cooperating units are left out on purpose: the cockpit counts each item once, under the unit answerable for it.
 */
import type { Scope } from '../../platform/scope.js';
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import type { GroupedCount, MonthCount, TopUnit } from './cockpit.rules.js';

type Row = Record<string, string | number | null>;

/** The scope's own unit (for the system's whole-tree scope, '/', every root). */
const scopeUnits = (scope: Scope): SQL => sql`(u.path = ${scope.path} or (${scope.path} = '/' and u.parent_id is null))`;

/**
 * Items by (lead unit's ancestor directly under the root, status, warning level), for lead units in scope. A light
 * counts only on an item still being worked on (`openStatuses`); any other item is counted in its status, level 0.
 *
 * Below the root every item in scope has the scope unit's own top ancestor, so the scope unit's tallies are the one
 * group. At a root the groups are its children's tallies, and what the root keeps beyond them is what it leads itself
 * (top: null).
 */
export async function countByTopUnitStatusAndLight(db: Db, scope: Scope, openStatuses: readonly string[]): Promise<GroupedCount[]> {
  const open = sql.join(
    openStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await executeRows<Row>(
    db,
    sql`with g as (
          select u.id, false as child, nullif(split_part(u.path, '/', 3), '') as top_id from units u where ${scopeUnits(scope)}
          union all
          select c.id, true, c.id::text from units u join units c on c.parent_id = u.id where ${scopeUnits(scope)} and u.depth = 0
        )
        select g.child::int as child, g.top_id, k.status, case when k.status in (${open}) then k.warning_level else 0 end as warning_level,
          sum(k.n)::int as n
        from g join task_tallies k on k.unit_id = g.id and k.kind = 'lead'
        group by 1, 2, 3, 4
        having sum(k.n) <> 0`,
  );
  const groups = new Map<string, GroupedCount>();
  const add = (topUnitId: string | null, status: string, warningLevel: number, count: number) => {
    const key = `${topUnitId ?? ''}|${status}|${warningLevel}`;
    const group = groups.get(key) ?? { topUnitId, status, warningLevel, count: 0 };
    group.count += count;
    groups.set(key, group);
  };
  for (const r of rows) {
    const top = r.top_id === null ? null : String(r.top_id);
    add(top, String(r.status), Number(r.warning_level), Number(r.n));
    // A root's own rows hold its children's items too: what remains after them is what it leads itself.
    if (Number(r.child) === 1) add(null, String(r.status), Number(r.warning_level), -Number(r.n));
  }
  return [...groups.values()].filter((g) => g.count !== 0);
}

/** 'YYYY-MM' of an instant in Asia/Shanghai (UTC+8 all year), as the tallies key their months. */
function shanghaiMonthOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Items 交办 and 办结 per Shanghai month from the month of `from` on, lead unit in scope: the scope unit's rows. */
export async function countByMonth(db: Db, scope: Scope, from: Date): Promise<MonthCount[]> {
  const rows = await executeRows<Row>(
    db,
    sql`select k.month,
          coalesce(sum(k.n) filter (where k.kind = 'assigned'), 0)::int as assigned,
          coalesce(sum(k.n) filter (where k.kind = 'completed'), 0)::int as completed
        from units u join task_tallies k on k.unit_id = u.id
        where ${scopeUnits(scope)} and k.kind in ('assigned', 'completed') and k.month >= ${shanghaiMonthOf(from)}
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
