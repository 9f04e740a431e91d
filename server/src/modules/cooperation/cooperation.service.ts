/**
 * 牵头单位/配合单位 use cases (REQUIREMENTS R5): duties per cooperating unit, contributions to the lead unit,
 * 协调请求 raised by a unit, escalated to the responsible leader only with the coordination already tried on
 * record, and the leader's decision on the item's timeline.
 */
import { randomUUID } from 'node:crypto';
import {
  type ErrorActionCode,
  type CoordinationRequest,
  type contributionBody,
  type decideCoordinationBody,
  type escalateCoordinationBody,
  type raiseCoordinationBody,
  type setCooperationDutyBody,
  type taskCooperation,
} from '@luoshi/contracts';
import type { z } from 'zod';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { findTaskInScope, recordTaskStep, standingOf, type TaskInScope } from '../tasks/index.js';
import { actsForUnit, canEscalate } from './cooperation.policy.js';
import * as repo from './cooperation.repository.js';

type TaskCooperation = z.infer<typeof taskCooperation>;
type Attempt = z.infer<typeof raiseCoordinationBody>['attempts'][number];

/** Items no longer being worked on: cooperation and coordination on them are closed too. */
const closedStatuses = ['completed', 'evaluated', 'archived', 'withdrawn', 'terminated'];

function assertOpen(task: TaskInScope, action: ErrorActionCode): void {
  if (closedStatuses.includes(task.status)) {
    throw new AppError('COORDINATION_NOT_ALLOWED', { status: task.status, action });
  }
}

async function visibleTask(db: Db, actor: Actor, taskId: string, forUpdate = false): Promise<TaskInScope> {
  return findTaskInScope(db, actor.scope, taskId, { lock: forUpdate });
}

function isResponsibleLeader(actor: Actor, task: TaskInScope): boolean {
  return (
    (actor.roles as string[]).includes('government_leader') && !!task.responsibleLeaderId && actor.personId === task.responsibleLeaderId
  );
}

async function presentCoordination(
  db: Db,
  actor: Actor,
  task: TaskInScope,
  row: repo.CoordinationRow,
  unitName: string,
): Promise<CoordinationRequest> {
  const attempts = row.attempts as Attempt[];
  const raiserPathOk = await raisedByActor(db, actor, task, row);
  return {
    id: row.id,
    taskId: row.taskId,
    raisedByUnitId: row.raisedByUnitId,
    raisedByUnitName: unitName,
    raisedAt: row.raisedAt.toISOString(),
    subject: row.subject,
    detail: row.detail,
    attempts,
    status: row.status as CoordinationRequest['status'],
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    decision: row.decision,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    // Offered without a responsible leader too, so the unit learns why it cannot go up (COORDINATION_NO_LEADER).
    canEscalate: row.status === 'open' && raiserPathOk && !closedStatuses.includes(task.status),
    canDecide:
      (row.status === 'escalated' && isResponsibleLeader(actor, task)) || (row.status === 'open' && standingOf(actor, task).isSupervisor),
  };
}

/** Whether the actor acts for the unit that raised the request. */
async function raisedByActor(db: Db, actor: Actor, task: TaskInScope, row: repo.CoordinationRow): Promise<boolean> {
  const units = await repo.listCooperations(db, row.taskId);
  const path =
    row.raisedByUnitId === task.leadUnitId ? task.leadUnitPath : units.find((u) => u.cooperation.unitId === row.raisedByUnitId)?.unitPath;
  return !!path && actsForUnit(actor, path);
}

export async function getCooperation(deps: Deps, ctx: RequestContext, taskId: string): Promise<TaskCooperation> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const task = await visibleTask(db, actor, taskId);
  const rows = await repo.listCooperations(db, taskId);
  const coordination = await repo.listCoordination(db, taskId);
  const standing = standingOf(actor, task);
  return {
    cooperations: rows.map(({ cooperation: c, unitName, unitPath }) => ({
      unitId: c.unitId,
      unitName,
      duty: c.duty,
      dueDate: c.dueDate,
      contribution: c.contribution,
      contributedAt: c.contributedAt?.toISOString() ?? null,
      canContribute: actsForUnit(actor, unitPath) && !closedStatuses.includes(task.status),
    })),
    coordination: await Promise.all(coordination.map((c) => presentCoordination(db, actor, task, c.request, c.unitName))),
    canRaise: !closedStatuses.includes(task.status) && (standing.isLeadUnit || rows.some((r) => actsForUnit(actor, r.unitPath))),
    canSetDuties: !closedStatuses.includes(task.status) && (standing.isSupervisor || standing.isLeadUnit),
  };
}

export async function setCooperationDuty(
  deps: Deps,
  ctx: RequestContext,
  taskId: string,
  unitId: string,
  input: z.infer<typeof setCooperationDutyBody>,
) {
  const actor = requireActor(ctx);
  await deps.database.db.transaction(async (tx) => {
    const task = await visibleTask(tx, actor, taskId, true);
    const standing = standingOf(actor, task);
    if (!standing.isSupervisor && !standing.isLeadUnit) throw forbidden();
    assertOpen(task, 'set_duty');
    const patch = { duty: input.duty, dueDate: input.dueDate ?? null };
    if (!(await repo.updateCooperation(tx, taskId, unitId, patch))) throw notFound();
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'cooperation_duty_set',
      data: { unitId, ...patch },
      light: 'announce',
      audit: {
        eventType: 'cooperation.duty_set',
        after: { unitId, ...patch },
      },
    });
  });
  return getCooperation(deps, ctx, taskId);
}

export async function contribute(deps: Deps, ctx: RequestContext, taskId: string, unitId: string, input: z.infer<typeof contributionBody>) {
  const actor = requireActor(ctx);
  await deps.database.db.transaction(async (tx) => {
    const task = await visibleTask(tx, actor, taskId, true);
    const unit = (await repo.listCooperations(tx, taskId)).find((u) => u.cooperation.unitId === unitId);
    if (!unit) throw notFound();
    if (!actsForUnit(actor, unit.unitPath)) throw forbidden();
    assertOpen(task, 'contribute');
    const now = ctx.clock.now();
    await repo.updateCooperation(tx, taskId, unitId, { contribution: input.contribution, contributedAt: now, contributedBy: actor.userId });
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'cooperation_contributed',
      actingForUnitId: unitId,
      data: { unitId, contribution: input.contribution },
      light: 'announce',
      audit: {
        eventType: 'cooperation.contributed',
        before: { contribution: unit.cooperation.contribution },
        after: { unitId, contribution: input.contribution },
      },
    });
  });
  return getCooperation(deps, ctx, taskId);
}

export async function raiseCoordination(deps: Deps, ctx: RequestContext, taskId: string, input: z.infer<typeof raiseCoordinationBody>) {
  const actor = requireActor(ctx);
  await deps.database.db.transaction(async (tx) => {
    const task = await visibleTask(tx, actor, taskId, true);
    assertOpen(task, 'raise_coordination');
    const cooperating = (await repo.listCooperations(tx, taskId)).find((u) => actsForUnit(actor, u.unitPath));
    const unitId = standingOf(actor, task).isLeadUnit ? task.leadUnitId : cooperating?.cooperation.unitId;
    if (!unitId) throw forbidden();
    const now = ctx.clock.now();
    const id = randomUUID();
    await repo.insertCoordination(tx, {
      id,
      taskId,
      raisedByUnitId: unitId,
      raisedBy: actor.userId,
      raisedAt: now,
      subject: input.subject,
      detail: input.detail,
      attempts: input.attempts,
      status: 'open',
    });
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'coordination_raised',
      actingForUnitId: unitId,
      reason: input.subject,
      data: { coordinationId: id, attempts: input.attempts },
      light: 'announce',
      notify: true,
      audit: { eventType: 'coordination.raised', after: { id, ...input } },
    });
  });
  return getCooperation(deps, ctx, taskId);
}

async function lockedRequest(db: Db, actor: Actor, id: string): Promise<{ row: repo.CoordinationRow; task: TaskInScope }> {
  const row = await repo.findCoordination(db, actor.scope, id);
  if (!row) throw notFound();
  const task = await visibleTask(db, actor, row.taskId, true);
  return { row, task };
}

export async function escalateCoordination(deps: Deps, ctx: RequestContext, id: string, input: z.infer<typeof escalateCoordinationBody>) {
  const actor = requireActor(ctx);
  const taskId = await deps.database.db.transaction(async (tx) => {
    const { row, task } = await lockedRequest(tx, actor, id);
    if (!(await raisedByActor(tx, actor, task, row))) throw forbidden();
    if (row.status !== 'open') {
      throw new AppError('COORDINATION_NOT_ALLOWED', { status: row.status, action: 'escalate_coordination' });
    }
    const attempts = [...(row.attempts as Attempt[]), ...input.attempts];
    if (!canEscalate(attempts.length)) throw new AppError('COORDINATION_NOT_TRIED');
    if (!task.responsibleLeaderId) throw new AppError('COORDINATION_NO_LEADER');
    const now = ctx.clock.now();
    await repo.updateCoordination(tx, id, { attempts, status: 'escalated', escalatedAt: now });
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'coordination_escalated',
      actingForUnitId: row.raisedByUnitId,
      reason: row.subject,
      data: { coordinationId: id, attempts },
      light: 'announce',
      notify: true,
      audit: {
        eventType: 'coordination.escalated',
        before: { status: row.status },
        after: { status: 'escalated', attempts },
      },
    });
    return task.id;
  });
  return getCooperation(deps, ctx, taskId);
}

export async function decideCoordination(deps: Deps, ctx: RequestContext, id: string, input: z.infer<typeof decideCoordinationBody>) {
  const actor = requireActor(ctx);
  const taskId = await deps.database.db.transaction(async (tx) => {
    const { row, task } = await lockedRequest(tx, actor, id);
    const allowed =
      (row.status === 'escalated' && isResponsibleLeader(actor, task)) || (row.status === 'open' && standingOf(actor, task).isSupervisor);
    if (!allowed) {
      if (row.status === 'resolved') {
        throw new AppError('COORDINATION_NOT_ALLOWED', { status: 'resolved', action: 'decide_coordination_again' });
      }
      throw forbidden();
    }
    const now = ctx.clock.now();
    await repo.updateCoordination(tx, id, { status: 'resolved', decision: input.decision, decidedBy: actor.userId, decidedAt: now });
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'coordination_decided',
      reason: input.decision,
      data: { coordinationId: id },
      light: 'announce',
      notify: true,
      audit: {
        eventType: 'coordination.decided',
        before: { status: row.status },
        after: { status: 'resolved', decision: input.decision },
      },
    });
    return task.id;
  });
  return getCooperation(deps, ctx, taskId);
}
