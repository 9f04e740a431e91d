/**
 * SQL of the 领导驾驶舱. The figures come from a few grouped scans that start from the units in the reader's scope
 * and read `tasks` through indexes on the lead unit, then roll the groups up to the lead unit's ancestor directly
 * under the root (the 州市 government or the provincial department) — a few thousand groups even at a million items.
 *
 * Scope is the lead unit's: an item is counted when its lead unit lies in the reader's scope. That is the same set
 * as "supervising government or lead unit in scope" (the ledger's rule without cooperating units) because every
 * item's lead unit lies in its supervising government's subtree — registration checks the lead unit against the
 * registering 督查室's scope, and the supervising government is the nearest government at or above that scope.
 * Counting by the lead unit alone lets one index serve every scope. Cooperating units are left out on purpose: the
 * cockpit counts each item once, under the unit answerable for it.
 *
 * Indexes: `tasks_lead_status_idx (lead_unit_id, status)` (exists) serves every count as an index-only scan. Missing
 * today and worth a migration: a partial `tasks (lead_unit_id, status, warning_level) where warning_level > 0` (the
 * lit items index-only: 0.65 s → 0.04 s at a million items in a test on a loaded machine) and `tasks (assigned_at)`,
 * `tasks (completed_at)` for the month ranges. Even so a province-wide read at a million items takes about a second
 * (measured under heavy load); ≤ 100 ms needs the figures kept per lead unit by the task writes, or cached per scope
 * and dropped on the live change events (`platform/live.ts`) once every task write publishes them.
 */
import type { Scope } from '../../platform/scope.js';
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import type { GroupedCount, MonthCount, TopUnit } from './cockpit.rules.js';

type Row = Record<string, string | number | null>;

/** The lead unit's ancestor directly under the root ('/root/top/…' → top), null when the lead unit is the root. */
const topOfLeadUnit = sql.raw(`nullif(split_part(lu.path, '/', 3), '')`);

/**
 * Items by (lead unit's top ancestor, status, warning level), for lead units in scope. Two scans driven from the
 * units in scope: every status through `tasks_lead_status_idx` (index-only, no heap access), and the yellow and red
 * lights of 在办 items only, found once through `tasks_warning_idx` and grouped before the scope join (green =
 * 在办 − yellow − red, so the common green items are never read twice).
 */
export async function countByTopUnitStatusAndLight(db: Db, scope: Scope, openStatuses: readonly string[]): Promise<GroupedCount[]> {
  const pattern = `${scope.path}%`;
  const open = sql.join(
    openStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await executeRows<Row>(
    db,
    sql`with per_unit as (
          select lu.id, t.status, 0 as warning_level, count(*) as n
          from units lu join tasks t on t.lead_unit_id = lu.id
          where lu.path like ${pattern}
          group by lu.id, t.status
          union all
          select lit.lead_unit_id, lit.status, lit.warning_level, lit.n
          from (
            select t.lead_unit_id, t.status, t.warning_level, count(*) as n
            from tasks t
            where t.warning_level > 0 and t.status in (${open})
            group by t.lead_unit_id, t.status, t.warning_level
          ) lit
          join units lu on lu.id = lit.lead_unit_id
          where lu.path like ${pattern}
        )
        select ${topOfLeadUnit} as top_id, p.status, p.warning_level, sum(p.n)::int as n
        from per_unit p join units lu on lu.id = p.id
        group by 1, 2, 3`,
  );
  return foldLights(
    rows.map((r) => ({
      topUnitId: r.top_id === null ? null : String(r.top_id),
      status: String(r.status),
      warningLevel: Number(r.warning_level),
      count: Number(r.n),
    })),
  );
}

/** Turns (all items, lit items) into disjoint groups: the level-0 group keeps only what is not yellow or red. */
function foldLights(rows: GroupedCount[]): GroupedCount[] {
  const key = (r: GroupedCount) => `${r.topUnitId ?? ''}|${r.status}`;
  const base = new Map(rows.filter((r) => r.warningLevel === 0).map((r) => [key(r), r]));
  for (const lit of rows.filter((r) => r.warningLevel > 0)) {
    const all = base.get(key(lit));
    if (all) all.count -= lit.count;
  }
  return rows.filter((r) => r.warningLevel > 0 || r.count > 0);
}

/** 'YYYY-MM' of a timestamptz column in Asia/Shanghai (UTC+8 all year), independent of the server's time zone data. */
function shanghaiMonth(column: SQL): SQL {
  return sql`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;
}

/**
 * Items 交办 and 办结 per Shanghai month since `from`, lead unit in scope. Each half is a range over `assigned_at` /
 * `completed_at` (indexable), grouped by lead unit before the scope join.
 */
export async function countByMonth(db: Db, scope: Scope, from: Date): Promise<MonthCount[]> {
  const pattern = `${scope.path}%`;
  const since = from.toISOString();
  const rows = await executeRows<Row>(
    db,
    sql`with m as (
          select t.lead_unit_id, ${shanghaiMonth(sql`t.assigned_at`)} as month, count(*) as assigned, 0 as completed
          from tasks t where t.assigned_at >= ${since}::timestamptz
          group by 1, 2
          union all
          select t.lead_unit_id, ${shanghaiMonth(sql`t.completed_at`)}, 0, count(*)
          from tasks t where t.completed_at >= ${since}::timestamptz
          group by 1, 2
        )
        select m.month, sum(m.assigned)::int as assigned, sum(m.completed)::int as completed
        from m
        join units lu on lu.id = m.lead_unit_id
        where lu.path like ${pattern}
        group by m.month`,
  );
  return rows.map((r) => ({ month: String(r.month), assigned: Number(r.assigned), completed: Number(r.completed) }));
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
