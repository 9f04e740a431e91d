/**
 * Administration of delivery: the system administrator sees deliveries that failed (to users in their scope) and
 * retries those given up on; a unit's group bots are managed by the system administrator or that unit's leader.
 * Bot URLs and secrets are credentials: they are stored, never shown back (the URL's token is masked).
 */
import { randomUUID } from 'node:crypto';
import type { CreateWebhookBody, NotificationDelivery, WebhookEndpoint } from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { maskPhone } from '../../platform/personal-data.js';
import { decodeCursor, encodeCursor } from './notifications.cursor.js';
import * as repo from './notifications.repository.js';
import { hostAllowed } from './notifications.rules.js';

const iso = (value: string | Date | null): string | null => (value === null ? null : new Date(value).toISOString());

const platformNames: Record<string, string> = { dingtalk: '钉钉', wecom: '企业微信', feishu: '飞书' };

function presentDelivery(row: repo.DeliveryRow): NotificationDelivery {
  const target =
    row.channel === 'webhook'
      ? row.platform
        ? `${platformNames[row.platform] ?? row.platform}群机器人（${row.unit_name ?? ''}）`
        : '已删除的群机器人'
      : row.channel === 'sms'
        ? maskPhone(row.target) // 等保 S19: lists mask personal data
        : row.target;
  return {
    id: row.id,
    notificationId: row.notification_id,
    title: row.title,
    recipientName: row.recipient_name,
    channel: row.channel as NotificationDelivery['channel'],
    target,
    status: row.status as NotificationDelivery['status'],
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at)!,
    lastError: row.last_error,
    sentAt: iso(row.sent_at),
    createdAt: iso(row.created_at)!,
  };
}

export async function listDeliveries(
  deps: Deps,
  ctx: RequestContext,
  query: { status?: string; limit?: number; cursor?: string },
): Promise<{ items: NotificationDelivery[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const limit = query.limit ?? 50;
  const rows = await repo.listDeliveries(deps.database.db, actor.scope, {
    status: query.status,
    after: decodeCursor(query.cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentDelivery),
    nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.created_at), last.id) : null,
  };
}

/** Gives a dead delivery a fresh set of attempts, due now. */
export async function retryDelivery(deps: Deps, ctx: RequestContext, id: string): Promise<NotificationDelivery> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = (await repo.listDeliveries(tx, actor.scope, { limit: 1 }, id))[0];
    if (!row) throw notFound();
    if (row.status !== 'dead') throw new AppError('NOTIFY_DELIVERY_NOT_DEAD', { status: row.status });
    await repo.requeueDelivery(tx, id, ctx.clock.now());
    const after = (await repo.listDeliveries(tx, actor.scope, { limit: 1 }, id))[0]!;
    await recordAudit(deps, tx, ctx, {
      eventType: 'notification.delivery_retried',
      objectType: 'notification_delivery',
      objectId: id,
      before: { status: row.status, attempts: row.attempts, lastError: row.last_error },
      after: { status: after.status, attempts: after.attempts },
    });
    return presentDelivery(after);
  });
}

/** Shows scheme, host and path, with every query value and long path segment (bot tokens) masked. */
export function maskUrl(raw: string): string {
  const url = new URL(raw);
  const path = url.pathname
    .split('/')
    .map((part) => (part.length > 16 ? `${part.slice(0, 4)}…` : part))
    .join('/');
  const query = [...url.searchParams.keys()].map((k) => `${k}=***`).join('&');
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ''}`;
}

function presentWebhook(row: repo.WebhookRow): WebhookEndpoint {
  return {
    id: row.id,
    unitId: row.unitId,
    platform: row.platform as WebhookEndpoint['platform'],
    urlMasked: maskUrl(row.url),
    hasSecret: !!row.secret,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The system administrator of the subtree, or a unit leader (their scope bounds the unit already). */
function assertManagesBots(actor: Actor): void {
  const roles = actor.roles as string[];
  if (!roles.includes('system_admin') && !roles.includes('unit_leader')) throw new AppError('FORBIDDEN');
}

export async function listWebhooks(deps: Deps, ctx: RequestContext, unitId: string): Promise<{ items: WebhookEndpoint[] }> {
  const actor = requireActor(ctx);
  assertManagesBots(actor);
  const unit = await repo.findUnitInScope(deps.database.db, actor.scope, unitId);
  if (!unit) throw notFound();
  return { items: (await repo.listWebhooks(deps.database.db, unitId)).map(presentWebhook) };
}

export async function createWebhook(deps: Deps, ctx: RequestContext, unitId: string, input: CreateWebhookBody): Promise<WebhookEndpoint> {
  const actor = requireActor(ctx);
  assertManagesBots(actor);
  if (!hostAllowed(input.url, deps.env.WEBHOOK_ALLOWED_HOSTS)) {
    throw fieldError('WEBHOOK_HOST_NOT_ALLOWED', 'url', 'host not allowed', {
      host: new URL(input.url).hostname,
      allowed: deps.env.WEBHOOK_ALLOWED_HOSTS.join(', '),
    });
  }
  return deps.database.db.transaction(async (tx) => {
    const unit = await repo.findUnitInScope(tx, actor.scope, unitId);
    if (!unit) throw notFound();
    const row: repo.WebhookRow = {
      id: randomUUID(),
      unitId,
      platform: input.platform,
      url: input.url,
      secret: input.secret ?? null,
      enabled: input.enabled ?? true,
      createdAt: ctx.clock.now(),
    };
    await repo.insertWebhook(tx, row);
    const shown = presentWebhook(row);
    await recordAudit(deps, tx, ctx, { eventType: 'webhook.created', objectType: 'webhook_endpoint', objectId: row.id, after: shown });
    return shown;
  });
}

export async function deleteWebhook(deps: Deps, ctx: RequestContext, id: string): Promise<{ ok: true }> {
  const actor = requireActor(ctx);
  assertManagesBots(actor);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findWebhookInScope(tx, actor.scope, id);
    if (!row) throw notFound();
    await repo.deleteWebhook(tx, id);
    await recordAudit(deps, tx, ctx, {
      eventType: 'webhook.deleted',
      objectType: 'webhook_endpoint',
      objectId: id,
      before: presentWebhook(row),
    });
    return { ok: true as const };
  });
}
