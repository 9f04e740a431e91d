/**
 * What the generator made: row counts and the shape figures the issue asks for (skew, overdue share, status spread),
 * printed at the end of a run and checked by the test.
 */
import type { OwnerQuery } from './target.js';

export const COUNTED_TABLES = [
  'units',
  'persons',
  'users',
  'tasks',
  'task_cooperations',
  'task_events',
  'progress_reports',
  'audit_events',
] as const;

export interface BenchSummary {
  counts: Record<(typeof COUNTED_TABLES)[number], number>;
  subItems: number;
  maxDepth: number;
  /** Share of items with a red light (overdue), and with a yellow one. */
  redShare: number;
  yellowShare: number;
  /** Share of top-level items led by the 5 busiest lead units, and by the busiest 1 % of all units. */
  top5LeadShare: number;
  topPercentLeadShare: number;
  /** Items per status. */
  statuses: Record<string, number>;
  /** Items per year of creation. */
  years: Record<string, number>;
}

export async function summarize(exec: OwnerQuery): Promise<BenchSummary> {
  const counts = {} as BenchSummary['counts'];
  for (const table of COUNTED_TABLES) {
    const rows = await exec(`select count(*)::bigint as n from ${table}`);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  const [shape] = await exec(`select count(*) filter (where depth > 0)::bigint as sub_items, coalesce(max(depth), 0)::int as max_depth,
      (count(*) filter (where warning_level = 2))::float8 / greatest(count(*), 1) as red,
      (count(*) filter (where warning_level = 1))::float8 / greatest(count(*), 1) as yellow from tasks`);
  const [skew] = await exec(`select coalesce(sum(n) filter (where rank <= 5), 0)::float8 / greatest(sum(n), 1) as top5,
      coalesce(sum(n) filter (where rank <= (select count(*) from units) / 100), 0)::float8 / greatest(sum(n), 1) as top_percent from (
      select count(*) as n, row_number() over (order by count(*) desc) as rank from tasks where depth = 0 group by lead_unit_id) x`);
  const statuses: Record<string, number> = {};
  for (const r of await exec(`select status, count(*)::bigint as n from tasks group by status order by status`)) {
    statuses[String(r.status)] = Number(r.n);
  }
  const years: Record<string, number> = {};
  for (const r of await exec(`select serial_year, count(*)::bigint as n from tasks group by serial_year order by serial_year`)) {
    years[String(r.serial_year)] = Number(r.n);
  }
  return {
    counts,
    subItems: Number(shape?.sub_items ?? 0),
    maxDepth: Number(shape?.max_depth ?? 0),
    redShare: Number(shape?.red ?? 0),
    yellowShare: Number(shape?.yellow ?? 0),
    top5LeadShare: Number(skew?.top5 ?? 0),
    topPercentLeadShare: Number(skew?.top_percent ?? 0),
    statuses,
    years,
  };
}
