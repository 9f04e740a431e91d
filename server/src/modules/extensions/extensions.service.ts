/**
 * 延期申请 use cases: ask (lead unit, before the deadline), decide (unit leader → 督查员 → responsible leader).
 * The final approval moves the item's deadline; `originalDeadline` stays for assessment. Each step is on the item's
 * timeline and in the audit log, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  type ExtensionRequest,
  type ExtensionStatus,
  type TaskStatus,
  type decideExtensionBody,
  type requestExtensionBody,
} from '@luoshi/contracts';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { findTaskInScope, moveTaskDeadline, recordTaskStep, standingOf, type TaskInScope } from '../tasks/index.js';
import * as repo from './extensions.repository.js';
import { extensionRefusal, isPending, nextStep, type ExtensionRefusal } from './extensions.rules.js';

type RequestBody = z.infer<typeof requestExtensionBody>;
type DecideBody = z.infer<typeof decideExtensionBody>;

interface StoredDecision {
  step: ExtensionStatus;
  approverUserId: string;
  approverName: string;
  approve: boolean;
  reason: string | null;
  at: string;
}

function present(row: repo.ExtensionRow): ExtensionRequest {
  const decisions = (row.decisions as StoredDecision[]).map(({ step, approverName, approve, reason, at }) => ({
    step,
    approverName,
    approve,
    reason,
    at,
  }));
  return {
    id: row.id,
    taskId: row.taskId,
    requestedAt: row.requestedAt.toISOString(),
    reason: row.reason,
    progress: row.progress,
    currentDeadline: row.currentDeadline,
    newDeadline: row.newDeadline,
    status: row.status as ExtensionStatus,
    decisions,
  };
}

function refusalError(refusal: ExtensionRefusal, status: TaskStatus): AppError {
  switch (refusal.code) {
    case 'EXTENSION_AFTER_DEADLINE':
      return new AppError('EXTENSION_AFTER_DEADLINE', { deadline: refusal.deadline });
    case 'EXTENSION_NOT_LATER':
      return fieldError('EXTENSION_NOT_LATER', 'newDeadline', 'not later than the current deadline', { deadline: refusal.deadline });
    case 'EXTENSION_PENDING':
      return new AppError('EXTENSION_PENDING');
    default:
      return new AppError('EXTENSION_NOT_ALLOWED', { status });
  }
}

/** Whether the actor takes the request's current step. */
function takesStep(actor: Actor, task: TaskInScope, step: ExtensionStatus): boolean {
  const roles = actor.roles as string[];
  if (step === 'pending_unit_leader') return roles.includes('unit_leader') && task.leadUnitPath.startsWith(actor.scope.path);
  if (step === 'pending_supervisor') return standingOf(actor, task).isSupervisor;
  if (step === 'pending_leader') {
    return roles.includes('government_leader') && !!task.responsibleLeaderId && actor.personId === task.responsibleLeaderId;
  }
  return false;
}

export async function listExtensions(deps: Deps, ctx: RequestContext, taskId: string) {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const task = await findTaskInScope(db, actor.scope, taskId);
  const rows = await repo.listForTask(db, taskId);
  const pending = rows.find((r) => isPending(r.status as ExtensionStatus));
  const canRequest =
    standingOf(actor, task).isLeadUnit &&
    extensionRefusal({
      status: task.status as TaskStatus,
      deadline: task.deadline,
      today: todayInShanghai(ctx.clock),
      hasPending: !!pending,
    }) === null;
  const canDecideId = pending && takesStep(actor, task, pending.status as ExtensionStatus) ? pending.id : null;
  return { items: rows.map(present), canRequest, canDecideId };
}

export async function requestExtension(
  deps: Deps,
  ctx: RequestContext,
  taskId: string,
  input: RequestBody,
  idempotencyKey?: string,
): Promise<ExtensionRequest> {
  const actor = requireActor(ctx);
  const answer = await idempotent(deps.database.db, ctx, idempotencyKey, `POST /tasks/${taskId}/extensions`, input, async (tx) => {
    const task = await findTaskInScope(tx, actor.scope, taskId, { lock: true });
    const status = task.status as TaskStatus;
    if (!standingOf(actor, task).isLeadUnit) throw new AppError('EXTENSION_NOT_ALLOWED', { status });
    const hasPending = (await repo.listForTask(tx, taskId)).some((r) => isPending(r.status as ExtensionStatus));
    const refusal = extensionRefusal({
      status,
      deadline: task.deadline,
      today: todayInShanghai(ctx.clock),
      hasPending,
      newDeadline: input.newDeadline,
    });
    if (refusal || !task.deadline) throw refusalError(refusal ?? { code: 'EXTENSION_NOT_ALLOWED' }, status);
    const now = ctx.clock.now();
    const id = randomUUID();
    const first = nextStep(null, {
      skipUnitLeader: (actor.roles as string[]).includes('unit_leader'),
      hasResponsibleLeader: !!task.responsibleLeaderId,
    });
    await repo.insert(tx, {
      id,
      taskId,
      requestedBy: actor.userId,
      requestedAt: now,
      reason: input.reason,
      progress: input.progress,
      currentDeadline: task.deadline,
      newDeadline: input.newDeadline,
      status: first,
      decisions: [],
    });
    const created = await repo.findById(tx, actor.scope, id);
    if (!created) throw new Error('extension request not readable');
    const body = present(created);
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'extension_requested',
      reason: input.reason,
      data: { extensionId: id, currentDeadline: task.deadline, newDeadline: input.newDeadline, progress: input.progress },
      light: 'announce',
      notify: { facts: { newDeadline: input.newDeadline, waitingAt: first } },
      audit: { eventType: 'extension.requested', after: body },
    });
    return { statusCode: 201, body };
  });
  return answer.body;
}

export async function decideExtension(deps: Deps, ctx: RequestContext, extensionId: string, input: DecideBody): Promise<ExtensionRequest> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findById(tx, actor.scope, extensionId, true);
    if (!row) throw notFound();
    const task = await findTaskInScope(tx, actor.scope, row.taskId, { lock: true });
    const step = row.status as ExtensionStatus;
    if (!isPending(step)) throw new AppError('EXTENSION_DECIDED');
    if (!takesStep(actor, task, step)) {
      throw new AppError('EXTENSION_NOT_YOUR_STEP', { step });
    }
    if (!input.approve && !input.reason) {
      throw fieldError('TASK_REASON_REQUIRED', 'reason', 'reason required', { action: 'refuse_extension' });
    }
    const now = ctx.clock.now();
    const decisions: StoredDecision[] = [
      ...(row.decisions as StoredDecision[]),
      {
        step,
        approverUserId: actor.userId,
        approverName: actor.displayName,
        approve: input.approve,
        reason: input.reason ?? null,
        at: now.toISOString(),
      },
    ];
    const next: ExtensionStatus = input.approve
      ? nextStep(step, { skipUnitLeader: true, hasResponsibleLeader: !!task.responsibleLeaderId })
      : 'rejected';
    const isFinal = next === 'approved' || next === 'rejected';
    await repo.update(tx, row.id, { status: next, decisions, ...(isFinal ? { decidedAt: now } : {}) });
    if (next === 'approved') await moveTaskDeadline(tx, ctx, task, row.newDeadline);
    const updated = await repo.findById(tx, actor.scope, row.id);
    if (!updated) throw new Error('extension request not readable');
    const body = present(updated);
    await recordTaskStep(deps, tx, ctx, task, {
      type: next === 'approved' ? 'extension_approved' : next === 'rejected' ? 'extension_rejected' : 'extension_step_approved',
      reason: input.reason ?? null,
      data: { extensionId: row.id, step, newDeadline: row.newDeadline },
      // Only the final approval moves the deadline, and with it the light.
      light: next === 'approved' ? 'refresh' : 'announce',
      notify: { facts: { newDeadline: row.newDeadline, waitingAt: isFinal ? null : next } },
      audit: { eventType: next === 'rejected' ? 'extension.rejected' : 'extension.approved', before: present(row), after: body },
    });
    return body;
  });
}
