/**
 * The lifecycle of a generated item, as SQL layered over a "base" row (ids, units, creation time, deadline and
 * uniform random numbers u1…u7). Status depends on the deadline against today: most items whose deadline passed are
 * closed (办结/评价/归档), but some are still open — more of the recently due ones — which makes about 10 % of all
 * items overdue (red); items not yet due spread over 拟办 … 申请办结. Times (交办, 办结, reporting window) follow from
 * the status, so the timeline, the reports and the light agree with each other.
 */
import { sqlText } from './bulk.js';

export interface Clock {
  /** Shanghai date of "today" (YYYY-MM-DD). */
  today: string;
  /** "Now" as an ISO timestamp. */
  now: string;
}

/** Statuses the warning light is lit for (the product's `lit` list). */
export const LIT_STATUSES = `('assigned','accepted','in_progress','completion_requested')`;
/** Statuses that have progress reports. */
const REPORTING_STATUSES = `('in_progress','completion_requested','completed','evaluated','archived','suspended','terminated')`;

/** Columns of the plan table, in order (every layered select ends with exactly these). */
export const PLAN_COLUMNS = [
  'id',
  'parent_id',
  'depth',
  'supervising_unit_id',
  'lead_unit_id',
  'title',
  'content',
  'source',
  'urgency',
  'reporting_frequency',
  'created_at',
  'deadline',
  'status',
  'assigned_at',
  'completed_at',
  'stopped_at',
  'act_start',
  'act_end',
  'n_reports',
  'progress',
  'u_break',
  'u_staff',
  'u_coop',
] as const;

/**
 * Wraps `base` (which must yield id, parent_id, depth, supervising_unit_id, lead_unit_id, title, content, source,
 * urgency, reporting_frequency, created_at, deadline, forced_closed, u1…u7) into the full plan row.
 */
export function lifecycleSelect(base: string, clock: Clock, reportRate: number): string {
  const today = `date ${sqlText(clock.today)}`;
  const now = `timestamptz ${sqlText(clock.now)}`;
  const deadlineTs = `((b.deadline::timestamp + time '18:00') at time zone 'Asia/Shanghai')`;
  const interval = `(case b.reporting_frequency when 'weekly' then 7 when 'half_monthly' then 15 when 'quarterly' then 90 else 30 end)`;
  return `
  select d.id, d.parent_id, d.depth, d.supervising_unit_id, d.lead_unit_id, d.title, d.content, d.source, d.urgency,
    d.reporting_frequency, d.created_at, d.deadline, d.status, d.assigned_at, d.completed_at, d.stopped_at, d.act_start, d.act_end,
    d.n_reports,
    case when d.n_reports = 0 then null
         when d.status in ('completion_requested','completed','evaluated','archived') then 100
         else least(95, greatest(5, (20 + d.u6 * 70)::int)) end::smallint as progress,
    random() as u_break, d.u7 as u_staff, d.u5 as u_coop
  from (
    select c.*,
      case when c.status not in ${REPORTING_STATUSES} or c.act_end <= c.act_start then 0
           when c.reporting_frequency = 'once' then 1
           else least(60, greatest(1, floor(extract(epoch from c.act_end - c.act_start) / 86400.0 / c.interval_days * ${reportRate})::int)) end as n_reports
    from (
      select b.*, ${interval} as interval_days,
        case when b.status in ('completed','evaluated','archived')
             then least(${now} - interval '20 days' * b.u4 - interval '1 hour', b.assigned_at + (${deadlineTs} - b.assigned_at) * (0.45 + b.u4 * 0.6)) end as completed_at,
        case when b.status in ('suspended','terminated','withdrawn')
             then b.assigned_at + (least(${now}, ${deadlineTs}) - b.assigned_at) * (0.3 + 0.6 * b.u4) end as stopped_at,
        least(${now}, b.assigned_at + interval '2 days') as act_start,
        case when b.status in ('completed','evaluated','archived')
               then least(${now} - interval '20 days' * b.u4 - interval '1 hour', b.assigned_at + (${deadlineTs} - b.assigned_at) * (0.45 + b.u4 * 0.6)) - interval '1 day'
             when b.status in ('suspended','terminated')
               then b.assigned_at + (least(${now}, ${deadlineTs}) - b.assigned_at) * (0.3 + 0.6 * b.u4) - interval '1 day'
             when b.status in ('in_progress','completion_requested')
               then ${now} - interval '1 day' * b.u5 * ${interval}
        end as act_end
      from (
        select a.*,
          case when a.status in ('draft','pending_approval') then null
               else least(${now} - interval '1 minute', a.created_at + interval '1 hour' * (1 + a.u3 * 30)) end as assigned_at
        from (
          select x.*, ${statusCase('x', today)} as status from (${base}) x
        ) a
      ) b
    ) c
  ) d`;
}

function statusCase(x: string, today: string): string {
  return `case
    when ${x}.forced_closed then (array['archived','archived','evaluated','completed'])[1 + floor(${x}.u2 * 4)::int]
    when ${x}.deadline < ${today} then case
      when ${x}.u1 < (case when ${x}.deadline >= ${today} - 90 then 0.65 else 0.13 end)
        then (array['in_progress','in_progress','in_progress','accepted','completion_requested','assigned'])[1 + floor(${x}.u2 * 6)::int]
      when ${x}.u1 > 0.975 then (array['terminated','withdrawn','suspended'])[1 + floor(${x}.u2 * 3)::int]
      else (array['archived','archived','archived','evaluated','completed'])[1 + floor(${x}.u2 * 5)::int] end
    else case
      when ${x}.u1 < 0.03 then 'draft' when ${x}.u1 < 0.05 then 'pending_approval' when ${x}.u1 < 0.17 then 'assigned'
      when ${x}.u1 < 0.30 then 'accepted' when ${x}.u1 < 0.84 then 'in_progress' when ${x}.u1 < 0.92 then 'completion_requested'
      when ${x}.u1 < 0.94 then 'suspended' else 'completed' end
  end`;
}
