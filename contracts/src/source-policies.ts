/**
 * Per-source rules that administrators set (REQUIREMENTS S1, S4): the default 办结时限 in working days from 交办
 * (e.g. 批示 15, 会议纪要 20, 公文 30), the 签收 limit, and the warning thresholds (yellow within N working days of the
 * deadline, or once a share of the time has passed), 临期提醒 days and the escalation ladder's timing (escalations.ts).
 */
import { z } from 'zod';
import { escalationWorkingDays, reminderWorkingDays } from './escalations.js';
import { taskSourceSchema } from './tasks.js';

export const sourcePolicyBody = z.strictObject({
  workingDays: z.number().int().min(1).max(500),
  signForWorkingDays: z.number().int().min(1).max(30),
  yellowWorkingDays: z.number().int().min(0).max(60),
  yellowElapsedPercent: z.number().int().min(50).max(100),
  /** Left out: unchanged (clients written before the ladder existed keep working). */
  reminderWorkingDays: reminderWorkingDays.optional(),
  escalationWorkingDays: escalationWorkingDays.optional(),
});
export type SourcePolicyBody = z.infer<typeof sourcePolicyBody>;

export const sourcePolicy = sourcePolicyBody.extend({
  source: taskSourceSchema,
  reminderWorkingDays,
  escalationWorkingDays,
});
export type SourcePolicy = z.infer<typeof sourcePolicy>;

export const sourceParams = z.object({ source: taskSourceSchema });
