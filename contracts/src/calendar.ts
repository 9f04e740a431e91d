/** The working-day calendar: holidays and 调休 make-up working days. */
import { z } from 'zod';
import { text } from './common.js';

export const calendarDayKindSchema = z.enum(['holiday', 'makeup_workday']);
export const calendarDay = z.object({ day: z.iso.date(), kind: calendarDayKindSchema, name: z.string() });
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarYearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDayParams = z.object({ day: z.iso.date() });
export const setCalendarDayBody = z.strictObject({ kind: calendarDayKindSchema, name: text(40) });

export const workingDaysQuery = z.strictObject({
  from: z.iso.date(),
  /** add N working days to `from` */
  add: z.coerce.number().int().min(-2000).max(2000).optional(),
  /** count working days after `from` up to and including `to` */
  to: z.iso.date().optional(),
});
export const workingDaysResult = z.object({ from: z.iso.date(), date: z.iso.date().nullable(), workingDays: z.number().int().nullable() });
