/**
 * 路线图和时间表 (REQUIREMENTS S2): an item's 时间节点 — stage goal, responsible unit and person, planned date and
 * planned percent (the trajectory, 序时进度) — and the Gantt rows of one item with its sub-items or of a programme
 * (e.g. every task of the 政府工作报告), planned-to-date against actual progress from the reports.
 */
import { z } from 'zod';
import { limits, text } from './common.js';
import { taskSourceSchema, taskStatusSchema } from './tasks.js';
import { warningColourSchema } from './warnings.js';

export const milestoneBody = z.strictObject({
  title: text(limits.nameMax),
  /** 阶段目标 */
  goal: text(limits.longTextMax).optional(),
  plannedDate: z.iso.date(),
  /** Where progress should stand on the planned date. */
  plannedPercent: z.number().int().min(0).max(100),
  responsibleUnitId: z.uuid().optional(),
  responsiblePersonId: z.uuid().optional(),
});
export type MilestoneBody = z.infer<typeof milestoneBody>;

export const milestone = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  title: z.string(),
  goal: z.string().nullable(),
  plannedDate: z.iso.date(),
  plannedPercent: z.number().int(),
  responsibleUnitId: z.uuid().nullable(),
  responsibleUnitName: z.string().nullable(),
  responsiblePersonId: z.uuid().nullable(),
  responsiblePersonName: z.string().nullable(),
  /** When a progress report said it was reached (its 完成节点 names this milestone). */
  reachedAt: z.iso.datetime().nullable(),
  /** The planned date passed without it being reached. */
  overdue: z.boolean(),
});
export type Milestone = z.infer<typeof milestone>;

export const milestoneList = z.object({
  items: z.array(milestone),
  /** The reader may add, change and remove milestones (督查室 or lead unit, while the item is open). */
  canEdit: z.boolean(),
  /** 序时进度 today along 交办 → milestones → deadline; null before 交办 or without a deadline. */
  plannedPercentToday: z.number().int().nullable(),
  progressPercent: z.number().int().nullable(),
});
export type MilestoneList = z.infer<typeof milestoneList>;

export const roadmapQuery = z
  .strictObject({
    /** One item with all its sub-items, to any depth. */
    parentId: z.uuid().optional(),
    /** A programme: the top-level items of this source (e.g. work_report). */
    source: taskSourceSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .refine((q) => (q.parentId ? 1 : 0) + (q.source ? 1 : 0) === 1, { path: ['parentId'], message: 'give parentId or source' });

export const roadmapRow = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
  serialNumber: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  leadUnitName: z.string(),
  /** The bar: from 交办 (or registration) to the deadline. */
  start: z.iso.date(),
  deadline: z.iso.date().nullable(),
  originalDeadline: z.iso.date().nullable(),
  progressPercent: z.number().int().nullable(),
  plannedPercent: z.number().int().nullable(),
  warning: warningColourSchema,
  milestones: z.array(z.object({ title: z.string(), plannedDate: z.iso.date(), plannedPercent: z.number().int(), reached: z.boolean() })),
});
export type RoadmapRow = z.infer<typeof roadmapRow>;
export const roadmap = z.object({ today: z.iso.date(), items: z.array(roadmapRow), truncated: z.boolean() });
export type Roadmap = z.infer<typeof roadmap>;
