/**
 * 路线图 use cases: the 时间节点 of an item (the 督查室 or the lead unit plans them while the item is open; a reached
 * one stays), and the Gantt rows of an item's subtree or of a programme with 序时进度 against actual progress.
 * Every milestone write locks the item, recomputes its light (a passed milestone turns it red) and is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Milestone, MilestoneBody, MilestoneList, Roadmap, RoadmapRow } from '@luoshi/contracts';
import { warningColourOf } from '@luoshi/contracts';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { findTaskInScope, findUnitPathsInScope, isPersonInUnitTree, recordTaskStep, standingOf, type TaskInScope } from '../tasks/index.js';
import { milestoneFactsOf, plannedPercentOn } from '../warnings/index.js';
import * as repo from './roadmap.repository.js';

/** Statuses in which the plan may still change. */
const plannable: readonly string[] = ['draft', 'pending_approval', 'assigned', 'accepted', 'in_progress'];

function shanghaiDate(at: Date): string {
  return todayInShanghai({ now: () => at });
}

function canEdit(actor: Actor, task: TaskInScope): boolean {
  const standing = standingOf(actor, task);
  return (standing.isSupervisor || standing.isLeadUnit) && plannable.includes(task.status);
}

function present(row: repo.MilestoneRow, today: string): Milestone {
  return {
    id: row.id,
    taskId: row.taskId,
    title: row.title,
    goal: row.goal,
    plannedDate: row.plannedDate,
    plannedPercent: row.plannedPercent,
    responsibleUnitId: row.responsibleUnitId,
    responsibleUnitName: row.responsibleUnitName,
    responsiblePersonId: row.responsiblePersonId,
    responsiblePersonName: row.responsiblePersonName,
    reachedAt: row.reachedAt?.toISOString() ?? null,
    overdue: !row.reachedAt && row.plannedDate < today,
  };
}

function plannedToday(task: TaskInScope, milestones: repo.MilestoneRow[], today: string): number | null {
  if (!task.assignedAt || !task.deadline) return null;
  return plannedPercentOn(today, shanghaiDate(task.assignedAt), task.deadline, milestones);
}

async function visibleTask(db: Db, actor: Actor, taskId: string, forUpdate = false): Promise<TaskInScope> {
  return findTaskInScope(db, actor.scope, taskId, { lock: forUpdate });
}

async function listFor(db: Db, ctx: RequestContext, task: TaskInScope): Promise<MilestoneList> {
  const today = todayInShanghai(ctx.clock);
  const rows = await repo.listMilestones(db, task.id);
  return {
    items: rows.map((r) => present(r, today)),
    canEdit: canEdit(requireActor(ctx), task),
    plannedPercentToday: plannedToday(task, rows, today),
    progressPercent: task.progressPercent,
  };
}

export async function listTaskMilestones(deps: Deps, ctx: RequestContext, taskId: string): Promise<MilestoneList> {
  const { db } = deps.database;
  return listFor(db, ctx, await visibleTask(db, requireActor(ctx), taskId));
}

/** The planned date must fall before the item's deadline; the responsible unit and person must be in scope. */
async function checkBody(tx: Db, actor: Actor, task: TaskInScope, input: MilestoneBody): Promise<void> {
  if (task.deadline && input.plannedDate > task.deadline) {
    throw new AppError('MILESTONE_AFTER_DEADLINE', { deadline: task.deadline }, [
      { path: 'plannedDate', code: 'too_late', message: `not later than ${task.deadline}` },
    ]);
  }
  if (input.responsibleUnitId) {
    const found = await findUnitPathsInScope(tx, actor.scope, [input.responsibleUnitId]);
    const unitPath = found.get(input.responsibleUnitId);
    if (!unitPath) throw notFound();
    if (input.responsiblePersonId && !(await isPersonInUnitTree(tx, input.responsiblePersonId, unitPath))) {
      throw fieldError('TASK_HANDLER_NOT_IN_UNIT', 'responsiblePersonId', 'person not in the responsible unit');
    }
  } else if (input.responsiblePersonId && !(await isPersonInUnitTree(tx, input.responsiblePersonId, task.leadUnitPath))) {
    throw fieldError('TASK_HANDLER_NOT_IN_UNIT', 'responsiblePersonId', 'person not in the lead unit');
  }
}

type MilestoneWrite = 'created' | 'updated' | 'deleted';

/** The milestone's step on the item (timeline, recomputed light, audit), in the caller's transaction. */
async function afterWrite(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  task: TaskInScope,
  kind: MilestoneWrite,
  record: { id: string; title: string; plannedDate: string },
  before: unknown,
  after: unknown,
): Promise<MilestoneList> {
  await recordTaskStep(deps, tx, ctx, task, {
    type: `milestone_${kind}`,
    data: { milestoneId: record.id, title: record.title, plannedDate: record.plannedDate },
    // A passed milestone turns the light red; a moved one can clear it.
    light: 'refresh',
    audit: { eventType: `milestone.${kind}`, objectType: 'milestone', objectId: record.id, before, after },
  });
  return listFor(tx, ctx, task);
}

function refuseEdit(): AppError {
  return new AppError('MILESTONE_NOT_EDITABLE');
}

export async function addMilestone(deps: Deps, ctx: RequestContext, taskId: string, input: MilestoneBody): Promise<MilestoneList> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const task = await visibleTask(tx, actor, taskId, true);
    if (!canEdit(actor, task)) throw refuseEdit();
    await checkBody(tx, actor, task, input);
    const id = randomUUID();
    const row = {
      id,
      taskId,
      title: input.title,
      goal: input.goal ?? null,
      plannedDate: input.plannedDate,
      plannedPercent: input.plannedPercent,
      responsibleUnitId: input.responsibleUnitId ?? null,
      responsiblePersonId: input.responsiblePersonId ?? null,
      createdAt: ctx.clock.now(),
    };
    await repo.insertMilestone(tx, row);
    return afterWrite(deps, tx, ctx, task, 'created', row, null, row);
  });
}

async function lockedMilestone(tx: Db, actor: Actor, id: string) {
  const milestone = await repo.findMilestone(tx, actor.scope, id, true);
  if (!milestone) throw notFound();
  const task = await visibleTask(tx, actor, milestone.taskId, true);
  if (!canEdit(actor, task)) throw refuseEdit();
  return { milestone, task };
}

export async function changeMilestone(deps: Deps, ctx: RequestContext, id: string, input: MilestoneBody): Promise<MilestoneList> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const { milestone, task } = await lockedMilestone(tx, actor, id);
    await checkBody(tx, actor, task, input);
    const patch = {
      title: input.title,
      goal: input.goal ?? null,
      plannedDate: input.plannedDate,
      plannedPercent: input.plannedPercent,
      responsibleUnitId: input.responsibleUnitId ?? null,
      responsiblePersonId: input.responsiblePersonId ?? null,
    };
    await repo.updateMilestone(tx, id, patch);
    return afterWrite(deps, tx, ctx, task, 'updated', { id, ...patch }, milestone, { ...milestone, ...patch });
  });
}

export async function removeMilestone(deps: Deps, ctx: RequestContext, id: string): Promise<MilestoneList> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const { milestone, task } = await lockedMilestone(tx, actor, id);
    if (milestone.reachedAt) throw new AppError('MILESTONE_REACHED');
    await repo.deleteMilestone(tx, id);
    return afterWrite(deps, tx, ctx, task, 'deleted', milestone, milestone, null);
  });
}

/** Gantt rows: one item with every sub-item, or a programme's top-level items. */
export async function roadmapOf(
  deps: Deps,
  ctx: RequestContext,
  query: { parentId?: string; source?: string; limit?: number },
): Promise<Roadmap> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const limit = query.limit ?? 200;
  const rows = query.parentId
    ? await repo.listSubtree(db, actor.scope, query.parentId, limit + 1)
    : await repo.listProgramme(db, actor.scope, query.source ?? '', limit + 1);
  if (query.parentId && rows[0]?.id !== query.parentId) throw notFound();
  const page = rows.slice(0, limit);
  const milestones = await milestoneFactsOf(
    db,
    page.map((r) => r.id),
  );
  const today = todayInShanghai(ctx.clock);
  const items = page.map((r): RoadmapRow => {
    const own = milestones.filter((m) => m.taskId === r.id);
    const start = shanghaiDate(r.assignedAt ?? r.createdAt);
    return {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      serialNumber: r.serialNumber,
      title: r.title,
      status: r.status as RoadmapRow['status'],
      leadUnitName: r.leadUnitName,
      start,
      deadline: r.deadline,
      originalDeadline: r.originalDeadline,
      progressPercent: r.progressPercent,
      plannedPercent: r.assignedAt && r.deadline ? plannedPercentOn(today, start, r.deadline, own) : null,
      warning: warningColourOf(r.warningLevel),
      milestones: own.map((m) => ({
        title: m.title,
        plannedDate: m.plannedDate,
        plannedPercent: m.plannedPercent,
        reached: m.reachedAt !== null,
      })),
    };
  });
  return { today, items, truncated: rows.length > limit };
}
