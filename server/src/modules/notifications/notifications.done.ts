/**
 * "Already done" on a notification (issue 13 item 2): a notification that asked for a step — 签收 a new item, decide
 * an approval, review a 申请办结, correct a returned report — shows that the step was taken since, by whom and when,
 * read from the item's timeline. The step that caused the notification is named in its dedupe key
 * (`task:<id>:<type>:event:<event id>` from the outbox, `task:<id>:step:<rung>@<date>` from reminders).
 */
import { sql } from 'drizzle-orm';
import { executeRows, type Db } from '../../platform/db.js';
import type { NotificationRow } from './notifications.repository.js';

/** Timeline steps that settle what a notification caused by each step (or reminder rung) asked for. */
const settledBy: Record<string, readonly string[]> = {
  assign: ['accept', 'return'],
  approve_assignment: ['accept', 'return'],
  submit_for_approval: ['approve_assignment', 'reject_assignment'],
  request_suspension: ['approve_change', 'reject_change'],
  request_termination: ['approve_change', 'reject_change'],
  request_withdrawal: ['approve_change', 'reject_change'],
  request_completion: ['approve_completion', 'send_back'],
  extension_requested: ['extension_step_approved', 'extension_approved', 'extension_rejected'],
  extension_step_approved: ['extension_step_approved', 'extension_approved', 'extension_rejected'],
  coordination_raised: ['coordination_escalated', 'coordination_decided'],
  coordination_escalated: ['coordination_decided'],
  report_returned: ['report_submitted'],
  sign_for_overdue: ['accept', 'return'],
  report_due: ['report_submitted'],
};

export interface DoneStep {
  step: string;
  actorName: string | null;
  at: string;
}

/** What the notification was caused by, and after which timeline event a settling step counts. */
function causeOf(row: NotificationRow): { types: readonly string[]; afterEventId: number | null } | null {
  if (!row.taskId) return null;
  const parts = row.dedupeKey.split(':');
  if (parts[2] === 'step') {
    const rung = (parts[3] ?? '').split('@')[0] ?? '';
    const types = settledBy[rung];
    return types ? { types, afterEventId: null } : null;
  }
  const types = settledBy[parts[2] ?? ''];
  if (!types) return null;
  const eventId = parts[3] === 'event' ? Number(parts[4]) : NaN;
  return { types, afterEventId: Number.isSafeInteger(eventId) ? eventId : null };
}

/** For each notification of the page that asked for a step now taken: the first such step since. */
export async function doneSteps(db: Db, rows: readonly NotificationRow[]): Promise<Map<string, DoneStep>> {
  const asks = rows.flatMap((row) => {
    const cause = causeOf(row);
    return cause ? [{ row, ...cause }] : [];
  });
  if (asks.length === 0) return new Map();
  const values = sql.join(
    asks.map(
      (a) =>
        sql`(${a.row.id}::uuid, ${a.row.taskId}::uuid, ${a.afterEventId}::bigint, ${a.row.createdAt.toISOString()}::timestamptz, ${`{${a.types.join(',')}}`}::text[])`,
    ),
    sql`, `,
  );
  const found = await executeRows<{ id: string; type: string; actor_name: string | null; at: Date | string }>(
    db,
    sql`select v.id::text as id, e.type, e.actor_name, e.at
      from (values ${values}) v(id, task_id, after_id, created_at, types)
      cross join lateral (select e.type, e.actor_name, e.at from task_events e
        where e.task_id = v.task_id and e.type = any(v.types)
          and (case when v.after_id is null then e.at >= v.created_at else e.id > v.after_id end)
        order by e.id limit 1) e`,
  );
  return new Map(found.map((f) => [f.id, { step: f.type, actorName: f.actor_name, at: new Date(f.at).toISOString() }]));
}
