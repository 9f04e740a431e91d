/**
 * 我的批示's item list (issue 13 item 4): every item where the leader is the 分管领导 or the instructing leader —
 * an item they instructed on, or one registered from their 批示 that names them (source 领导批示) — with its live
 * status, light and the leader's latest 批示 on it; open items first, red first, then by deadline.
 */
import type { LeaderItem, LeaderItemRole, TaskStatus } from '@luoshi/contracts';
import { LEADER_ITEMS_MAX } from '@luoshi/contracts';
import { sql } from 'drizzle-orm';
import { AppError, forbidden } from '../../platform/errors.js';
import type { Deps, RequestContext } from '../../platform/context.js';
import { executeRows } from '../../platform/db.js';
import { taskVisibleIn } from '../tasks/index.js';

interface Row {
  task_id: string;
  serial_number: string;
  title: string;
  lead_unit_name: string;
  status: string;
  warning_level: number;
  deadline: string | null;
  progress_percent: number | null;
  responsible: boolean;
  instructing: boolean;
  latest_text: string | null;
  latest_at: Date | string | null;
}

const closed = sql`('completed', 'evaluated', 'archived', 'terminated', 'withdrawn')`;

/** `GET /api/instructions/my-items`. */
export async function listMyItems(deps: Deps, ctx: RequestContext): Promise<LeaderItem[]> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!actor.roles.includes('government_leader')) throw forbidden();
  const person = actor.personId;
  const byPerson = person ? sql`i.leader_person_id = ${person}::uuid` : sql`false`;
  // Each way onto the list is its own indexed look-up (responsible leader, the leader's 批示); items that only name
  // the leader in their 来源 are matched by name (the person's name, or name and title as imports write them).
  const rows = await executeRows<Row>(
    deps.database.db,
    sql`with leader as (select name, coalesce(title, '') as title from persons where id = ${person}::uuid),
      ids as (
        select t.id from tasks t where ${person ? sql`t.responsible_leader_id = ${person}::uuid` : sql`false`}
        union select i.task_id from instructions i where i.leader_user_id = ${actor.userId}::uuid or ${byPerson}
        union select t.id from tasks t, leader l where t.source = 'leader_instruction'
          and t.source_ref->>'leaderName' in (l.name, l.name || l.title)
      )
      select t.id::text as task_id, t.serial_number, t.title, lu.name as lead_unit_name, t.status, t.warning_level,
        t.deadline::text as deadline, t.progress_percent,
        coalesce(t.responsible_leader_id = ${person}::uuid, false) as responsible,
        li.text is not null or (t.source = 'leader_instruction'
          and t.source_ref->>'leaderName' in (select name from leader union select name || title from leader)) as instructing,
        li.text as latest_text, li.created_at as latest_at
      from ids join tasks t on t.id = ids.id
      join units lu on lu.id = t.lead_unit_id
      left join lateral (select i.text, i.created_at from instructions i
        where i.task_id = t.id and (i.leader_user_id = ${actor.userId}::uuid or ${byPerson})
        order by i.created_at desc limit 1) li on true
      where ${taskVisibleIn(actor.scope, sql`t.id`)}
      order by case when t.status in ${closed} then 1 else 0 end, t.warning_level desc, t.deadline asc nulls last, t.id
      limit ${LEADER_ITEMS_MAX}`,
  );
  return rows.map((r) => {
    const roles: LeaderItemRole[] = [];
    if (r.responsible) roles.push('responsible');
    if (r.instructing) roles.push('instructing');
    return {
      taskId: r.task_id,
      serialNumber: r.serial_number,
      title: r.title,
      leadUnitName: r.lead_unit_name,
      status: r.status as TaskStatus,
      light: Math.min(2, Math.max(0, Number(r.warning_level))),
      deadline: r.deadline,
      progressPercent: r.progress_percent === null ? null : Number(r.progress_percent),
      roles,
      latestInstruction: r.latest_text,
      latestInstructionAt: r.latest_at ? new Date(r.latest_at).toISOString() : null,
    };
  });
}
