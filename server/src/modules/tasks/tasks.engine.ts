/**
 * What other modules may do with 督办事项 besides the lifecycle: read one in their actor's scope, register one from
 * another source, move its deadline (an approved 延期), and note a handler's absence on the items they handle. Each
 * write goes through `recordTaskStep`, so the traces are the same whichever module acts.
 */
import type { CreateTaskBody, Task } from '@luoshi/contracts';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { Scope } from '../../platform/scope.js';
import * as repo from './tasks.repository.js';
import { openStatuses } from './tasks.rules.js';
import { insertNewTask } from './tasks.service.js';
import { recordTaskStep } from './tasks.steps.js';

/** The item when it lies in `scope`; otherwise 404, exactly like a missing item. `lock` for a write. */
export async function findTaskInScope(db: Db, scope: Scope, id: string, options: { lock?: boolean } = {}): Promise<repo.TaskInScope> {
  const row = await repo.findVisibleTask(db, scope, id, options.lock ?? false);
  if (!row) throw notFound();
  return row;
}

/** Where an item registered from another source comes from: its record's id and a link back to it. */
export interface SourceRecord {
  /** e.g. the meeting decision's, the audit finding's or the inquiry's id. */
  id: string;
  /** Path in the SPA of the source record, shown on the item as 来源. */
  link?: string;
}

/**
 * Registers an item (拟办) inside `tx` for another module — a leader's 批示, a workbook row, a meeting decision, an
 * audit finding — under the supervising government `supervisingUnitId` (default: the actor's nearest government).
 * Numbering, default deadline, parties in scope, timeline and audit are the engine's, as for an item typed in.
 */
export async function registerTask(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  input: CreateTaskBody,
  options: { supervisingUnitId?: string; source?: SourceRecord } = {},
): Promise<Task> {
  const actor = requireActor(ctx);
  let supervisingUnitId = options.supervisingUnitId;
  if (!supervisingUnitId) {
    const government = await repo.nearestGovernment(tx, actor.scope.path);
    if (!government) throw forbidden();
    supervisingUnitId = government.id;
  }
  const sourceRef = options.source
    ? { ...(input.sourceRef ?? {}), recordId: options.source.id, ...(options.source.link ? { link: options.source.link } : {}) }
    : input.sourceRef;
  return insertNewTask(deps, tx, ctx, supervisingUnitId, { ...input, ...(sourceRef ? { sourceRef } : {}) });
}

/** The nearest government at or above the actor's scope unit (whose 督查室 supervises what the actor registers). */
export async function supervisingGovernmentOf(db: Db, scope: Scope): Promise<{ id: string; name: string } | null> {
  return repo.nearestGovernment(db, scope.path);
}

/**
 * Moves the item's deadline (an approved 延期); `original_deadline` stays for assessment. The item must have been
 * read locked in this transaction; a concurrent change makes it 412.
 */
export async function moveTaskDeadline(tx: Db, ctx: RequestContext, task: repo.TaskInScope, deadline: string): Promise<void> {
  if (!(await repo.updateTaskVersioned(tx, task.id, task.version, { deadline, updatedAt: ctx.clock.now() }))) {
    throw new AppError('VERSION_CONFLICT');
  }
}

/**
 * Puts a handler's absence (or its end) on the timeline of every open item they handle, so the 督查室 sees who
 * acts meanwhile (their B角). One audit event of the caller's (the person's change) covers all of them.
 */
export async function noteHandlerAbsence(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  scope: Scope,
  personId: string,
  step: { type: 'person_absence_set' | 'person_absence_cleared'; reason: string | null; data: Record<string, unknown> },
): Promise<void> {
  for (const task of await repo.listHandledOpenTasks(tx, scope, personId, openStatuses)) {
    await recordTaskStep(deps, tx, ctx, task, { type: step.type, reason: step.reason, data: step.data, light: 'announce' });
  }
}

/** Paths of the units among `ids` that lie in `scope` (to check a party named on an item's plan). */
export async function findUnitPathsInScope(db: Db, scope: Scope, ids: string[]): Promise<Map<string, string>> {
  return repo.findUnitPaths(db, scope, ids);
}

/** Whether the person belongs to the unit at `unitPath` or a unit below it (a 承办人 or a milestone's owner). */
export async function isPersonInUnitTree(db: Db, personId: string, unitPath: string): Promise<boolean> {
  return repo.isPersonInUnitTree(db, personId, unitPath);
}
