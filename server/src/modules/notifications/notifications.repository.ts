/**
 * SQL of the notification centre (own notifications only), preferences, the administrator's delivery list
 * (deliveries to users in the administrator's scope) and the units' group bots.
 */
import type { Scope } from '../../platform/scope.js';
import { and, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { notificationDeliveries, notificationPreferences, notifications, units, webhookEndpoints } from '../../db/schema/index.js';
import { executeRows, type Db } from '../../platform/db.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type WebhookRow = typeof webhookEndpoints.$inferSelect;
export type PreferencesRow = typeof notificationPreferences.$inferSelect;

export interface Keyset {
  createdAt: Date;
  id: string;
}

export async function listOwn(
  db: Db,
  userId: string,
  filter: { unread: boolean; kind?: string; after?: Keyset; limit: number },
): Promise<NotificationRow[]> {
  const where: (SQL | undefined)[] = [eq(notifications.userId, userId)];
  if (filter.unread) where.push(isNull(notifications.readAt));
  if (filter.kind) where.push(eq(notifications.kind, filter.kind));
  if (filter.after) {
    where.push(
      or(
        lt(notifications.createdAt, filter.after.createdAt),
        and(eq(notifications.createdAt, filter.after.createdAt), lt(notifications.id, filter.after.id)),
      ),
    );
  }
  return db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(filter.limit);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(rows[0]?.n ?? 0);
}

export async function findOwn(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .for('update');
  return rows[0];
}

export async function markRead(db: Db, id: string, at: Date): Promise<NotificationRow | undefined> {
  const rows = await db.update(notifications).set({ readAt: at }).where(eq(notifications.id, id)).returning();
  return rows[0];
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findPreferences(db: Db, userId: string): Promise<PreferencesRow | undefined> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return rows[0];
}

export async function upsertPreferences(db: Db, row: PreferencesRow): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(row)
    .onConflictDoUpdate({
      target: notificationPreferences.userId,
      set: {
        channels: row.channels,
        email: row.email,
        phone: row.phone,
        quietHours: row.quietHours,
        digest: row.digest,
        updatedAt: row.updatedAt,
      },
    });
}

export interface DeliveryRow {
  id: string;
  notification_id: string;
  title: string;
  recipient_name: string;
  channel: string;
  target: string;
  platform: string | null;
  unit_name: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string | Date;
  last_error: string | null;
  sent_at: string | Date | null;
  created_at: string | Date;
}

/** Deliveries to users whose scope unit lies in `scope.path`, newest first. */
export async function listDeliveries(
  db: Db,
  scope: Scope,
  filter: { status?: string; after?: Keyset; limit: number },
  id?: string,
): Promise<DeliveryRow[]> {
  const conditions: SQL[] = [sql`su.path like ${`${scope.path}%`}`];
  if (filter.status) conditions.push(sql`d.status = ${filter.status}`);
  if (id) conditions.push(sql`d.id = ${id}`);
  if (filter.after) {
    const at = filter.after.createdAt.toISOString();
    conditions.push(sql`(d.created_at < ${at}::timestamptz or (d.created_at = ${at}::timestamptz and d.id < ${filter.after.id}::uuid))`);
  }
  return executeRows<DeliveryRow>(
    db,
    sql`select d.id, d.notification_id, n.title, u.display_name as recipient_name, d.channel, d.target,
        w.platform, wu.name as unit_name, d.status, d.attempts, d.next_attempt_at, d.last_error, d.sent_at, d.created_at
      from notification_deliveries d
      join notifications n on n.id = d.notification_id
      join users u on u.id = n.user_id
      join units su on su.id = u.scope_unit_id
      left join webhook_endpoints w on d.channel = 'webhook' and w.id::text = d.target
      left join units wu on wu.id = w.unit_id
      where ${sql.join(conditions, sql` and `)}
      order by d.created_at desc, d.id desc
      limit ${filter.limit}
      ${id ? sql`for update of d` : sql``}`,
  );
}

/** An administrator's retry: due now, with a fresh set of attempts. */
export async function requeueDelivery(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at })
    .where(eq(notificationDeliveries.id, id));
}

/** The unit with its path when it lies in `scope.path`. */
export async function findUnitInScope(db: Db, scope: Scope, unitId: string): Promise<{ id: string; path: string } | undefined> {
  const rows = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, unitId), sql`${units.path} like ${`${scope.path}%`}`));
  return rows[0];
}

export async function listWebhooks(db: Db, unitId: string): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.unitId, unitId))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
}

export async function insertWebhook(db: Db, row: WebhookRow): Promise<void> {
  await db.insert(webhookEndpoints).values(row);
}

/** The group bot when its unit lies in `scope.path`. */
export async function findWebhookInScope(db: Db, scope: Scope, id: string): Promise<WebhookRow | undefined> {
  const rows = await db
    .select({ endpoint: webhookEndpoints })
    .from(webhookEndpoints)
    .innerJoin(units, eq(units.id, webhookEndpoints.unitId))
    .where(and(eq(webhookEndpoints.id, id), sql`${units.path} like ${`${scope.path}%`}`))
    .for('update', { of: webhookEndpoints });
  return rows[0]?.endpoint;
}

/** Deliveries not yet sent to a removed bot are given up by the worker, with the reason. */
export async function deleteWebhook(db: Db, id: string): Promise<void> {
  await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
}
