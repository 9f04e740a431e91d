/**
 * SQL of the 工作台: one query per group, each over the items visible in the reader's scope (their rows of
 * `task_reach`, the engine's visibility), narrowed to where the reader is the party whose turn it is, capped, with the group's full count
 * from a window function — so a desk costs a fixed number of queries however many items the reader has.
 *
 * Party tests mirror the lifecycle's (`standingOf`): the lead unit's people act when the lead unit lies in their
 * scope, the 督查室 when the supervising government does, the 分管领导 when they are the item's responsible leader.
 */
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import type { Scope } from '../../platform/scope.js';
import { isSystemScope, reachUnitOf } from '../tasks/index.js';

/** Who reads the desk, as the queries need it. */
export interface DeskReader {
  scope: Scope;
  userId: string;
  personId: string | null;
  /** Shanghai date. */
  today: string;
  /** unit_handler or unit_leader: acts for the lead unit. */
  lead: boolean;
  unitLeader: boolean;
  supervisor: boolean;
  /** government_leader linked to a person. */
  leader: boolean;
}

/** One row of a group: the item and what the group adds (all dates as 'YYYY-MM-DD' text). */
export interface DeskRow {
  key: string;
  task_id: string;
  serial_number: string;
  title: string;
  lead_unit_name: string;
  status: string;
  warning_level: number;
  deadline: string | null;
  source: string;
  assigned_on: string | null;
  since_on: string | null;
  reporting_frequency: string;
  pending_change: string | null;
  responsible_leader_id: string | null;
  stands_in_for: string | null;
  reason: string | null;
  note: string | null;
  leader_name: string | null;
  total: number;
}

/** What one group's query adds to the common item select. */
export interface GroupQuery {
  where: SQL;
  order: SQL;
  key?: SQL;
  joins?: SQL;
  reason?: SQL;
  note?: SQL;
  leaderName?: SQL;
}

const shanghaiDay = (column: SQL) => sql`(${column} at time zone 'Asia/Shanghai')::date`;

/** The B角 test: the item's 承办人 is away today and the reader holds the B角 of one of their posts. */
export function standsInFor(reader: DeskReader): SQL {
  if (!reader.personId) return sql`null::text`;
  return sql`case when h.absent_from <= ${reader.today} and h.absent_until >= ${reader.today} and exists (
      select 1 from posts p where p.primary_holder_id = t.handler_id and p.backup_holder_id = ${reader.personId})
    then h.name end`;
}

/**
 * The items the reader can see, as the query's `t`: the reader's own rows of `task_reach` (one index range of their
 * unit) joined to the items — never a test of every item's unit path (issue 12). The system reads everything.
 */
function reachedItems(reader: DeskReader): SQL {
  if (isSystemScope(reader.scope)) return sql`tasks t`;
  const unit = reachUnitOf(reader.scope);
  if (!unit) return sql`tasks t join task_reach vr on false`;
  return sql`task_reach vr join tasks t on t.id = vr.task_id and vr.unit_id = ${unit}::uuid`;
}

/** Rows of one group, most urgent first (the query's order), at most `cap`, each with the group's total. */
export async function groupRows(db: Db, reader: DeskReader, query: GroupQuery, cap: number): Promise<DeskRow[]> {
  const rows = await executeRows<DeskRow>(
    db,
    sql`select ${query.key ?? sql`t.id`}::text as key, t.id::text as task_id, t.serial_number, t.title,
        lu.name as lead_unit_name, t.status, t.warning_level, t.deadline::text as deadline, t.source,
        ${shanghaiDay(sql`t.assigned_at`)}::text as assigned_on,
        ${shanghaiDay(sql`coalesce(t.last_report_at, t.assigned_at)`)}::text as since_on,
        t.reporting_frequency, t.pending_change, t.responsible_leader_id::text as responsible_leader_id,
        ${standsInFor(reader)} as stands_in_for, ${query.reason ?? sql`null`}::text as reason,
        ${query.note ?? sql`null`}::text as note, ${query.leaderName ?? sql`null`}::text as leader_name,
        (count(*) over ())::int as total
      from ${reachedItems(reader)}
      join units lu on lu.id = t.lead_unit_id
      join units su on su.id = t.supervising_unit_id
      left join persons h on h.id = t.handler_id
      ${query.joins ?? sql``}
      where (${query.where})
      order by ${query.order}
      limit ${cap}`,
  );
  return rows.map((r) => ({ ...r, warning_level: Number(r.warning_level), total: Number(r.total) }));
}

/** `status in (…)` for a list of statuses (false for none). */
export function statusIn(statuses: readonly string[]): SQL {
  if (statuses.length === 0) return sql`false`;
  return sql`t.status in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/** The raw next-report date by the reporting cycle (calendar days; the service moves it onto a working day). */
export const rawReportDue = sql`(case t.reporting_frequency
    when 'weekly' then ${shanghaiDay(sql`coalesce(t.last_report_at, t.assigned_at)`)} + 7
    when 'half_monthly' then ${shanghaiDay(sql`coalesce(t.last_report_at, t.assigned_at)`)} + 15
    when 'monthly' then (${shanghaiDay(sql`coalesce(t.last_report_at, t.assigned_at)`)} + interval '1 month')::date
    when 'quarterly' then (${shanghaiDay(sql`coalesce(t.last_report_at, t.assigned_at)`)} + interval '3 months')::date
  end)`;

/** A returned 进展反馈 of the item that has not been corrected yet. */
export const returnedReport = sql`exists (select 1 from progress_reports r where r.task_id = t.id and r.status = 'returned'
  and not exists (select 1 from progress_reports c where c.corrects_report_id = r.id))`;

/** The item's last status step (the timeline's newest event with a status). */
export const lastStatusStep = sql`(select e.type from task_events e where e.task_id = t.id and e.to_status is not null
  order by e.id desc limit 1)`;

/** The item's pending 延期申请, if any (joined as `x`). */
export const pendingExtensionJoin = sql`left join lateral (select x.status from extension_requests x
  where x.task_id = t.id and x.status in ('pending_unit_leader', 'pending_supervisor', 'pending_leader')
  order by x.requested_at desc limit 1) x on true`;

/** The lead unit lies under a unit the leader oversees (分管). */
export function inOversight(personId: string): SQL {
  return sql`exists (select 1 from leader_oversees lo join units ou on ou.id = lo.unit_id
    where lo.leader_id = ${personId} and lu.path like ou.path || '%')`;
}
