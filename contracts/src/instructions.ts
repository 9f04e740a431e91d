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
