/**
 * Periodic housekeeping: disables accounts idle past ACCOUNT_INACTIVE_DISABLE_DAYS (等保 S5), removes expired sessions, stale sign-in throttles and day-old idempotency keys, and purges audit events past the
 * retention period (never younger than 180 days — the database function refuses), and recomputes the warning lights
 * of items last assessed before today (a light turns yellow or red when only the date moves on). Runs in the worker process,
 * or in-process in the embedded default.
 */
import { lt, sql } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.js';
import { deleteExpiredSessions, deleteStaleThrottles } from '../modules/auth/index.js';
import { disableInactiveAccounts } from '../modules/users/index.js';
import { refreshStaleWarnings } from '../modules/warnings/index.js';
import type { Deps } from '../platform/context.js';
import { executeRows } from '../platform/db.js';

export interface MaintenanceReport {
  sessionsRemoved: number;
  auditEventsPurged: number;
  /** Items whose warning light was recomputed because the date moved on. */
  warningsRefreshed: number;
  /** Accounts disabled for having no sign-in for ACCOUNT_INACTIVE_DISABLE_DAYS (等保 S5). */
  accountsDisabled: number;
}

export async function runMaintenance(deps: Deps): Promise<MaintenanceReport> {
  const now = deps.clock.now();
  const { db } = deps.database;
  const sessionsRemoved = await deleteExpiredSessions(db, new Date(now.getTime() - deps.env.SESSION_IDLE_MINUTES * 60_000), now);
  await deleteStaleThrottles(db, new Date(now.getTime() - 86_400_000));
  // A retry comes within minutes; a day keeps every realistic retry answerable.
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - 86_400_000)));
  const cutoff = new Date(now.getTime() - deps.env.AUDIT_RETENTION_DAYS * 86_400_000);
  const purged = await executeRows<{ n: number | string }>(
    db,
    sql`select luoshi_purge_audit_events(${cutoff.toISOString()}::timestamptz) as n`,
  );
  const accountsDisabled = await disableInactiveAccounts(deps);
  const warningsRefreshed = await refreshStaleWarnings(db, deps.clock);
  // The writes append signed deltas to the kept counts (db/schema/task-reach.ts); folding them keeps each unit's a
  // few rows. After the light refresh, which moves many items' colours at once.
  await executeRows(db, sql`select luoshi_compact_task_tallies()`);
  return { sessionsRemoved, auditEventsPurged: Number(purged[0]?.n ?? 0), warningsRefreshed, accountsDisabled };
}

/** Runs maintenance now and then every `intervalMs`; returns a stop function. Errors are logged, not fatal. */
export function scheduleMaintenance(deps: Deps, log: (message: string, error?: unknown) => void, intervalMs = 15 * 60_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runMaintenance(deps);
      if (report.sessionsRemoved || report.auditEventsPurged || report.warningsRefreshed || report.accountsDisabled)
        log(`maintenance: ${JSON.stringify(report)}`);
    } catch (error) {
      log('maintenance failed', error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
