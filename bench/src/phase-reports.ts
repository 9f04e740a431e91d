/**
 * Phase 5 — 进展反馈. Each item under way or done has reports spaced evenly over its reporting window (from 办理 to
 * its last report), as many as its reporting frequency implies; progress climbs to the item's current percent. The
 * 督查室 has reviewed all but the newest report of open items. Reporters are the lead unit's handlers.
 */
import { sqlText, sqlTextArray } from './bulk.js';
import type { Clock } from './lifecycle-sql.js';
import { reportDone, reportNextSteps, reportProblems } from './phrases.js';
import type { OwnerQuery } from './target.js';

function pick(values: readonly string[]): string {
  const array = sqlTextArray(values);
  return `(${array})[1 + floor(random() * ${values.length})::int]`;
}

export async function insertReports(exec: OwnerQuery, clock: Clock): Promise<void> {
  const now = `timestamptz ${sqlText(clock.now)}`;
  await exec(`insert into progress_reports (id, task_id, seq, version, corrects_report_id, reporter_user_id, period_label, done, next_steps,
      problems, help_needed, percent, milestone, status, review_reason, reviewed_by, reviewed_at, created_at)
    select gen_random_uuid(), r.id, r.j, 1, null, r.reporter, 
      case when r.reporting_frequency = 'weekly' then to_char(r.at at time zone 'Asia/Shanghai', 'IYYY"年第"IW"周"')
           else to_char(r.at at time zone 'Asia/Shanghai', 'YYYY"年"FMMM"月"') end,
      ${pick(reportDone)} || '。', ${pick(reportNextSteps)} || '。',
      case when random() < 0.3 then ${pick(reportProblems)} end, null,
      case when r.progress is null then null else (r.progress * r.j / r.n_reports) end, null,
      case when r.is_newest_open then 'submitted' else 'accepted' end, null,
      case when r.is_newest_open then null else r.reviewer end,
      case when r.is_newest_open then null else least(${now}, r.at + interval '1 day') end,
      r.at
    from (select p.id, j, p.n_reports, p.progress, p.reporting_frequency,
            p.act_start + (p.act_end - p.act_start) * j / p.n_reports as at,
            s.users[1 + floor(p.u_staff * s.n)::int] as reporter,
            g.supervisors[1 + floor(p.u_staff * g.n_sup)::int] as reviewer,
            j = p.n_reports and p.status in ('in_progress','completion_requested') and p.u_coop < 0.5 as is_newest_open
          from bench_plan p
          join bench_staff s on s.unit_id = p.lead_unit_id
          join bench_gov g on g.gov_id = p.supervising_unit_id
          cross join lateral generate_series(1, p.n_reports) j
          where p.n_reports > 0) r`);
}
