/** 领导批示 (REQUIREMENTS S7): a leader's instruction on an item — a new requirement, or a linked new item. */
import { z } from 'zod';
import { limits, text } from './common.js';
import { taskStatusSchema } from './tasks.js';

export const instructionKindSchema = z.enum(['requirement', 'child']);

export const giveInstructionBody = z.strictObject({
  text: text(limits.longTextMax),
  /** When set, the instruction spawns a new item (拟办, for the 督查室 to assign) linked to this one. */
  spawn: z
    .strictObject({
      title: text(limits.nameMax),
      leadUnitId: z.uuid(),
      deadline: z.iso.date().optional(),
    })
    .optional(),
});

export const instruction = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  taskSerialNumber: z.string(),
  taskTitle: z.string(),
  taskStatus: taskStatusSchema,
  taskDeadline: z.iso.date().nullable(),
  leaderName: z.string(),
  text: z.string(),
  kind: instructionKindSchema,
  childTaskId: z.uuid().nullable(),
  childSerialNumber: z.string().nullable(),
  childStatus: taskStatusSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type Instruction = z.infer<typeof instruction>;

/**
 * A 批示 not on an existing item: it becomes a new item (拟办, source 领导批示, the leader as 分管领导) for the
 * 督查室 of the leader's government to complete and assign; the 批示 itself stands first on its timeline.
 */
export const newInstructionBody = z.strictObject({
  text: text(limits.longTextMax),
  title: text(limits.nameMax),
  leadUnitId: z.uuid(),
  deadline: z.iso.date().optional(),
});
export type NewInstructionBody = z.infer<typeof newInstructionBody>;

/** Why an item is on a leader's list: they are its 分管领导 (responsible), or they instructed on it (instructing). */
export const leaderItemRoleSchema = z.enum(['responsible', 'instructing']);
export type LeaderItemRole = z.infer<typeof leaderItemRoleSchema>;

/** One item of 我的批示's item list, with its live status and the leader's latest 批示 on it. */
export const leaderItem = z.object({
  taskId: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  leadUnitName: z.string(),
  status: taskStatusSchema,
  /** 0 green, 1 yellow, 2 red. */
  light: z.number().int().min(0).max(2),
  deadline: z.iso.date().nullable(),
  progressPercent: z.number().int().nullable(),
  roles: z.array(leaderItemRoleSchema),
  latestInstruction: z.string().nullable(),
  latestInstructionAt: z.iso.datetime().nullable(),
});
export type LeaderItem = z.infer<typeof leaderItem>;
/** Most items on the list (open items first). */
export const LEADER_ITEMS_MAX = 500;
