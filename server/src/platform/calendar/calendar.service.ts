/**
 * The calendar service: loads the editable exceptions from the database into a WorkingDayCalendar. The table is
 * small (about 30 rows a year), so each use reads it afresh and edits by an administrator apply at once.
 */
import { asc, between } from 'drizzle-orm';
import { calendarDays } from '../../db/schema/index.js';
import type { Db } from '../db.js';
import { WorkingDayCalendar, type CalendarDayKind, type CalendarException } from './working-days.js';

export async function loadCalendar(db: Db): Promise<WorkingDayCalendar> {
  const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays);
  return new WorkingDayCalendar(rows.map((r) => ({ ...r, kind: r.kind as CalendarDayKind })));
}

export async function listCalendarYear(db: Db, year: number): Promise<CalendarException[]> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(between(calendarDays.day, `${year}-01-01`, `${year}-12-31`))
    .orderBy(asc(calendarDays.day));
  return rows.map((r) => ({ ...r, kind: r.kind as CalendarDayKind }));
}
