/**
 * Phase 4 — the items' timelines (`task_events`): one event per lifecycle step the item went through to reach its
 * status (created → 交办 → 签收 → 办理 → 申请办结 → 办结 → 评价 → 归档, or off to 暂停/中止/撤销), with the acting
 * 督查员 or lead-unit handler and times consistent with the plan; plus a 催办 on every overdue open item.
 * Runs after the reports phase: each report also has its `report_submitted` event, as the product writes it.
 */
import { sqlText } from './bulk.js';
import { LIT_STATUSES, type Clock } from './lifecycle-sql.js';
import type { OwnerQuery } from './target.js';

type Step = [type: string, from: string | null, to: string, actor: 'sup' | 'lead'];

const created: Step = ['created', null, 'draft', 'sup'];
const assign: Step = ['assign', 'draft', 'assigned', 'sup'];
const accept: Step = ['accept', 'assigned', 'accepted', 'lead'];
const start: Step = ['start', 'accepted', 'in_progress', 'lead'];
const requestCompletion: Step = ['request_completion', 'in_progress', 'completion_requested', 'lead'];
const approveCompletion: Step = ['approve_completion', 'completion_requested', 'completed', 'sup'];
const evaluate: Step = ['evaluate', 'completed', 'evaluated', 'sup'];
const archive: Step = ['archive', 'evaluated', 'archived', 'sup'];
const inProgress = [created, assign, accept, start];

/** The steps that lead to each status. */
export const STEPS_TO: Record<string, Step[]> = {
  draft: [created],
  pending_approval: [created, ['submit_for_approval', 'draft', 'pending_approval', 'sup']],
  assigned: [created, assign],
  accepted: [created, assign, accept],
  in_progress: inProgress,
  completion_requested: [...inProgress, requestCompletion],
  completed: [...inProgress, requestCompletion, approveCompletion],
  evaluated: [...inProgress, requestCompletion, approveCompletion, evaluate],
  archived: [...inProgress, requestCompletion, approveCompletion, evaluate, archive],
  suspended: [
    ...inProgress,
    ['request_suspension', 'in_progress', 'in_progress', 'lead'],
    ['approve_change', 'in_progress', 'suspended', 'sup'],
  ],
  terminated: [
    ...inProgress,
    ['request_termination', 'in_progress', 'in_progress', 'lead'],
    ['approve_change', 'in_progress', 'terminated', 'sup'],
  ],
  withdrawn: [created, assign, ['withdraw', 'assigned', 'withdrawn', 'sup']],
};

export async function insertTimeline(exec: OwnerQuery, clock: Clock): Promise<void> {
  const values = Object.entries(STEPS_TO).flatMap(([status, steps]) =>
    steps.map(
      ([type, from, to, actor], i) =>
        `(${sqlText(status)}, ${i + 1}, ${sqlText(type)}, ${from ? sqlText(from) : 'null'}, ${sqlText(to)}, ${sqlText(actor)})`,
    ),
  );
  await exec(`create temp table bench_steps (status text, ord int, type text, from_status text, to_status text, actor text)`);
  await exec(`insert into bench_steps values ${values.join(', ')}`);
  const now = `timestamptz ${sqlText(clock.now)}`;
  // When each step happened, from the plan's times (capped at now: 评价 and 归档 follow 办结 by days).
  const at = `least(${now}, case st.type
      when 'created' then p.created_at
      when 'submit_for_approval' then p.created_at + interval '1 hour'
      when 'assign' then p.assigned_at
      when 'accept' then p.assigned_at + (p.act_start - p.assigned_at) / 2
      when 'start' then p.act_start
      when 'request_completion' then coalesce(p.completed_at - interval '1 day', p.act_end + interval '1 hour')
      when 'approve_completion' then p.completed_at
      when 'evaluate' then p.completed_at + interval '3 days'
      when 'archive' then p.completed_at + interval '10 days'
      when 'request_suspension' then p.stopped_at - interval '2 days'
      when 'request_termination' then p.stopped_at - interval '2 days'
      else p.stopped_at end)`;
  // One statement, ordered by time: the product shows a timeline in id order, so steps, reports and 催办 must interleave.
  await exec(`insert into task_events (task_id, at, type, from_status, to_status, actor_user_id, actor_name, actor_unit_id, reason, data)
    select task_id, at, type, from_status, to_status, actor_user_id, actor_name, actor_unit_id, reason, data from (
    select p.id as task_id, ${at} as at, st.ord as ord, st.type, st.from_status, st.to_status, a.user_id as actor_user_id,
      u.display_name as actor_name, a.unit_id as actor_unit_id,
      case when st.type in ('request_suspension','request_termination','withdraw') then '因政策调整，申请' || case st.type when 'withdraw' then '撤销' when 'request_suspension' then '暂停' else '中止' end end as reason,
      null::jsonb as data
    from bench_plan p
    join bench_steps st on st.status = p.status
    join bench_gov g on g.gov_id = p.supervising_unit_id
    join bench_staff s on s.unit_id = p.lead_unit_id
    cross join lateral (select case when st.actor = 'sup' then g.supervisors[1 + floor(p.u_staff * g.n_sup)::int]
                                    else s.users[1 + floor(p.u_staff * s.n)::int] end as user_id,
                               case when st.actor = 'sup' then p.supervising_unit_id else p.lead_unit_id end as unit_id) a
    join users u on u.id = a.user_id
    union all
    select r.task_id, r.created_at, 100 + r.seq, 'report_submitted', null, null, r.reporter_user_id, u.display_name, p.lead_unit_id, null,
      jsonb_build_object('reportId', r.id, 'version', 1, 'correctsReportId', null, 'periodLabel', r.period_label, 'percent', r.percent)
    from progress_reports r join bench_plan p on p.id = r.task_id join users u on u.id = r.reporter_user_id
    union all
    select p.id, least(${now}, ((p.deadline::timestamp + time '09:30') at time zone 'Asia/Shanghai') + interval '3 days'), 1000, 'urge', p.status, p.status,
      u.id, u.display_name, p.supervising_unit_id, '已超过办结时限，请抓紧办理并报送进展', jsonb_build_object('channel', 'system')
    from bench_plan p join bench_gov g on g.gov_id = p.supervising_unit_id
    join users u on u.id = g.supervisors[1 + floor(p.u_staff * g.n_sup)::int]
    where p.status in ${LIT_STATUSES} and p.deadline < date ${sqlText(clock.today)}
    ) e order by at, ord`);
}
