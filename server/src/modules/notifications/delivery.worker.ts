/**
 * The delivery worker. One pass (`deliverDue`):
 * 1. claims due deliveries in one short transaction with FOR UPDATE SKIP LOCKED, so two workers never take the
 *    same row — `sending` with a lease (next_attempt_at = now + 10 min) and the attempt counted; e-mail and SMS in
 *    the recipient's quiet hours are pushed to its end instead; a channel that is not configured leaves its
 *    deliveries pending with the reason;
 * 2. sends, one message per channel target (several notifications to one address become one digest);
 * 3. records each outcome only if the row is still the one it claimed (same attempt), so a worker that lost its
 *    lease cannot overwrite the newer attempt. A worker that dies between 1 and 3 leaves rows in `sending`; once
 *    the lease ends, the next pass claims them again.
 */
import type { QuietHours, WebhookPlatform } from '@luoshi/contracts';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../platform/context.js';
import { executeRows, type Db } from '../../platform/db.js';
import { compose, type DeliveryTarget, type Senders } from './channels/channel.js';
import { sendersFor } from './channels/senders.js';
import { DEFAULT_QUIET_HOURS, SENDING_LEASE_MS, UNCONFIGURED_RECHECK_MS, afterFailure, sendableAt } from './notifications.rules.js';

export interface DeliverOptions {
  /** Most deliveries one pass claims. */
  batch?: number;
  /** Per message: SMTP socket and HTTP time-outs. */
  timeoutMs?: number;
  /** Defaults to the senders of deps.env. */
  senders?: Senders;
  /** How many messages are in flight at once. */
  concurrency?: number;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
  /** Moved to the end of the recipient's quiet hours. */
  deferred: number;
  /** Left pending because the channel is not configured. */
  waiting: number;
}

interface DueRow {
  id: string;
  channel: 'email' | 'sms' | 'webhook';
  target: string;
  attempts: number;
  title: string;
  body: string;
  link: string | null;
  has_prefs: boolean;
  quiet_hours: QuietHours | null;
  platform: WebhookPlatform | null;
  url: string | null;
  secret: string | null;
  endpoint_enabled: boolean | null;
}

export interface Claimed extends DueRow {
  /** The attempt number this worker owns. */
  attempt: number;
}

const sendersByEnv = new WeakMap<object, Senders>();

function defaultSenders(deps: Deps): Senders {
  let senders = sendersByEnv.get(deps.env);
  if (!senders) {
    senders = sendersFor(deps.env);
    sendersByEnv.set(deps.env, senders);
  }
  return senders;
}

export async function deliverDue(deps: Deps, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const senders = options.senders ?? defaultSenders(deps);
  const report: DeliveryReport = { claimed: 0, sent: 0, failed: 0, dead: 0, deferred: 0, waiting: 0 };
  const claimed = await claimDue(deps, senders, options.batch ?? 50, report);
  report.claimed = claimed.length;
  const groups = new Map<string, Claimed[]>();
  for (const row of claimed) {
    const key = `${row.channel}\u0000${row.target}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const timeoutMs = options.timeoutMs ?? 15_000;
  await inPool([...groups.values()], options.concurrency ?? 4, async (rows) => {
    const first = rows[0]!;
    const message = compose(
      rows,
      rows.map((r) => r.id),
      deps.env.PUBLIC_BASE_URL,
    );
    try {
      await senders[first.channel].send(targetOf(first), message, timeoutMs);
      for (const row of rows) if (await markSent(deps, row)) report.sent += 1;
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      for (const row of rows) {
        const outcome = await markFailed(deps, row, why);
        if (outcome === 'dead') report.dead += 1;
        else if (outcome === 'failed') report.failed += 1;
      }
    }
  });
  return report;
}

function targetOf(row: Claimed): DeliveryTarget {
  if (row.channel === 'email') return { channel: 'email', address: row.target };
  if (row.channel === 'sms') return { channel: 'sms', phone: row.target };
  return { channel: 'webhook', platform: row.platform!, url: row.url!, secret: row.secret };
}

/**
 * Step 1, in one transaction: lock due rows others have not locked, then defer, park or take each. Exported so
 * tests can play a worker that claims and then dies.
 */
export async function claimDue(
  deps: Deps,
  senders: Senders,
  batch: number,
  report: DeliveryReport = { claimed: 0, sent: 0, failed: 0, dead: 0, deferred: 0, waiting: 0 },
): Promise<Claimed[]> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  return deps.database.db.transaction(async (tx) => {
    const due = await executeRows<DueRow>(
      tx,
      sql`select d.id, d.channel, d.target, d.attempts, n.title, n.body, n.link,
          (p.user_id is not null) as has_prefs, p.quiet_hours,
          w.platform, w.url, w.secret, w.enabled as endpoint_enabled
        from notification_deliveries d
        join notifications n on n.id = d.notification_id
        left join notification_preferences p on p.user_id = n.user_id
        left join webhook_endpoints w on d.channel = 'webhook' and w.id::text = d.target
        where d.status in ('pending', 'failed', 'sending') and d.next_attempt_at <= ${nowIso}::timestamptz
        order by d.next_attempt_at, d.id
        limit ${batch}
        for update of d skip locked`,
    );
    const taken: Claimed[] = [];
    for (const row of due) {
      if (row.channel === 'webhook' && !row.endpoint_enabled) {
        await setRow(tx, row.id, { status: 'dead', lastError: '群机器人已删除或停用 / the group bot was removed or disabled', at: now });
        report.dead += 1;
        continue;
      }
      if (row.channel !== 'webhook') {
        const quiet = row.has_prefs ? row.quiet_hours : DEFAULT_QUIET_HOURS;
        const at = sendableAt(quiet, now);
        if (at > now) {
          await setRow(tx, row.id, { status: 'pending', at });
          report.deferred += 1;
          continue;
        }
      }
      const problem = senders[row.channel].unavailable();
      if (problem) {
        await setRow(tx, row.id, { status: 'pending', lastError: problem, at: new Date(now.getTime() + UNCONFIGURED_RECHECK_MS) });
        report.waiting += 1;
        continue;
      }
      const attempt = row.attempts + 1;
      await executeRows(
        tx,
        sql`update notification_deliveries set status = 'sending', attempts = ${attempt},
          next_attempt_at = ${new Date(now.getTime() + SENDING_LEASE_MS).toISOString()}::timestamptz
        where id = ${row.id}`,
      );
      taken.push({ ...row, attempt });
    }
    return taken;
  });
}

async function setRow(tx: Db, id: string, change: { status: string; at: Date; lastError?: string }): Promise<void> {
  await executeRows(
    tx,
    sql`update notification_deliveries set status = ${change.status}, next_attempt_at = ${change.at.toISOString()}::timestamptz,
      last_error = coalesce(${change.lastError ?? null}, last_error)
    where id = ${id}`,
  );
}

/** Step 3: only the owner of the attempt records it. */
async function markSent(deps: Deps, row: Claimed): Promise<boolean> {
  const rows = await executeRows<{ id: string }>(
    deps.database.db,
    sql`update notification_deliveries set status = 'sent', sent_at = ${deps.clock.now().toISOString()}::timestamptz, last_error = null
      where id = ${row.id} and status = 'sending' and attempts = ${row.attempt} returning id`,
  );
  return rows.length > 0;
}

async function markFailed(deps: Deps, row: Claimed, why: string): Promise<'failed' | 'dead' | null> {
  const next = afterFailure(row.attempt, deps.clock.now());
  const rows = await executeRows<{ id: string }>(
    deps.database.db,
    sql`update notification_deliveries set status = ${next.status}, last_error = ${why},
        next_attempt_at = ${next.nextAttemptAt.toISOString()}::timestamptz
      where id = ${row.id} and status = 'sending' and attempts = ${row.attempt} returning id`,
  );
  return rows.length > 0 ? next.status : null;
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Runs the worker every `intervalMs` (default 10 s) — far more often than the 15-minute housekeeping, because a
 * 催办 should arrive within seconds — and again at once while passes come back full. Returns a stop function.
 */
export function scheduleDelivery(
  deps: Deps,
  log: (message: string, error?: unknown) => void,
  intervalMs = 10_000,
  options: DeliverOptions = {},
): () => void {
  let running = false;
  let stopped = false;
  const batch = options.batch ?? 50;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      for (let round = 0; round < 20 && !stopped; round += 1) {
        const report = await deliverDue(deps, { ...options, batch });
        if (report.failed || report.dead) log(`notification delivery: ${JSON.stringify(report)}`);
        if (report.claimed + report.deferred + report.waiting < batch) break;
      }
    } catch (error) {
      log('notification delivery failed', error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
