/**
 * SQL of the 领导驾驶舱. Everything the page shows comes from one pass over `tasks`, grouped by lead unit,
 * supervising unit, status and warning level (a few thousand groups even at a million items); only those groups
 * are then joined to the units tree for the scope test and rolled up to the lead unit's ancestor under the root
 * (the 州市 government or the provincial department). Month counts are FILTERed aggregates in the same pass, so
 * there is no second scan.
 *
 * An item belongs to the reader's view when its supervising government or its lead unit lies in their scope — the
 * parties of the item. (The item page also admits readers through a cooperating unit; the cockpit leaves those out
 * so that its figures stay one grouped scan.)
 */
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import type { GroupedCount, MonthWindow, TopUnit } from './cockpit.rules.js';

function monthColumns(column: SQL, windows: MonthWindow[], prefix: 'a' | 'c'): SQL[] {
  return windows.map(
    (w, i) =>
      sql`count(*) filter (where ${column} >= ${w.from.toISOString()}::timestamptz and ${column} < ${w.to.toISOString()}::timestamptz) as ${sql.raw(`${prefix}${i}`)}`,
  );
}

function sums(windows: MonthWindow[], prefix: 'a' | 'c'): SQL[] {
  return windows.map((_w, i) => sql.raw(`sum(g.${prefix}${i})::int as ${prefix}${i}`));
}

type Row = Record<string, string | number | null>;

export async function countGroupedInScope(db: Db, scopePath: string, yearStart: Date, windows: MonthWindow[]): Promise<GroupedCount[]> {
  const pattern = `${scopePath}%`;
  const rows = await executeRows<Row>(
    db,
    sql`with g as (
          select t.lead_unit_id, t.supervising_unit_id, t.status, t.warning_level,
                 count(*) as n,
                 count(*) filter (where t.completed_at >= ${yearStart.toISOString()}::timestamptz) as cy,
                 ${sql.join(monthColumns(sql`t.assigned_at`, windows, 'a'), sql`, `)},
                 ${sql.join(monthColumns(sql`t.completed_at`, windows, 'c'), sql`, `)}
          from tasks t
          group by t.lead_unit_id, t.supervising_unit_id, t.status, t.warning_level
        )
        select nullif(split_part(lu.path, '/', 3), '') as top_id, g.status, g.warning_level,
               sum(g.n)::int as n, sum(g.cy)::int as cy,
               ${sql.join(sums(windows, 'a'), sql`, `)},
               ${sql.join(sums(windows, 'c'), sql`, `)}
        from g
        join units lu on lu.id = g.lead_unit_id
        join units su on su.id = g.supervising_unit_id
        where su.path like ${pattern} or lu.path like ${pattern}
        group by 1, 2, 3`,
  );
  return rows.map((r) => ({
    topUnitId: r.top_id === null ? null : String(r.top_id),
    status: String(r.status),
    warningLevel: Number(r.warning_level),
    count: Number(r.n),
    completedThisYear: Number(r.cy),
    assignedByMonth: windows.map((_w, i) => Number(r[`a${i}`] ?? 0)),
    completedByMonth: windows.map((_w, i) => Number(r[`c${i}`] ?? 0)),
  }));
}

/** The named depth-1 units, and every 州市 government (depth-1 government) in the scope. */
export async function findTopUnits(db: Db, scopePath: string, ids: string[]): Promise<TopUnit[]> {
  const pattern = `${scopePath}%`;
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
