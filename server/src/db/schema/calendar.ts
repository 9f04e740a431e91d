/**
 * The official working-day calendar: only exceptions to "Monday–Friday work, weekends off" are stored —
 * 法定节假日 (holiday on a weekday) and 调休 make-up working days (a weekend day that is worked).
 */
import { date, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  /** holiday | makeup_workday */
  kind: varchar('kind', { length: 16 }).notNull(),
  name: text('name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
