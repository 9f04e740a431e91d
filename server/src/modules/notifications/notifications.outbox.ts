/**
 * The outbox: notifications and their pending deliveries are written in the caller's transaction, so they exist
 * exactly when the event that caused them committed. The dedupe key makes a re-run (a retried job, a replayed
 * request) create nothing new; the delivery worker (delivery.worker.ts) sends what the outbox holds.
 */
import { randomUUID } from 'node:crypto';
import type { NotificationKind, QuietHours } from '@luoshi/contracts';
import { sql } from 'drizzle-orm';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import type { Clock } from '../../platform/clock.js';
import { executeRows, type Db } from '../../platform/db.js';
import { publishNotifications } from '../../platform/live.js';
import { otherEventMessage, type EventFacts } from './notifications.event-messages.js';
import { taskEventMessage, taskLink, type Audience } from './notifications.messages.js';
import { DEFAULT_QUIET_HOURS, DIGEST_TIME, nextShanghaiTime } from './notifications.rules.js';

export interface NotifyInput {
  userIds: readonly string[];
  taskId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** One event, one key: each user's notification is keyed `${dedupeKey}:${userId}`. */
  dedupeKey: string;
}

export interface NotifyResult {
  /** Notifications created now (a re-run with the same key creates none). */
  notificationIds: string[];
  deliveries: number;
}

/** A user's stored choices, or the defaults (in-app only, digest on, quiet 22:00–07:30). */
export interface StoredPreferences {
  channels: string[];
  email: string | null;
  phone: string | null;
  quietHours: QuietHours | null;
  digest: boolean;
}

export const defaultPreferences: StoredPreferences = {
  channels: [],
  email: null,
  phone: null,
  quietHours: DEFAULT_QUIET_HOURS,
  digest: true,
};

/** Writes the notifications and their deliveries inside `tx` (the caller's transaction). */
export async function notify(tx: Db, clock: Clock, input: NotifyInput): Promise<NotifyResult> {
  const userIds = [...new Set(input.userIds)].sort();
  if (userIds.length === 0) return { notificationIds: [], deliveries: 0 };
  const now = clock.now();
  // A key seen before means a re-run: the group bots heard about this event already. Exact keys, so the unique
  // index answers it.
  const keys = userIds.map((userId) => `${input.dedupeKey}:${userId}`);
  const seenBefore = await executeRows<{ one: number }>(
    tx,
    sql`select 1 as one from notifications where dedupe_key in (${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}) limit 1`,
  );
  const preferences = await preferencesOf(tx, userIds);
  const created: string[] = [];
  const tellBell: string[] = [];
  let deliveries = 0;
  for (const userId of userIds) {
    const id = randomUUID();
    const inserted = await executeRows<{ id: string }>(
      tx,
      sql`insert into notifications (id, user_id, task_id, kind, title, body, link, dedupe_key, created_at)
        values (${id}, ${userId}, ${input.taskId}, ${input.kind}, ${input.title}, ${input.body}, ${input.link},
          ${`${input.dedupeKey}:${userId}`}, ${now.toISOString()}::timestamptz)
        on conflict (dedupe_key) do nothing returning id`,
    );
    if (!inserted[0]) continue;
    created.push(id);
    tellBell.push(userId);
    const prefs = preferences.get(userId) ?? defaultPreferences;
    // With the digest on, e-mail and SMS wait for the day's single message; quiet hours are applied when sending.
    const due = prefs.digest ? nextShanghaiTime(now, DIGEST_TIME) : now;
    for (const channel of prefs.channels) {
      const target = channel === 'email' ? prefs.email : channel === 'sms' ? prefs.phone : null;
      if (target) deliveries += await insertDelivery(tx, id, channel, target, due, now);
    }
  }
  // The owners' bells hear of it at once, when this transaction commits (GET /api/events, `notification.created`).
  if (tellBell.length) await publishNotifications(tx, tellBell);
  const first = created[0];
  if (first && input.taskId && seenBefore.length === 0) {
    const endpoints = await executeRows<{ id: string }>(
      tx,
      sql`select w.id from webhook_endpoints w join tasks t on t.lead_unit_id = w.unit_id
        where t.id = ${input.taskId} and w.enabled order by w.created_at, w.id`,
    );
    for (const endpoint of endpoints) deliveries += await insertDelivery(tx, first, 'webhook', endpoint.id, now, now);
  }
  return { notificationIds: created, deliveries };
}

async function insertDelivery(tx: Db, notificationId: string, channel: string, target: string, due: Date, now: Date): Promise<number> {
  const rows = await executeRows<{ id: string }>(
    tx,
    sql`insert into notification_deliveries (id, notification_id, channel, target, status, attempts, next_attempt_at, created_at)
      values (${randomUUID()}, ${notificationId}, ${channel}, ${target}, 'pending', 0, ${due.toISOString()}::timestamptz,
        ${now.toISOString()}::timestamptz)
      on conflict (notification_id, channel, target) do nothing returning id`,
  );
  return rows.length;
}

export async function preferencesOf(tx: Db, userIds: readonly string[]): Promise<Map<string, StoredPreferences>> {
  if (userIds.length === 0) return new Map();
  const rows = await executeRows<{
    user_id: string;
    channels: string[];
    email: string | null;
    phone: string | null;
    quiet_hours: QuietHours | null;
    digest: boolean;
  }>(
    tx,
    sql`select user_id, channels, email, phone, quiet_hours, digest from notification_preferences
      where user_id in (${sql.join(
        userIds.map((u) => sql`${u}::uuid`),
        sql`, `,
      )})`,
  );
  return new Map(
    rows.map((r) => [
      r.user_id,
      { channels: r.channels, email: r.email, phone: r.phone, quietHours: r.quiet_hours, digest: r.digest } satisfies StoredPreferences,
    ]),
  );
}

/** The parties of an item, as stored. */
export interface TaskParties {
  id: string;
  leadUnitId: string;
  supervisingUnitId: string;
  handlerId: string | null;
  responsibleLeaderId: string | null;
  supervisorUserId: string | null;
}

/**
 * The active accounts to tell, per audience:
 * - lead_unit: handlers and leaders (unit_handler, unit_leader) whose scope is the lead unit or a unit inside it, and
 *   when the lead unit is a government other than the supervising one, its own 督查员 (who act as 承办 for it);
 * - lead_unit_leader: the leaders (unit_leader) of the lead unit itself;
 * - handler: the 承办人's account, and while the 承办人 is absent today, the account of their post's B角;
 * - supervisor: the 督查室 (supervisor role scoped at the supervising government) and the item's own 督查员;
 * - leader: the responsible leader's account.
 */
export async function recipientsFor(tx: Db, task: TaskParties, audience: readonly Audience[], today: string): Promise<string[]> {
  const found = new Set<string>();
  const add = (rows: { id: string }[]) => rows.forEach((r) => found.add(r.id));
  if (audience.includes('lead_unit')) {
    add(
      await executeRows<{ id: string }>(
        tx,
        sql`select u.id from users u join units su on su.id = u.scope_unit_id
          where u.disabled_at is null and (
            (su.path like (select path from units where id = ${task.leadUnitId}) || '%'
              and u.roles && array['unit_handler', 'unit_leader']::text[])
            or (u.scope_unit_id = ${task.leadUnitId} and ${task.leadUnitId}::uuid <> ${task.supervisingUnitId}::uuid
              and 'supervisor' = any(u.roles)))`,
      ),
    );
  }
  if (audience.includes('lead_unit_leader')) {
    add(
      await executeRows<{ id: string }>(
        tx,
        sql`select u.id from users u where u.scope_unit_id = ${task.leadUnitId} and 'unit_leader' = any(u.roles) and u.disabled_at is null`,
      ),
    );
  }
  if (audience.includes('handler') && task.handlerId) {
    add(
      await executeRows<{ id: string }>(
        tx,
        sql`select u.id from users u where u.disabled_at is null and (u.person_id = ${task.handlerId} or u.person_id in (
          select p.backup_holder_id from posts p join persons h on h.id = p.primary_holder_id
          where h.id = ${task.handlerId} and p.backup_holder_id is not null
            and h.absent_from <= ${today}::date and h.absent_until >= ${today}::date))`,
      ),
    );
  }
  if (audience.includes('supervisor')) {
    add(
      await executeRows<{ id: string }>(
        tx,
        sql`select u.id from users u where u.disabled_at is null and (
          (u.scope_unit_id = ${task.supervisingUnitId} and 'supervisor' = any(u.roles)) or u.id = ${task.supervisorUserId})`,
      ),
    );
  }
  if (audience.includes('leader') && task.responsibleLeaderId) {
    add(
      await executeRows<{ id: string }>(
        tx,
        sql`select u.id from users u where u.disabled_at is null and u.person_id = ${task.responsibleLeaderId}`,
      ),
    );
  }
  return [...found];
}

export interface TaskEventInput {
  taskId: string;
  /** The lifecycle action as written to the timeline (assign, urge, send_back, …). */
  type: string;
  /** Who acted: never told about their own step. */
  actorUserId: string | null;
  reason?: string | null;
  /** For events other than lifecycle steps (延期, 协调, 退回进展反馈): the facts their message quotes. */
  facts?: EventFacts;
}

/**
 * Tells the parties of an item about one lifecycle step, inside the transaction that took it. Call it after the
 * step's timeline event is inserted: the event's id makes the dedupe key, so a replay of the same step is silent
 * while a second 催办 is a new message.
 */
export async function notifyTaskEvent(tx: Db, clock: Clock, input: TaskEventInput): Promise<NotifyResult> {
  const rows = await executeRows<{
    id: string;
    serial_number: string;
    title: string;
    deadline: string | null;
    lead_unit_id: string;
    lead_unit_name: string;
    supervising_unit_id: string;
    handler_id: string | null;
    responsible_leader_id: string | null;
    supervisor_user_id: string | null;
    event_id: number | string | null;
  }>(
    tx,
    sql`select t.id, t.serial_number, t.title, t.deadline::text as deadline, t.lead_unit_id, lu.name as lead_unit_name,
        t.supervising_unit_id, t.handler_id, t.responsible_leader_id, t.supervisor_user_id,
        (select max(e.id) from task_events e where e.task_id = t.id and e.type = ${input.type}) as event_id
      from tasks t join units lu on lu.id = t.lead_unit_id where t.id = ${input.taskId}`,
  );
  const task = rows[0];
  if (!task) return { notificationIds: [], deliveries: 0 };
  const taskFacts = { serialNumber: task.serial_number, title: task.title, deadline: task.deadline, leadUnitName: task.lead_unit_name };
  const message =
    taskEventMessage(input.type, taskFacts, input.reason ?? null) ??
    otherEventMessage(input.type, taskFacts, input.reason ?? null, input.facts ?? {});
  if (!message) return { notificationIds: [], deliveries: 0 };
  const parties: TaskParties = {
    id: task.id,
    leadUnitId: task.lead_unit_id,
    supervisingUnitId: task.supervising_unit_id,
    handlerId: task.handler_id,
    responsibleLeaderId: task.responsible_leader_id,
    supervisorUserId: task.supervisor_user_id,
  };
  const userIds = (await recipientsFor(tx, parties, message.audience, todayInShanghai(clock))).filter((id) => id !== input.actorUserId);
  const eventKey = task.event_id !== null ? `event:${task.event_id}` : `at:${clock.now().toISOString()}`;
  return notify(tx, clock, {
    userIds,
    taskId: task.id,
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: taskLink(task.id),
    dedupeKey: `task:${task.id}:${input.type}:${eventKey}`,
  });
}
