/** SQL of the daily reminder and escalation sweep, and of the 通报候选 / 约谈建议 lists. */
import type { Scope } from '../../platform/scope.js';
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import { runningStatuses } from './escalations.rules.js';

export interface SweepRow {
  id: string;
  status: string;
  source: string;
  deadline: string | null;
  assigned_at: Date | string | null;
  last_report_at: Date | string | null;
  reporting_frequency: string;
  handler_id: string | null;
}

/** The next batch of running items after `afterId` (keyset by id, so a long sweep never skips or repeats one). */
export async function listRunning(db: Db, afterId: string | null, limit: number): Promise<SweepRow[]> {
  return executeRows<SweepRow>(
    db,
    sql`select id, status, source, deadline::text as deadline, assigned_at, last_report_at, reporting_frequency, handler_id
      from tasks
      where status in (${sql.join(
        runningStatuses.map((s) => sql`${s}`),
        sql`, `,
      )}) ${afterId ? sql`and id > ${afterId}` : sql``}
      order by id limit ${limit}`,
  );
}

/** The steps already recorded for these items, as `${rung}@${keyDate}` per item. */
export async function recordedSteps(db: Db, taskIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const done = new Map<string, Set<string>>();
  if (taskIds.length === 0) return done;
  const rows = await executeRows<{ task_id: string; rung: string; deadline: string }>(
    db,
    sql`select task_id, rung, deadline::text as deadline from task_escalations where task_id in (${sql.join(
      taskIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  for (const row of rows) {
    const keys = done.get(row.task_id) ?? new Set<string>();
    keys.add(`${row.rung}@${row.deadline}`);
    done.set(row.task_id, keys);
  }
  return done;
}

/** Records one step; false when it was recorded already (another worker, a re-run). */
export async function recordStep(
  tx: Db,
  step: { taskId: string; rung: string; keyDate: string; workingDays: number; at: Date },
): Promise<boolean> {
  const rows = await executeRows<{ id: number }>(
    tx,
    sql`insert into task_escalations (task_id, rung, deadline, working_days, created_at)
      values (${step.taskId}, ${step.rung}, ${step.keyDate}::date, ${step.workingDays}, ${step.at.toISOString()}::timestamptz)
      on conflict (task_id, rung, deadline) do nothing returning id`,
  );
  return rows.length === 1;
}

export interface MessageFactsRow {
  id: string;
  serial_number: string;
  title: string;
  deadline: string | null;
  reporting_frequency: string;
  lead_unit_id: string;
  lead_unit_name: string;
  supervising_unit_id: string;
  handler_id: string | null;
  responsible_leader_id: string | null;
  supervisor_user_id: string | null;
}

export async function findMessageFacts(tx: Db, taskId: string): Promise<MessageFactsRow | null> {
  const rows = await executeRows<MessageFactsRow>(
    tx,
    sql`select t.id, t.serial_number, t.title, t.deadline::text as deadline, t.reporting_frequency, t.lead_unit_id,
        lu.name as lead_unit_name, t.supervising_unit_id, t.handler_id, t.responsible_leader_id, t.supervisor_user_id
      from tasks t join units lu on lu.id = t.lead_unit_id where t.id = ${taskId}`,
  );
  return rows[0] ?? null;
}

export interface CandidateRow {
  task_id: string;
  serial_number: string;
  title: string;
  source: string;
  status: string;
  lead_unit_id: string;
  lead_unit_name: string;
  responsible_leader_name: string | null;
  deadline: string;
  rung: string;
  reached_at: Date | string;
  escalation_id: number | string;
}

/**
 * Running items whose ladder, against their current deadline, has reached `rung` (通报候选 also lists the items
 * already recommended for 约谈 — they are candidates too), supervised within `scope.path`; newest first.
 */
export async function listCandidates(
  db: Db,
  scope: Scope,
  rungs: readonly string[],
  after: { reachedAt: string; id: number } | null,
  limit: number,
): Promise<CandidateRow[]> {
  return executeRows<CandidateRow>(
    db,
    sql`select * from (
        select distinct on (t.id) t.id as task_id, t.serial_number, t.title, t.source, t.status, t.lead_unit_id,
          lu.name as lead_unit_name, lp.name as responsible_leader_name, t.deadline::text as deadline, e.rung,
          e.created_at as reached_at, e.id as escalation_id
        from task_escalations e
          join tasks t on t.id = e.task_id and t.deadline = e.deadline
          join units su on su.id = t.supervising_unit_id
          join units lu on lu.id = t.lead_unit_id
          left join persons lp on lp.id = t.responsible_leader_id
        where e.rung in (${sql.join(
          rungs.map((r) => sql`${r}`),
          sql`, `,
        )})
          and t.status in (${sql.join(
            runningStatuses.map((s) => sql`${s}`),
            sql`, `,
          )})
          and su.path like ${`${scope.path}%`}
        order by t.id, e.id desc
      ) c
      ${after ? sql`where (c.reached_at, c.escalation_id) < (${after.reachedAt}::timestamptz, ${after.id})` : sql``}
      order by c.reached_at desc, c.escalation_id desc
      limit ${limit}`,
  );
}
