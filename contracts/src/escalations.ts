/**
 * Scheduled reminders and the escalation ladder (REQUIREMENTS S3 催办, S4, X3; issue 5): 临期提醒 before a deadline,
 * 进展反馈 reminders by each item's frequency, 逾期未签收, and on overdue items the ladder
 * 提醒 → 催办 → 督办通知 (to the lead unit's leader) → 通报候选 → 约谈建议. Each rung's timing is set per source type by
 * the system administrator (source policies) and counted in working days on the official calendar.
 */
import { z } from 'zod';
import { pageOf } from './common.js';
import { taskSourceSchema, taskStatusSchema } from './tasks.js';

/** The rungs of the ladder, lowest first. */
export const escalationRungValues = ['remind', 'urge', 'notice', 'bulletin', 'interview'] as const;
export const escalationRungSchema = z.enum(escalationRungValues);
export type EscalationRung = z.infer<typeof escalationRungSchema>;

export const escalationRungLabels: Record<EscalationRung, { 'zh-CN': string; en: string }> = {
  remind: { 'zh-CN': '逾期提醒', en: 'Overdue reminder' },
  urge: { 'zh-CN': '催办', en: 'Urged' },
  notice: { 'zh-CN': '督办通知', en: 'Supervision notice' },
  bulletin: { 'zh-CN': '列入通报候选', en: 'Bulletin candidate' },
  interview: { 'zh-CN': '建议约谈', en: 'Interview recommended' },
};

/** Working days past the deadline at which each rung is reached; each later rung strictly later. */
export const escalationWorkingDays = z
  .strictObject({
    remind: z.number().int().min(1).max(120),
    urge: z.number().int().min(1).max(120),
    notice: z.number().int().min(1).max(120),
    bulletin: z.number().int().min(1).max(120),
    interview: z.number().int().min(1).max(120),
  })
  .refine((l) => l.remind < l.urge && l.urge < l.notice && l.notice < l.bulletin && l.bulletin < l.interview, {
    message: 'ESCALATION_ORDER',
  });
export type EscalationWorkingDays = z.infer<typeof escalationWorkingDays>;

export const defaultEscalationWorkingDays: EscalationWorkingDays = { remind: 1, urge: 3, notice: 5, bulletin: 10, interview: 20 };

/** 临期提醒: working days before the deadline (0 = on the day itself), at most five, no repeats. */
export const reminderWorkingDays = z
  .array(z.number().int().min(0).max(30))
  .max(5)
  .refine((days) => new Set(days).size === days.length, { message: 'REMINDER_DAYS_REPEATED' });
export const defaultReminderWorkingDays: readonly number[] = [3, 1];

/** The kinds of step the daily sweep writes on an item's 时间线 (type `reminded` / `escalated`). */
export const reminderStepValues = ['deadline_near', 'sign_for_overdue'] as const;
export type ReminderStep = (typeof reminderStepValues)[number];

/** `GET /api/escalations`: the 通报候选 list and the 约谈建议 list of the supervisor's subtree. */
export const escalationListQuery = z.strictObject({
  rung: z.enum(['bulletin', 'interview']).default('bulletin'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EscalationListQuery = z.infer<typeof escalationListQuery>;

export const escalationCandidate = z.object({
  taskId: z.uuid(),
  serialNumber: z.string(),
  title: z.string(),
  source: taskSourceSchema,
  status: taskStatusSchema,
  leadUnitId: z.uuid(),
  leadUnitName: z.string(),
  responsibleLeaderName: z.string().nullable(),
  deadline: z.iso.date(),
  /** Working days past the deadline today. */
  overdueWorkingDays: z.number().int(),
  /** The highest rung reached against the current deadline. */
  rung: escalationRungSchema,
  /** When the listed rung was reached. */
  reachedAt: z.iso.datetime(),
});
export type EscalationCandidate = z.infer<typeof escalationCandidate>;

export const escalationCandidatePage = pageOf(escalationCandidate);
export type EscalationCandidatePage = z.infer<typeof escalationCandidatePage>;
