/**
 * The in-app notification centre and each user's preferences. A user only ever sees and changes their own
 * notifications: anyone else's is "not found", exactly like a missing one. Every change is audited.
 */
import type {
  Notification,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  UpdateNotificationPreferencesBody,
} from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { defaultPreferences } from './notifications.outbox.js';
import * as repo from './notifications.repository.js';
import { decodeCursor, encodeCursor } from './notifications.cursor.js';
import { doneSteps } from './notifications.done.js';

export function presentNotification(row: repo.NotificationRow): Notification {
  return {
    id: row.id,
    taskId: row.taskId,
    kind: row.kind as Notification['kind'],
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export async function listNotifications(deps: Deps, ctx: RequestContext, query: NotificationListQuery): Promise<NotificationPage> {
  const actor = requireActor(ctx);
  const limit = query.limit ?? 20;
  const rows = await repo.listOwn(deps.database.db, actor.userId, {
    unread: query.unread === 'true',
    kind: query.kind,
    after: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const done = await doneSteps(deps.database.db, page);
  return {
    items: page.map((row) => {
      const step = done.get(row.id);
      return step ? { ...presentNotification(row), done: step } : presentNotification(row);
    }),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function unreadCount(deps: Deps, ctx: RequestContext): Promise<{ count: number }> {
  const actor = requireActor(ctx);
  return { count: await repo.countUnread(deps.database.db, actor.userId) };
}

/** Marks one of the actor's own notifications read; reading it twice keeps the first time. */
export async function markRead(deps: Deps, ctx: RequestContext, id: string): Promise<Notification> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findOwn(tx, actor.userId, id);
    if (!row) throw notFound();
    if (row.readAt) return presentNotification(row);
    const after = await repo.markRead(tx, id, ctx.clock.now());
    if (!after) throw notFound();
    await recordAudit(deps, tx, ctx, {
      eventType: 'notification.read',
      objectType: 'notification',
      objectId: id,
      after: { readAt: after.readAt },
    });
    return presentNotification(after);
  });
}

export async function markAllRead(deps: Deps, ctx: RequestContext): Promise<{ marked: number }> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const marked = await repo.markAllRead(tx, actor.userId, ctx.clock.now());
    if (marked > 0) {
      await recordAudit(deps, tx, ctx, {
        eventType: 'notification.read_all',
        objectType: 'user',
        objectId: actor.userId,
        after: { marked },
      });
    }
    return { marked };
  });
}

function presentPreferences(row: repo.PreferencesRow | undefined): NotificationPreferences {
  if (!row) return { ...defaultPreferences, channels: [] };
  return {
    channels: row.channels as NotificationPreferences['channels'],
    email: row.email,
    phone: row.phone,
    quietHours: row.quietHours as NotificationPreferences['quietHours'],
    digest: row.digest,
  };
}

export async function getPreferences(deps: Deps, ctx: RequestContext): Promise<NotificationPreferences> {
  const actor = requireActor(ctx);
  return presentPreferences(await repo.findPreferences(deps.database.db, actor.userId));
}

/** The field each channel needs (its words are the contracts', error-words.ts). */
const targetField = { email: 'email', sms: 'phone' } as const;

export async function updatePreferences(
  deps: Deps,
  ctx: RequestContext,
  input: UpdateNotificationPreferencesBody,
): Promise<NotificationPreferences> {
  const actor = requireActor(ctx);
  const channels = [...new Set(input.channels)];
  for (const channel of channels) {
    const field = targetField[channel];
    if (!input[field]) {
      throw new AppError('NOTIFY_TARGET_MISSING', { channel }, [
        { path: field, code: 'required', message: `${field} is required for ${channel}` },
      ]);
    }
  }
  return deps.database.db.transaction(async (tx) => {
    const before = presentPreferences(await repo.findPreferences(tx, actor.userId));
    await repo.upsertPreferences(tx, {
      userId: actor.userId,
      channels,
      email: input.email,
      phone: input.phone,
      quietHours: input.quietHours,
      digest: input.digest,
      updatedAt: ctx.clock.now(),
    });
    const after = presentPreferences(await repo.findPreferences(tx, actor.userId));
    await recordAudit(deps, tx, ctx, {
      eventType: 'notification.preferences_updated',
      objectType: 'user',
      objectId: actor.userId,
      before,
      after,
    });
    return after;
  });
}
