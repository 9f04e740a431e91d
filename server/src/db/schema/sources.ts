/**
 * 督办事项来源 as data (REQUIREMENTS S1, S4; issue 11 item 5): the source registry and each government's item number
 * pattern. The registry keeps its historical table name `task_deadline_defaults` (it began as the per-source default
 * deadlines; backups and the warning queries know it by that name) and now holds the whole source record.
 */
import { boolean, integer, jsonb, pgTable, smallint, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { units } from './org.js';

/** One row per source: its names, short code and active flag, the default 办结时限 and the warning/ladder timing. */
export const taskDeadlineDefaults = pgTable('task_deadline_defaults', {
  /** The code items carry in `tasks.source` (e.g. leader_instruction); never changes once items use it. */
  source: varchar('source', { length: 32 }).primaryKey(),
  /**
   * Names and short code: the migration and the API always fill them; nullable because rows older than the registry
   * had none, and readers fall back to the code.
   */
  nameZh: text('name_zh'),
  nameEn: text('name_en'),
  /** 简称 (批, 会, 文 …): fills `{short}` in a government's number pattern. */
  shortCode: varchar('short_code', { length: 8 }),
  /** Inactive: kept on existing items, refused for new ones. */
  active: boolean('active').notNull().default(true),
  /** Display order in selects and on the admin page; new sources go last. */
  position: smallint('position').notNull().default(100),
  workingDays: integer('working_days').notNull(),
  /** 签收 is due this many working days after 交办. */
  signForWorkingDays: integer('sign_for_working_days').notNull().default(2),
  /** Yellow when the deadline is within this many working days … */
  yellowWorkingDays: integer('yellow_working_days').notNull().default(3),
  /** … or when this percentage of the time from 交办 to the deadline has passed. */
  yellowElapsedPercent: integer('yellow_elapsed_percent').notNull().default(90),
  /** 临期提醒: working days before the deadline on which the handler is reminded (e.g. [3, 1]). */
  reminderWorkingDays: jsonb('reminder_working_days').$type<number[]>().notNull().default([3, 1]),
  /** The escalation ladder: working days past the deadline at which each rung is reached. */
  escalationWorkingDays: jsonb('escalation_working_days')
    .$type<{ remind: number; urge: number; notice: number; bulletin: number; interview: number }>()
    .notNull()
    .default({ remind: 1, urge: 3, notice: 5, bulletin: 10, interview: 20 }),
});

/** The source registry under its meaning's name (same table). */
export const taskSources = taskDeadlineDefaults;

/** A supervising government's item number pattern (督〔{year}〕{seq}号 when it has no row). */
export const taskNumberPatterns = pgTable('task_number_patterns', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** With `{year}`, `{seq}` (required) and `{short}` placeholders. */
  pattern: text('pattern').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
