/**
 * The one write sequence of the supervision engine. Whatever changes a 督办事项 — a lifecycle action, a progress
 * report, a step of a 延期申请, a 协调请求, a milestone, a leader's 批示, a reminder of the daily sweep, a handler's
 * absence — leaves the same traces, in the transaction that made the change:
 *
 * 1. the timeline event (`task_events`: who, when, what, from/to status, reason, facts);
 * 2. the light: recomputed (the change can move it) or, at least, the live announcement to readers in scope;
 * 3. the outbox row for whoever must act next (when the step is one people are told about);
 * 4. the typed audit event, hash-chained.
 *
 * Modules never write these by hand (ESLint keeps them out of this module's repository): they call
 * `recordTaskStep`, so a new module cannot forget one trace or copy the actor fields wrong. Like Outline's
 * `createWithCtx`, the event is part of the write, never a follow-up.
 */
import type { Task } from '@luoshi/contracts';
import { recordAudit, type AuditEntry } from '../../platform/audit-log.js';
import type { Deps, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { notifyTaskEvent, type TaskEventFacts } from '../notifications/index.js';
import { announceTaskChange, refreshDerived } from '../warnings/index.js';
import { readTask } from './tasks.read.js';
import * as repo from './tasks.repository.js';

export interface TaskStep {
  /** Timeline event type: a lifecycle action (`assign`, `urge` …) or another step (`report_submitted` …). */
  type: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string | null;
  /** The unit the actor acted for, when not their own (a 配合单位's contribution, a request it raised). */
  actingForUnitId?: string;
  /** Facts the timeline shows beside the step (e.g. the extension's new deadline). */
  data?: Record<string, unknown> | null;
  /**
   * `refresh` when the step can move the light or the rolled-up progress (status, deadline, report, milestone):
   * it is recomputed and announced; `announce` when it cannot (a 协调请求, a 批示): live readers are only told.
   */
  light: 'refresh' | 'announce';
  /**
   * Tell the item's parties (notifications.outbox decides who, by the step's type; the actor is never told).
   * `facts` for steps other than lifecycle actions, whose message quotes them.
   */
  notify?: boolean | { facts: TaskEventFacts };
  /**
   * The audit event (object: the item unless named). `after: 'task'` audits the item as the actor sees it after the
   * step, read once the light is current. Left out only where one audit event of the caller's covers many items
   * (an absence recorded on every open item of a handler).
   */
  audit?: Omit<AuditEntry, 'after'> & { after?: unknown };
}

/** `'task'` in `audit.after`: the item after the step. */
export const ITEM_AFTER = 'task' as const;

/**
 * Records one step on an item the caller read in its scope (`TaskInScope`), inside the caller's transaction.
 * Returns the item after the step when the audit asked for it (`after: 'task'`), so callers need not read it again.
 */
export async function recordTaskStep(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  task: repo.InScope<{ id: string }>,
  step: TaskStep,
): Promise<Task | null> {
  const actor = ctx.actor;
  await repo.insertEvent(tx, {
    taskId: task.id,
    at: ctx.clock.now(),
    type: step.type,
    fromStatus: step.fromStatus ?? null,
    toStatus: step.toStatus ?? null,
    actorUserId: actor?.userId ?? null,
    actorName: actor?.displayName ?? null,
    actorUnitId: step.actingForUnitId ?? actor?.unitId ?? null,
    reason: step.reason ?? null,
    data: step.data ?? null,
  });
  if (step.light === 'refresh') await refreshDerived(tx, ctx.clock, task.id);
  else await announceTaskChange(tx, task.id);
  // After the timeline event: its id is the notification's dedupe key.
  if (step.notify) {
    await notifyTaskEvent(tx, ctx.clock, {
      taskId: task.id,
      type: step.type,
      actorUserId: actor?.userId ?? null,
      reason: step.reason ?? null,
      ...(typeof step.notify === 'object' ? { facts: step.notify.facts } : {}),
    });
  }
  if (!step.audit) return null;
  const after = step.audit.after === ITEM_AFTER ? await readTask(tx, ctx, task.id) : null;
  await recordAudit(deps, tx, ctx, {
    objectType: 'task',
    objectId: task.id,
    ...step.audit,
    after: after ?? step.audit.after,
  });
  return after;
}
