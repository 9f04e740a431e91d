/**
 * The desk's groups as queries: for each kind, which items are the reader's turn and in which order (most urgent
 * first). A kind whose party the reader cannot be (no role for it) is left out, so it costs no query.
 */
import type { DeskKind } from '@luoshi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { inboxStatuses } from '../tasks/index.js';
import {
  inOversight,
  lastStatusStep,
  pendingExtensionJoin,
  rawReportDue,
  returnedReport,
  standsInFor,
  statusIn,
  type DeskReader,
  type GroupQuery,
} from './desk.repository.js';

/** With the unit and running (what red/yellow, B角 and a leader's red items look at). */
const running = ['assigned', 'accepted', 'in_progress', 'completion_requested'] as const;
/** Statuses other groups already cover; the rest of each party's 待办 statuses make `next_step`. */
const coveredElsewhere: readonly string[] = ['assigned', 'in_progress', 'completion_requested'];
const closed = ['completed', 'evaluated', 'archived', 'terminated', 'withdrawn'] as const;
const byDeadline = sql`t.deadline asc nulls last, t.id`;

/** Calendar days ahead within which a report due counts as "due". */
export const REPORT_DUE_WINDOW_DAYS = 7;
/** How long a 批示 counts as new. */
export const NEW_INSTRUCTION_DAYS = 7;

function or(parts: (SQL | false)[]): SQL | null {
  const kept = parts.filter((p): p is SQL => p !== false);
  return kept.length ? sql`(${sql.join(kept, sql` or `)})` : null;
}

/** The queries of the groups that can hold something for this reader. */
export function groupQueries(reader: DeskReader, nowIso: string): Partial<Record<DeskKind, GroupQuery>> {
  const pattern = `${reader.scope.path}%`;
  const supIn = sql`su.path like ${pattern}`;
  // Who acts for the lead unit (tasks.policy.ts leadActingOf): its own staff, its government's 督查室, the named 承办人.
  const leadIn =
    or([
      reader.lead && sql`lu.path like ${pattern}`,
      reader.supervisor &&
        !!reader.scope.unitId &&
        sql`(t.lead_unit_id = ${reader.scope.unitId}::uuid and t.supervising_unit_id <> t.lead_unit_id)`,
      (reader.lead || reader.supervisor) && !!reader.personId && sql`t.handler_id = ${reader.personId}::uuid`,
    ]) ?? sql`false`;
  const actsForLead = reader.lead || reader.supervisor;
  const me = reader.leader && reader.personId ? reader.personId : null;
  const mine = me ? sql`t.responsible_leader_id = ${me}` : null;
  const queries: Partial<Record<DeskKind, GroupQuery>> = {};

  if (actsForLead) {
    queries.sign_for = { where: sql`t.status = 'assigned' and ${leadIn}`, order: sql`t.assigned_at asc, t.id` };
    queries.redo = {
      where: sql`${leadIn} and t.status in ('accepted', 'in_progress') and (${returnedReport} or ${lastStatusStep} = 'send_back')`,
      reason: sql`case when ${returnedReport} then 'report' else 'send_back' end`,
      order: byDeadline,
    };
    queries.report_due = {
      where: sql`${leadIn} and t.status in ('accepted', 'in_progress') and ${rawReportDue} <= ${reader.today}::date + ${REPORT_DUE_WINDOW_DAYS}::int`,
      order: sql`${rawReportDue} asc, t.id`,
    };
    queries.instruction = {
      joins: sql`join instructions i on i.task_id = t.id`,
      where: sql`${leadIn} and not ${statusIn(closed)} and i.created_at >= ${nowIso}::timestamptz - ${NEW_INSTRUCTION_DAYS}::int * interval '1 day'`,
      key: sql`i.id`,
      note: sql`i.text`,
      leaderName: sql`i.leader_name`,
      order: sql`i.created_at desc, i.id`,
    };
  }

  const approval = or([
    reader.unitLeader && sql`(x.status = 'pending_unit_leader' and ${leadIn})`,
    reader.supervisor && sql`(x.status = 'pending_supervisor' and ${supIn})`,
    reader.supervisor && sql`(t.status = 'completion_requested' and ${supIn})`,
    !!mine && sql`(x.status = 'pending_leader' and ${mine})`,
    !!mine && sql`(${mine} and (t.status = 'pending_approval' or t.pending_change is not null))`,
  ]);
  if (approval) {
    const leaderAsk = mine ? sql`(${mine} and (t.status = 'pending_approval' or t.pending_change is not null))` : sql`false`;
    const completion = reader.supervisor ? sql`(t.status = 'completion_requested' and ${supIn})` : sql`false`;
    queries.approval = {
      joins: pendingExtensionJoin,
      where: approval,
      reason: sql`case when ${leaderAsk} then coalesce(t.pending_change, 'assignment') when ${completion} then 'completion' else 'extension' end`,
      order: byDeadline,
    };
  }

  const lit = or([actsForLead && leadIn, reader.supervisor && supIn]);
  if (lit) {
    queries.warning = {
      where: sql`t.warning_level > 0 and ${statusIn(running)} and ${lit}`,
      order: sql`t.warning_level desc, ${byDeadline}`,
    };
  }
  if (me && mine) {
    queries.oversight_red = {
      where: sql`t.warning_level = 2 and ${statusIn(running)} and (${mine} or ${inOversight(me)})`,
      order: byDeadline,
    };
    queries.my_instruction = {
      joins: sql`join instructions i on i.task_id = t.id`,
      where: sql`(i.leader_user_id = ${reader.userId} or i.leader_person_id = ${me})`,
      key: sql`i.id`,
      note: sql`i.text`,
      leaderName: sql`i.leader_name`,
      order: sql`case when ${statusIn(closed)} then 1 else 0 end, t.warning_level desc, i.created_at desc, i.id`,
    };
  }

  const coordination = or([
    reader.supervisor && sql`(c.status = 'open' and ${supIn})`,
    !!mine && sql`(c.status = 'escalated' and ${mine})`,
  ]);
  if (coordination) {
    queries.coordination = {
      joins: sql`join coordination_requests c on c.task_id = t.id`,
      where: coordination,
      key: sql`c.id`,
      note: sql`c.subject`,
      order: sql`c.raised_at asc, c.id`,
    };
  }

  if (reader.lead && reader.personId) {
    queries.standing_in = { where: sql`${statusIn(running)} and ${standsInFor(reader)} is not null`, order: byDeadline };
  }

  const next = or([
    reader.supervisor && sql`(${statusIn(inboxStatuses('supervisor').filter((s) => !coveredElsewhere.includes(s)))} and ${supIn})`,
    actsForLead && sql`(${statusIn(inboxStatuses('lead_unit').filter((s) => !coveredElsewhere.includes(s)))} and ${leadIn})`,
  ]);
  if (next) queries.next_step = { where: next, order: sql`${byDeadline}` };
  return queries;
}
