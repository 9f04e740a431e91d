/**
 * 领导批示 (REQUIREMENTS S7): a government leader instructs on an item they can see — the instruction becomes a
 * requirement on the item's timeline, or spawns a linked new item (拟办, numbered by the same government, for its
 * 督查室 to assign). "我的批示" lists everything a leader instructed with the live status of each item.
 */
import { randomUUID } from 'node:crypto';
import type { Instruction, NewInstructionBody, TaskStatus, giveInstructionBody } from '@luoshi/contracts';
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { instructions, tasks, users } from '../../db/schema/index.js';
import type { Actor, Deps, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden } from '../../platform/errors.js';
import { findTaskInScope, recordTaskStep, registerTask } from '../tasks/index.js';

type GiveInstruction = z.infer<typeof giveInstructionBody>;

/** Instructions are given by government leaders (省长、副省长 …). */
export function canInstruct(actor: Actor): boolean {
  return actor.roles.includes('government_leader');
}

function requireLeader(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (!canInstruct(ctx.actor)) throw forbidden();
  return ctx.actor;
}

const child = alias(tasks, 'child');

function selectInstructions(db: Db) {
  return db
    .select({
      instruction: instructions,
      taskSerialNumber: tasks.serialNumber,
      taskTitle: tasks.title,
      taskStatus: tasks.status,
      taskDeadline: tasks.deadline,
      childSerialNumber: child.serialNumber,
      childStatus: child.status,
    })
    .from(instructions)
    .innerJoin(tasks, eq(tasks.id, instructions.taskId))
    .leftJoin(child, eq(child.id, instructions.childTaskId));
}

type Row = Awaited<ReturnType<ReturnType<typeof selectInstructions>['execute']>>[number];

function present(row: Row): Instruction {
  return {
    id: row.instruction.id,
    taskId: row.instruction.taskId,
    taskSerialNumber: row.taskSerialNumber,
    taskTitle: row.taskTitle,
    taskStatus: row.taskStatus as TaskStatus,
    taskDeadline: row.taskDeadline,
    leaderName: row.instruction.leaderName,
    text: row.instruction.text,
    kind: row.instruction.kind === 'child' ? 'child' : 'requirement',
    childTaskId: row.instruction.childTaskId,
    childSerialNumber: row.childSerialNumber,
    childStatus: (row.childStatus ?? null) as TaskStatus | null,
    createdAt: row.instruction.createdAt.toISOString(),
  };
}

export async function giveInstruction(deps: Deps, ctx: RequestContext, taskId: string, input: GiveInstruction): Promise<Instruction> {
  const actor = requireLeader(ctx);
  return deps.database.db.transaction(async (tx) => {
    const task = await findTaskInScope(tx, actor.scope, taskId, { lock: true });
    const id = randomUUID();
    const now = ctx.clock.now();
    const [account] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, actor.userId));
    const leaderName = account?.displayName ?? actor.username;
    let childTaskId: string | null = null;
    if (input.spawn) {
      const spawned = await registerTask(
        deps,
        tx,
        ctx,
        {
          title: input.spawn.title,
          source: 'leader_instruction',
          sourceRef: { leaderName, clause: input.text, documentNumber: task.serialNumber },
          content: input.text,
          deadline: input.spawn.deadline,
          urgency: 'normal',
          reportingFrequency: 'monthly',
          leadUnitId: input.spawn.leadUnitId,
          cooperatingUnitIds: [],
          responsibleLeaderId: actor.personId ?? undefined,
          relatedTaskId: task.id,
        },
        // Numbered by the same government as the item instructed on; its 来源 links back to that item.
        { supervisingUnitId: task.supervisingUnitId, source: { id, link: `/tasks/${task.id}` } },
      );
      childTaskId = spawned.id;
    }
    await tx.insert(instructions).values({
      id,
      taskId,
      leaderUserId: actor.userId,
      leaderPersonId: actor.personId,
      leaderName,
      text: input.text,
      kind: childTaskId ? 'child' : 'requirement',
      childTaskId,
      createdAt: now,
    });
    const [row] = await selectInstructions(tx).where(eq(instructions.id, id));
    if (!row) throw new Error('instruction not readable');
    const body = present(row);
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'instruction',
      reason: input.text,
      data: { instructionId: id, childTaskId },
      light: 'announce',
      audit: { eventType: 'instruction.given', after: body },
    });
    return body;
  });
}

/**
 * A 批示 that starts a new item: registered as 拟办 with source 领导批示, the leader as 分管领导, numbered by the
 * leader's government, for its 督查室 to complete and assign; the 批示 is the first entry of 我的批示 about it.
 */
export async function issueInstruction(deps: Deps, ctx: RequestContext, input: NewInstructionBody): Promise<Instruction> {
  const actor = requireLeader(ctx);
  return deps.database.db.transaction(async (tx) => {
    const id = randomUUID();
    const [account] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, actor.userId));
    const leaderName = account?.displayName ?? actor.username;
    const task = await registerTask(
      deps,
      tx,
      ctx,
      {
        title: input.title,
        source: 'leader_instruction',
        sourceRef: { leaderName, clause: input.text },
        content: input.text,
        deadline: input.deadline,
        urgency: 'normal',
        reportingFrequency: 'monthly',
        leadUnitId: input.leadUnitId,
        cooperatingUnitIds: [],
        responsibleLeaderId: actor.personId ?? undefined,
      },
      { source: { id } },
    );
    await tx.insert(instructions).values({
      id,
      taskId: task.id,
      leaderUserId: actor.userId,
      leaderPersonId: actor.personId,
      leaderName,
      text: input.text,
      kind: 'requirement',
      childTaskId: null,
      createdAt: ctx.clock.now(),
    });
    const [row] = await selectInstructions(tx).where(eq(instructions.id, id));
    if (!row) throw new Error('instruction not readable');
    const body = present(row);
    const item = await findTaskInScope(tx, actor.scope, task.id, { lock: true });
    await recordTaskStep(deps, tx, ctx, item, {
      type: 'instruction',
      reason: input.text,
      data: { instructionId: id, childTaskId: null },
      light: 'announce',
      audit: { eventType: 'instruction.given', after: body },
    });
    return body;
  });
}

export async function listTaskInstructions(deps: Deps, ctx: RequestContext, taskId: string): Promise<Instruction[]> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const { db } = deps.database;
  await findTaskInScope(db, ctx.actor.scope, taskId);
  const rows = await selectInstructions(db).where(eq(instructions.taskId, taskId)).orderBy(desc(instructions.createdAt));
  return rows.map(present);
}

/** 我的批示: everything the caller instructed, newest first, with each item's live status. */
export async function listMyInstructions(deps: Deps, ctx: RequestContext): Promise<Instruction[]> {
  const actor = requireLeader(ctx);
  const rows = await selectInstructions(deps.database.db)
    .where(eq(instructions.leaderUserId, actor.userId))
    .orderBy(desc(instructions.createdAt))
    .limit(500);
  return rows.map(present);
}
