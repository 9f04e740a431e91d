/**
 * 督办事项 use cases: register (numbered, deadline from the calendar), edit, list, suggest duplicates, notices.
 * Lifecycle actions live in tasks.transitions.ts, sub-items in tasks.breakdown.ts. Every write commits with its
 * timeline event and audit event, and accepts an Idempotency-Key so that a retried submission has one effect.
 */
import { randomUUID } from 'node:crypto';
import { type CreateTaskBody, type Task, type TaskStatus, type updateTaskBody } from '@luoshi/contracts';
import type { z } from 'zod';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { numberFor, sourceByCode, sourceForNewItem } from '../sources/index.js';
import { canRegisterTasks, standingOf } from './tasks.policy.js';
import { presentDetail } from './tasks.presenter.js';
import { presentRows, readTask } from './tasks.read.js';
import { assignmentNotice, urgeNotice } from './tasks.notices.js';
import * as repo from './tasks.repository.js';
import { ITEM_AFTER, recordTaskStep } from './tasks.steps.js';
import { notAllowed } from './tasks.transitions.js';
import { inboxStatuses, openStatuses } from './tasks.rules.js';

type UpdateTask = z.infer<typeof updateTaskBody>;
type TaskDetail = ReturnType<typeof presentDetail>;

export const TASK_PAGE_DEFAULT = 50;

async function readDetail(db: Db, ctx: RequestContext, id: string): Promise<TaskDetail> {
  const task = await readTask(db, ctx, id);
  return presentDetail(task, await repo.listEvents(db, id));
}

export async function getTask(deps: Deps, ctx: RequestContext, id: string): Promise<TaskDetail> {
  return readDetail(deps.database.db, ctx, id);
}

/** Lead and cooperating units must be in scope, distinct, and the leader a leader in scope. */
async function checkParties(
  db: Db,
  actor: Actor,
  input: { leadUnitId: string; cooperatingUnitIds: string[]; responsibleLeaderId?: string | null },
): Promise<void> {
  if (input.cooperatingUnitIds.includes(input.leadUnitId)) {
    throw fieldError('TASK_LEAD_UNIT_COOPERATING', 'cooperatingUnitIds', 'lead unit listed as cooperating');
  }
  const wanted = [input.leadUnitId, ...input.cooperatingUnitIds];
  const found = await repo.findUnitPaths(db, actor.scope, wanted);
  if (wanted.some((id) => !found.has(id))) throw notFound();
  if (input.responsibleLeaderId && !(await repo.findLeaderInScope(db, actor.scope, input.responsibleLeaderId))) throw notFound();
}

function checkDeadline(ctx: RequestContext, deadline: string | null | undefined): void {
  if (deadline && deadline < todayInShanghai(ctx.clock)) throw fieldError('TASK_DEADLINE_IN_PAST', 'deadline', 'deadline in the past');
}

export async function createTask(deps: Deps, ctx: RequestContext, input: CreateTaskBody, idempotencyKey?: string): Promise<Task> {
  const actor = requireActor(ctx);
  if (!canRegisterTasks(actor)) throw forbidden();
  const answer = await idempotent(deps.database.db, ctx, idempotencyKey, 'POST /tasks', input, async (tx) => {
    const government = await repo.nearestGovernment(tx, actor.scope.path);
    if (!government) throw forbidden();
    return { statusCode: 201, body: await insertNewTask(deps, tx, ctx, government.id, input) };
  });
  return answer.body;
}

/**
 * Registers an item (拟办) inside `tx`: checks the parties and deadline, takes the next serial number of the
 * supervising government's year, writes the timeline and audit events. Also used for items a leader's 批示 spawns.
 */
export async function insertNewTask(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  supervisingUnitId: string,
  input: CreateTaskBody,
  placement?: { parentId: string; depth: number; weight: number },
): Promise<Task> {
  const actor = requireActor(ctx);
  await checkParties(tx, actor, input);
  checkDeadline(ctx, input.deadline);
  const id = randomUUID();
  const now = ctx.clock.now();
  const year = Number(todayInShanghai(ctx.clock).slice(0, 4));
  // A new item needs an active source (before numbering: a refused registration takes no number); a sub-item keeps
  // its parent's source even if that source has been deactivated since.
  const source = placement ? await sourceByCode(tx, input.source) : await sourceForNewItem(tx, input.source, 'source');
  const seq = await repo.nextSerialSeq(tx, supervisingUnitId, year);
  const workingDays = input.deadline ? null : (input.deadlineWorkingDays ?? source?.workingDays ?? 20);
  const created = await repo.insertTask(
    tx,
    {
      id,
      serialNumber: await numberFor(tx, supervisingUnitId, input.source, year, seq),
      serialYear: year,
      serialSeq: seq,
      title: input.title,
      source: input.source,
      sourceRef: input.sourceRef ?? {},
      content: input.content,
      requirements: input.requirements ?? null,
      status: 'draft',
      urgency: input.urgency,
      reportingFrequency: input.reportingFrequency,
      deadline: input.deadline ?? null,
      deadlineWorkingDays: workingDays,
      supervisingUnitId,
      leadUnitId: input.leadUnitId,
      responsibleLeaderId: input.responsibleLeaderId ?? null,
      supervisorUserId: canRegisterTasks(actor) ? actor.userId : null,
      relatedTaskId: input.relatedTaskId ?? null,
      parentId: placement?.parentId ?? null,
      depth: placement?.depth ?? 0,
      weight: placement?.weight ?? 1,
      createdAt: now,
      updatedAt: now,
    },
    [...new Set(input.cooperatingUnitIds)],
  );
  const task = await recordTaskStep(deps, tx, ctx, created, {
    type: 'created',
    toStatus: 'draft',
    light: 'refresh',
    audit: { eventType: 'task.created', after: ITEM_AFTER },
  });
  return task as Task;
}

export async function listTasks(
  deps: Deps,
  ctx: RequestContext,
  query: {
    status?: TaskStatus;
    parentId?: string;
    inbox?: 'true' | 'false';
    mine?: 'true' | 'false';
    q?: string;
    limit?: number;
    cursor?: string;
  },
): Promise<{ items: Task[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const limit = query.limit ?? TASK_PAGE_DEFAULT;
  const after = decodeCursor(query.cursor);
  const roles = actor.roles as string[];
  const inbox =
    query.inbox === 'true'
      ? {
          supervisorStatuses: roles.includes('supervisor') ? inboxStatuses('supervisor') : [],
          leadUnitStatuses: roles.includes('unit_handler') || roles.includes('unit_leader') ? inboxStatuses('lead_unit') : [],
          leaderPersonId: roles.includes('government_leader') ? actor.personId : null,
        }
      : undefined;
  const today = todayInShanghai(ctx.clock);
  const mine = query.mine === 'true' ? { personId: actor.personId ?? '00000000-0000-0000-0000-000000000000', today } : undefined;
  const rows = await repo.listVisibleTasks(
    db,
    actor.scope,
    { status: query.status, parentId: query.parentId, q: query.q, inbox, after, mine },
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const items = await presentRows(db, ctx, page);
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw fieldError('VALIDATION_FAILED', 'cursor', 'bad cursor');
  return { createdAt, id };
}

export async function findSimilarTasks(deps: Deps, ctx: RequestContext, text: string) {
  const actor = requireActor(ctx);
  const rows = await repo.findSimilarOpenTasks(deps.database.db, actor.scope, text, openStatuses, 5);
  return rows.map((r) => ({ ...r, status: r.status as TaskStatus, similarity: Math.round(r.similarity * 100) / 100 }));
}

const draftOnlyFields = ['leadUnitId', 'cooperatingUnitIds', 'responsibleLeaderId', 'deadline', 'deadlineWorkingDays'] as const;

export async function updateTask(deps: Deps, ctx: RequestContext, id: string, version: number, input: UpdateTask): Promise<TaskDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findVisibleTask(tx, actor.scope, id, true);
    if (!row) throw notFound();
    if (!standingOf(actor, row).isSupervisor) throw forbidden();
    if (row.version !== version) throw new AppError('VERSION_CONFLICT');
    const status = row.status as TaskStatus;
    if (!openStatuses.includes(status)) throw notAllowed(status, 'update');
    if (status !== 'draft' && draftOnlyFields.some((f) => input[f] !== undefined)) throw notAllowed(status, 'update');
    const before = await readTask(tx, ctx, id);
    if (input.leadUnitId || input.cooperatingUnitIds || input.responsibleLeaderId) {
      await checkParties(tx, actor, {
        leadUnitId: input.leadUnitId ?? row.leadUnitId,
        cooperatingUnitIds: input.cooperatingUnitIds ?? before.cooperatingUnits.map((c) => c.unitId),
        responsibleLeaderId: input.responsibleLeaderId,
      });
    }
    checkDeadline(ctx, input.deadline);
    const { cooperatingUnitIds, ...fields } = input;
    const patch = { ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)), updatedAt: ctx.clock.now() };
    if (!(await repo.updateTaskVersioned(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    if (cooperatingUnitIds) await repo.replaceCooperations(tx, id, [...new Set(cooperatingUnitIds)]);
    const after = await recordTaskStep(deps, tx, ctx, row, {
      type: 'updated',
      data: { fields: Object.keys(input) },
      light: 'refresh',
      audit: { eventType: 'task.updated', before, after: ITEM_AFTER },
    });
    return presentDetail(after as Task, await repo.listEvents(tx, id));
  });
}

/** The 督办通知单 of an item, as a DOCX in the GB/T 9704 layout. */
export async function renderAssignmentNotice(deps: Deps, ctx: RequestContext, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const task = await readTask(deps.database.db, ctx, id);
  const sourceName = (await sourceByCode(deps.database.db, task.source))?.name['zh-CN'] ?? task.source;
  return { fileName: `督办通知单-${task.serialNumber}.docx`, bytes: await assignmentNotice(task, todayInShanghai(ctx.clock), sourceName) };
}

/** The 催办通知单 for the latest 催办 of an item (404 when it was never urged). */
export async function renderUrgeNotice(deps: Deps, ctx: RequestContext, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const { db } = deps.database;
  const task = await readTask(db, ctx, id);
  const urges = (await repo.listEvents(db, id)).filter((e) => e.event.type === 'urge');
  const latest = urges.at(-1);
  if (!latest) throw notFound();
  const notice = await urgeNotice(
    task,
    { reason: latest.event.reason ?? '', at: latest.event.at.toISOString(), count: urges.length },
    todayInShanghai(ctx.clock),
  );
  return { fileName: `催办通知单-${task.serialNumber}-${urges.length}.docx`, bytes: notice };
}
