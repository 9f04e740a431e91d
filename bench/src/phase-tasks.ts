/**
 * Phase 3 — items. Builds a session-temporary plan of every item (top level, then 一级督一级 sub-items: a 州市
 * breaks a province item down to its 县市区, a 县市区 to its 乡镇 and departments), then inserts `tasks`,
 * `task_cooperations` and `task_serial_counters` from it in single set-based statements. The plan stays for the
 * reports and timeline phases, which derive their rows from the same lifecycle.
 */
import { sqlText, sqlTextArray } from './bulk.js';
import { LIT_STATUSES, PLAN_COLUMNS, lifecycleSelect, type Clock } from './lifecycle-sql.js';
import { contentGoals, contentMeasures, titleSuffixes, titleTopics, titleVerbs } from './phrases.js';
import type { PairSlots } from './skew.js';
import type { Scale } from './scale.js';
import type { OwnerQuery } from './target.js';

const START = '2024-01-02T01:00:00Z';
/** Each source with its share (weights repeated in the array). */
const SOURCES = [
  ...Array<string>(4).fill('meeting_decision'),
  ...Array<string>(3).fill('leader_instruction'),
  ...Array<string>(2).fill('work_report'),
  ...Array<string>(3).fill('document'),
  'superior_assignment',
  'npc_suggestion',
  'cppcc_proposal',
  'audit_finding',
  'media_report',
  ...Array<string>(2).fill('public_complaint'),
];
const FREQUENCIES = ['weekly', 'half_monthly', 'half_monthly', 'monthly', 'monthly', 'monthly', 'monthly', 'quarterly', 'once', 'monthly'];
const URGENCIES = ['normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'urgent', 'urgent', 'very_urgent', 'normal'];
/** 办结时限 lengths in days: short 批示 items to year-long 政府工作报告 tasks. */
const DURATIONS = [15, 20, 30, 30, 45, 60, 90, 90, 120, 180, 240, 365];

function pick(array: string, u: string): string {
  return `(${array})[1 + floor(${u} * array_length(${array}, 1))::int]`;
}

const randoms = `random() as u1, random() as u2, random() as u3, random() as u4, random() as u5, random() as u6, random() as u7`;

/** Top-level items: weighted (supervisor, lead) pair, uniform creation time over 2024 → today. */
function topLevelBase(scale: Scale, clock: Clock, slotCount: number): string {
  const title = `${pick(sqlTextArray(titleVerbs), 'random()')} || ${pick(sqlTextArray(titleTopics), 'random()')} || ${pick(sqlTextArray(titleSuffixes), 'random()')}`;
  const content = `'按照工作部署，' || ${pick(sqlTextArray(contentMeasures), 'random()')} || '，' || ${pick(sqlTextArray(contentGoals), 'random()')} || '。'`;
  return `select gen_random_uuid() as id, null::uuid as parent_id, 0::smallint as depth,
      ($1::uuid[])[s.k] as supervising_unit_id, ($2::uuid[])[s.k] as lead_unit_id,
      ${title} as title, ${content} as content,
      ${pick(sqlTextArray(SOURCES), 'random()')} as source, ${pick(sqlTextArray(URGENCIES), 'random()')} as urgency,
      ${pick(sqlTextArray(FREQUENCIES), 'random()')} as reporting_frequency,
      s.created_at, ((s.created_at at time zone 'Asia/Shanghai')::date + ${pick(`array[${DURATIONS.join(',')}]`, 'random()')}) as deadline,
      false as forced_closed, ${randoms}
    from (select i, 1 + floor(random() * ${slotCount})::int as k,
            timestamptz ${sqlText(START)} + random() * (timestamptz ${sqlText(clock.now)} - interval '1 hour' - timestamptz ${sqlText(START)}) as created_at
          from generate_series(1, ${scale.topLevelTasks}) i) s`;
}

/**
 * Sub-items of plan rows at `depth` whose lead unit is a government with units under it: 2 … maxChildren + 1 distinct
 * lead units each, created soon after the parent's 交办, due no later than the parent. A closed parent has closed
 * sub-items (the product refuses 申请办结 while sub-items are open).
 */
function childBase(scale: Scale, clock: Clock, depth: number): string {
  return `select gen_random_uuid() as id, p.id as parent_id, ${depth + 1}::smallint as depth,
      p.lead_unit_id as supervising_unit_id, g.kids[1 + ((p.kid_offset + j) % g.n_kids)] as lead_unit_id,
      p.title, p.content, p.source, p.urgency, p.reporting_frequency,
      p.child_created as created_at,
      least(p.deadline, greatest((p.child_created at time zone 'Asia/Shanghai')::date + 10, p.deadline - floor(random() * 15)::int)) as deadline,
      p.status in ('completed','evaluated','archived') as forced_closed, ${randoms}
    from (select p.*, floor(random() * 1000)::int as kid_offset, 2 + floor(random() * ${scale.maxChildren})::int as n_children,
            least(timestamptz ${sqlText(clock.now)} - interval '30 minutes', p.assigned_at + interval '1 hour' * (2 + random() * 96)) as child_created
          from bench_plan p where p.depth = ${depth} and p.assigned_at is not null and p.u_break < ${scale.breakdownShare}
            and p.status not in ('withdrawn')) p
    join bench_gov g on g.gov_id = p.lead_unit_id and g.n_kids > 0
    cross join lateral generate_series(1, least(p.n_children, g.n_kids)) j`;
}

export async function planTasks(exec: OwnerQuery, scale: Scale, clock: Clock, slots: PairSlots): Promise<void> {
  const rate = scale.reportRate;
  await exec(`create temp table bench_plan as ${lifecycleSelect(topLevelBase(scale, clock, slots.leads.length), clock, rate)}`, [
    slots.supervisors,
    slots.leads,
  ]);
  await exec(`create index on bench_plan (depth)`);
  for (const depth of [0, 1]) {
    await exec(`insert into bench_plan (${PLAN_COLUMNS.join(', ')}) ${lifecycleSelect(childBase(scale, clock, depth), clock, rate)}`);
  }
  await exec(`create unique index on bench_plan (id)`);
  await exec(`create index on bench_plan (parent_id)`);
  await exec(`analyze bench_plan`);
}

/** The product's light, approximated from the deadline (the daily job recomputes it exactly from the calendar). */
function warningSql(clock: Clock): { level: string; reasons: string } {
  const today = `date ${sqlText(clock.today)}`;
  const assignedOn = `(p.assigned_at at time zone 'Asia/Shanghai')::date`;
  const elapsed = `(case when p.deadline > ${assignedOn} then floor(100.0 * (${today} - ${assignedOn}) / (p.deadline - ${assignedOn}))::int else 0 end)`;
  const lit = `p.status in ${LIT_STATUSES}`;
  const level = `(case when not ${lit} then 0 when p.deadline < ${today} then 2
    when p.deadline <= ${today} + 4 or ${elapsed} >= 90 then 1 else 0 end)::smallint`;
  const reasons = `(case when not ${lit} then '[]'::jsonb
    when p.deadline < ${today} then jsonb_build_array(jsonb_build_object('code', 'deadline_overdue', 'level', 2,
      'params', jsonb_build_object('deadline', p.deadline::text, 'days', ${today} - p.deadline)))
    when p.deadline = ${today} then jsonb_build_array(jsonb_build_object('code', 'deadline_today', 'level', 1, 'params', '{}'::jsonb))
    when p.deadline <= ${today} + 4 then jsonb_build_array(jsonb_build_object('code', 'deadline_near', 'level', 1,
      'params', jsonb_build_object('days', p.deadline - ${today})))
    when ${elapsed} >= 90 then jsonb_build_array(jsonb_build_object('code', 'time_elapsed', 'level', 1, 'params', jsonb_build_object('percent', ${elapsed})))
    else '[]'::jsonb end)`;
  return { level, reasons };
}

export async function insertTasks(exec: OwnerQuery, clock: Clock): Promise<void> {
  const warning = warningSql(clock);
  const now = `timestamptz ${sqlText(clock.now)}`;
  await exec(`insert into tasks (id, serial_number, serial_year, serial_seq, title, source, source_ref, content, requirements, status,
      urgency, reporting_frequency, deadline, deadline_working_days, original_deadline, supervising_unit_id, lead_unit_id,
      responsible_leader_id, supervisor_user_id, handler_id, related_task_id, parent_id, depth, rollup_mode, weight,
      progress_percent, last_report_at, warning_level, warning_reasons, warning_on, pending_change, suspended_from, suspended_at,
      send_back_count, urge_count, evaluation, assigned_at, completed_at, version, created_at, updated_at)
    select p.id, '督〔' || p.serial_year || '〕' || p.serial_seq || '号', p.serial_year, p.serial_seq, p.title, p.source,
      case when p.source = 'document' then jsonb_build_object('documentNumber', '云政办〔' || p.serial_year || '〕' || (p.serial_seq % 300 + 1) || '号')
           else '{}'::jsonb end,
      p.content, case when p.u_coop < 0.5 then '请于每月25日前报送进展情况，办结后报送办理结果。' end, p.status,
      p.urgency, p.reporting_frequency, p.deadline, null, p.deadline, p.supervising_unit_id, p.lead_unit_id,
      g.leaders[1 + floor(p.u_staff * g.n_leaders)::int], g.supervisors[1 + floor(p.u_staff * g.n_sup)::int],
      case when p.status not in ('draft','pending_approval','assigned','accepted') then s.persons[1 + floor(p.u_staff * s.n)::int] end,
      null, p.parent_id, p.depth,
      case when exists (select 1 from bench_plan c where c.parent_id = p.id) then 'average' end, 1,
      p.progress, case when p.n_reports > 0 then p.act_end end,
      ${warning.level}, ${warning.reasons}, date ${sqlText(clock.today)}, null,
      case when p.status = 'suspended' then 'in_progress' end, case when p.status = 'suspended' then p.stopped_at end,
      0, case when p.status in ${LIT_STATUSES} and p.deadline < date ${sqlText(clock.today)} then 1 else 0 end,
      case when p.status in ('evaluated','archived') then jsonb_build_object('quality', 3 + floor(p.u_coop * 3)::int,
        'timeliness', 3 + floor(p.u_staff * 3)::int, 'satisfaction', 4 + floor(p.u_break * 2)::int) end,
      p.assigned_at, p.completed_at, 1,
      p.created_at, least(${now}, coalesce(p.completed_at + interval '10 days', p.stopped_at, p.act_end, p.assigned_at, p.created_at))
    from (select p.*, extract(year from p.created_at at time zone 'Asia/Shanghai')::smallint as serial_year,
            row_number() over (partition by p.supervising_unit_id, extract(year from p.created_at at time zone 'Asia/Shanghai')
                               order by p.created_at, p.id)::int as serial_seq
          from bench_plan p) p
    join bench_gov g on g.gov_id = p.supervising_unit_id
    join bench_staff s on s.unit_id = p.lead_unit_id`);
  // The product numbers new items from these counters: they must continue after the generated numbers.
  await exec(`insert into task_serial_counters (supervising_unit_id, year, last_seq)
    select supervising_unit_id, serial_year, max(serial_seq) from tasks group by supervising_unit_id, serial_year
    on conflict (supervising_unit_id, year) do update set last_seq = greatest(task_serial_counters.last_seq, excluded.last_seq)`);
}

/** 配合单位: about a third of top-level items get one or two other units of the supervising government. */
export async function insertCooperations(exec: OwnerQuery): Promise<void> {
  await exec(`insert into task_cooperations (task_id, unit_id, duty, due_date, contribution, contributed_at, contributed_by)
    select p.id, g.kids[1 + ((floor(p.u_coop * 10000)::int + j * 7) % g.n_kids)], '配合做好相关工作，及时向牵头单位提供材料', p.deadline - 5,
      case when p.completed_at is not null then '已按要求完成配合事项，相关材料已报牵头单位' end,
      case when p.completed_at is not null then p.completed_at - interval '3 days' end, null
    from bench_plan p join bench_gov g on g.gov_id = p.supervising_unit_id and g.n_kids > 1
    cross join lateral generate_series(1, 1 + floor(p.u_coop * 6)::int % 2) j
    where p.depth = 0 and p.u_coop < 0.35
      and g.kids[1 + ((floor(p.u_coop * 10000)::int + j * 7) % g.n_kids)] <> p.lead_unit_id
    on conflict do nothing`);
}
