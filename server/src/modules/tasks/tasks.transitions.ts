/**
 * Lifecycle actions on 督办事项: each checks the rules (tasks.rules.ts) for the actor's standing and the item's
 * facts, applies its effect, and records the step (tasks.steps.ts: timeline, light, outbox, audit) in the same
 * transaction as the status change. `Idempotency-Key` makes a retried action one effect; `If-Match` refuses an
 * action taken on a stale page.
 */
import { formatErrorMessage, type Task, type TaskAction, type TaskStatus, type TransitionBody } from '@luoshi/contracts';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { factsOf, standingOf } from './tasks.policy.js';
import { presentDetail } from './tasks.presenter.js';
import { readTask } from './tasks.read.js';
import * as repo from './tasks.repository.js';
import { checkCompletionProof } from './tasks.completion.js';
import { ITEM_AFTER, recordTaskStep } from './tasks.steps.js';
import { refusalOf, requestedChange, ruleFor, statusAfterChange, type PendingChange, type Refusal } from './tasks.rules.js';

type TaskDetail = ReturnType<typeof presentDetail>;

/** 409 naming the item's status, the refused action and why, as keys the contracts put into words. */
export function notAllowed(
  status: TaskStatus,
  action: TaskAction | 'update',
  refusal: Pick<Refusal, 'why' | 'allowed'> = { why: 'not_in_this_state' },
): AppError {
  return new AppError('TASK_ACTION_NOT_ALLOWED', {
    status,
    action,
    why: refusal.why,
    ...(refusal.allowed ? { allowed: refusal.allowed } : {}),
  });
}

/**
 * 一级督一级: an item cannot ask to close while sub-items are open, unless the request waives them with a reason
 * (e.g. a county's part was cancelled by the province); the waiver stays on the timeline.
 */
async function checkChildrenClosed(tx: Db, row: repo.TaskRow, input: TransitionBody): Promise<void> {
  const open = (await repo.countChildren(tx, [row.id])).get(row.id)?.open ?? 0;
  if (open === 0) return;
  if (!input.waiveOpenChildren) throw new AppError('TASK_CHILDREN_OPEN', { count: open });
  if (!input.reason) {
    throw new AppError('TASK_REASON_REQUIRED', { action: 'request_completion' }, [
      { path: 'reason', code: 'required', message: 'a waiver needs a reason' },
    ]);
  }
}

/** What an action needs, checked before anything is written. */
function checkNeeds(action: TaskAction, input: TransitionBody): void {
  for (const need of ruleFor(action).needs) {
    if (need === 'reason' && !input.reason) {
      throw new AppError('TASK_REASON_REQUIRED', { action }, [
        { path: 'reason', code: 'required', message: formatErrorMessage('TASK_REASON_REQUIRED', 'zh-CN', { action }) },
      ]);
    }
    if (need === 'evidence' || need === 'checklist') continue; // checked against the item: tasks.completion.ts
    if (need !== 'reason' && input[need] === undefined) {
      throw new AppError('TASK_FIELD_REQUIRED', { action, field: need }, [{ path: need, code: 'required', message: `${need} required` }]);
    }
  }
}

/**
 * Takes one lifecycle action. The item row is locked for the transaction, so two clerks acting at once cannot
 * both move it; `expectedVersion` (If-Match) additionally refuses an action taken on a stale page.
 */
export async function transitionTask(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: TransitionBody,
  options: { idempotencyKey?: string; expectedVersion?: number } = {},
): Promise<TaskDetail> {
  const answer = await idempotent(deps.database.db, ctx, options.idempotencyKey, `POST /tasks/${id}/transitions`, input, async (tx) => {
    const after = await applyTransition(deps, tx, ctx, id, input, options.expectedVersion);
    return { statusCode: 200, body: presentDetail(after, await repo.listEvents(tx, id)) };
  });
  return answer.body;
}

/** The transition itself, inside the caller's transaction (also used to 交办 sub-items as they are created). */
export async function applyTransition(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  id: string,
  input: TransitionBody,
  expectedVersion?: number,
): Promise<Task> {
  const actor = requireActor(ctx);
  {
    const row = await repo.findVisibleTask(tx, actor.scope, id, true);
    if (!row) throw notFound();
    if (expectedVersion !== undefined && row.version !== expectedVersion) throw new AppError('VERSION_CONFLICT');
    const status = row.status as TaskStatus;
    const refusal = refusalOf(input.action, status, standingOf(actor, row), factsOf(row));
    if (refusal) throw notAllowed(status, input.action, refusal);
    checkNeeds(input.action, input);
    if (input.action === 'request_completion') {
      await checkCompletionProof(tx, row, input);
      await checkChildrenClosed(tx, row, input);
    }
    const rule = ruleFor(input.action);
    const now = ctx.clock.now();
    const { patch, data } = await effectOf(tx, ctx, row, input);
    const to = patch.status ?? rule.to ?? status;
    const before = await readTask(tx, ctx, id);
    const ok = await repo.updateTaskVersioned(tx, id, row.version, { ...patch, status: to, updatedAt: now });
    if (!ok) throw new AppError('VERSION_CONFLICT');
    const after = await recordTaskStep(deps, tx, ctx, row, {
      type: input.action,
      fromStatus: status,
      toStatus: to,
      reason: input.reason ?? null,
      data: eventData(input, data),
      light: 'refresh',
      notify: true,
      audit: { eventType: `task.${input.action}`, before, after: ITEM_AFTER },
    });
    return after as Task;
  }
}

function eventData(input: TransitionBody, extra: Record<string, unknown> = {}): Record<string, unknown> | null {
  const data = {
    handlerId: input.handlerId,
    summary: input.summary,
    evaluation: input.evaluation,
    channel: input.channel,
    waiveOpenChildren: input.waiveOpenChildren,
    evidenceIds: input.evidenceIds,
    checklist: input.checklist,
    ...extra,
  };
  const kept = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length ? kept : null;
}

interface Effect {
  patch: Partial<repo.TaskRecord>;
  /** Facts for the timeline beyond the inputs (which change the leader decided, the deadline after a pause). */
  data?: Record<string, unknown>;
}

/** The field changes an action makes besides the status named by its rule (a patch `status` overrides it). */
async function effectOf(tx: Db, ctx: RequestContext, row: repo.TaskRow, input: TransitionBody): Promise<Effect> {
  const now = ctx.clock.now();
  const change = requestedChange[input.action];
  if (change) return { patch: { pendingChange: change }, data: { change } };
  switch (input.action) {
    case 'assign':
    case 'approve_assignment': {
      const deadline = row.deadline ?? (await loadCalendar(tx)).addWorkingDays(todayInShanghai(ctx.clock), row.deadlineWorkingDays ?? 20);
      return { patch: { deadline, originalDeadline: row.originalDeadline ?? deadline, assignedAt: now } };
    }
    case 'return':
      return { patch: { assignedAt: null, handlerId: null } };
    case 'start': {
      if (!input.handlerId || !(await repo.isPersonInUnitTree(tx, input.handlerId, row.leadUnitPath))) {
        throw fieldError('TASK_HANDLER_NOT_IN_UNIT', 'handlerId', 'handler not in the lead unit');
      }
      return { patch: { handlerId: input.handlerId } };
    }
    case 'approve_completion':
      return { patch: { completedAt: now } };
    case 'send_back':
      return { patch: { sendBackCount: row.sendBackCount + 1 } };
    case 'evaluate':
      return { patch: { evaluation: input.evaluation } };
    case 'urge':
      return { patch: { urgeCount: row.urgeCount + 1 } };
    case 'approve_change':
      return approvedChange(row, now);
    case 'reject_change':
      return { patch: { pendingChange: null }, data: { change: row.pendingChange } };
    case 'resume':
      return resumed(tx, ctx, row);
    default:
      return { patch: {} };
  }
}

/** The leader approved the pending 暂停/中止/撤销: the item takes the status the request asked for. */
function approvedChange(row: repo.TaskRow, now: Date): Effect {
  const change = row.pendingChange as PendingChange;
  const status = statusAfterChange[change];
  const pause = change === 'suspend' ? { suspendedFrom: row.status, suspendedAt: now } : { suspendedFrom: null, suspendedAt: null };
  return { patch: { status, pendingChange: null, ...pause }, data: { change } };
}

/**
 * 恢复办理: back to the status the item had when paused. A pause approved by the leader stops the clock, so the
 * deadline moves by the working days paused; the original deadline stays for assessment.
 */
async function resumed(tx: Db, ctx: RequestContext, row: repo.TaskRow): Promise<Effect> {
  const calendar = await loadCalendar(tx);
  const today = todayInShanghai(ctx.clock);
  const pausedSince = row.suspendedAt ? todayInShanghai({ now: () => row.suspendedAt! }) : today;
  const pausedWorkingDays = Math.max(0, calendar.workingDaysBetween(pausedSince, today));
  const deadline = row.deadline ? calendar.addWorkingDays(row.deadline, pausedWorkingDays) : null;
  return {
    patch: { status: row.suspendedFrom ?? 'in_progress', suspendedFrom: null, suspendedAt: null, deadline },
    data: { pausedWorkingDays, deadline },
  };
}
