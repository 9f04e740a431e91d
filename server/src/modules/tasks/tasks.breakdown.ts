/**
 * 一级督一级 (REQUIREMENTS S5): an item broken down into sub-items for lower governments and departments, to any depth
 * (省 → 州市 → 县市区 → 乡镇). Each sub-item is a full item of the breaking-down government's 督查室 — its own number,
 * lifecycle and timeline — linked to its parent; progress and the worst warning roll up (warnings.service.ts), and the
 * parent cannot ask to close while sub-items are open unless the request waives them with a reason.
 */
import type { BreakdownBody, Task } from '@luoshi/contracts';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { canRegisterTasks } from './tasks.policy.js';
import { readTask } from './tasks.read.js';
import * as repo from './tasks.repository.js';
import { ITEM_AFTER, recordTaskStep } from './tasks.steps.js';
import { insertNewTask } from './tasks.service.js';
import { applyTransition } from './tasks.transitions.js';

/** Statuses in which an item can still be broken down: before 交办 and while the unit works on it. */
const breakable: readonly string[] = ['draft', 'pending_approval', 'assigned', 'accepted', 'in_progress'];

/**
 * Creates the sub-items (and 交办s them when asked) in one transaction: all of them or none. The actor is a 督查室
 * whose scope holds the parent's supervising government (splitting its own item) or the parent's lead unit (a
 * lower government breaking down what it was given).
 */
export async function breakDownTask(
  deps: Deps,
  ctx: RequestContext,
  parentId: string,
  input: BreakdownBody,
  idempotencyKey?: string,
): Promise<{ items: Task[] }> {
  const actor = requireActor(ctx);
  if (!canRegisterTasks(actor)) throw forbidden();
  const answer = await idempotent(deps.database.db, ctx, idempotencyKey, `POST /tasks/${parentId}/subtasks`, input, async (tx) => {
    const parent = await repo.findVisibleTask(tx, actor.scope, parentId, true);
    if (!parent) throw notFound();
    const supervises = parent.supervisingUnitPath.startsWith(actor.scope.path) || parent.leadUnitPath.startsWith(actor.scope.path);
    if (!supervises) throw forbidden();
    if (!breakable.includes(parent.status)) throw new AppError('TASK_NOT_BREAKABLE');
    const government = await repo.nearestGovernment(tx, actor.scope.path);
    if (!government) throw forbidden();
    const items: Task[] = [];
    for (const [index, item] of input.items.entries()) {
      const deadline = item.deadline ?? parent.deadline ?? undefined;
      if (deadline && parent.deadline && deadline > parent.deadline) {
        throw new AppError('TASK_SUBITEM_DEADLINE', { deadline: parent.deadline }, [
          { path: `items.${index}.deadline`, code: 'too_late', message: `not later than ${parent.deadline}` },
        ]);
      }
      const child = await insertNewTask(
        deps,
        tx,
        ctx,
        government.id,
        {
          title: item.title ?? parent.title,
          source: parent.source,
          sourceRef: { ...(parent.sourceRef ?? {}), documentNumber: parent.serialNumber },
          content: item.content ?? parent.content,
          requirements: item.requirements ?? parent.requirements ?? undefined,
          deadline,
          deadlineWorkingDays: deadline ? undefined : (parent.deadlineWorkingDays ?? undefined),
          urgency: parent.urgency as Task['urgency'],
          reportingFrequency: parent.reportingFrequency as Task['reportingFrequency'],
          leadUnitId: item.leadUnitId,
          cooperatingUnitIds: item.cooperatingUnitIds,
        },
        { parentId, depth: parent.depth + 1, weight: item.weight },
      );
      items.push(input.assignNow ? await applyTransition(deps, tx, ctx, child.id, { action: 'assign' }) : child);
    }
    const before = await readTask(tx, ctx, parentId);
    if (input.rollupMode) await repo.setRollupMode(tx, parentId, input.rollupMode);
    await recordTaskStep(deps, tx, ctx, parent, {
      type: 'broken_down',
      data: { children: items.map((c) => ({ id: c.id, serialNumber: c.serialNumber, leadUnitName: c.leadUnitName })) },
      light: 'refresh',
      audit: { eventType: 'task.broken_down', before, after: ITEM_AFTER },
    });
    return { statusCode: 201, body: { items } };
  });
  return answer.body;
}
