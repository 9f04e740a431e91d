/**
 * Every scope is an index path (issue 12): who can see an item, and the figures kept current per unit.
 *
 * `task_reach` holds one row per (item, unit) for every unit whose subtree can see the item: each ancestor-or-self of
 * its supervising government, its lead unit and each cooperating unit — exactly the units whose readers have it in
 * scope (REQUIREMENTS S8; the rule in tasks.visibility.ts). A reader's scope is one unit, so "the items in my scope,
 * in deadline order" is one range of `(unit_id, deadline, task_id)`: a county reads its own items in order and never
 * tests the province's million against its path. The sort keys are copied onto the row so that every ledger sort is
 * an ordered walk of one index.
 *
 * `task_tallies` keeps counts current in the writing transaction: per unit in reach (by source, status, light, top
 * level) for the ledger's colour counts, per lead unit (status, light) for the cockpit's groupings, and per lead unit
 * and Shanghai month for 交办/办结. Writers only ever INSERT signed deltas — never update a shared counter row — so
 * two items of one unit moving in opposite directions cannot deadlock or queue on one row; readers sum a unit's rows,
 * and `luoshi_compact_task_tallies()` (maintenance) folds the deltas into one row per key.
 *
 * Both are kept by database triggers on `tasks` and `task_cooperations` (migration 0018), so no write path, bulk load
 * or restore can forget them. The application never writes them.
 */
import { boolean, date, index, integer, pgTable, primaryKey, smallint, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { tasks } from './tasks.js';

export const taskReach = pgTable(
  'task_reach',
  {
    unitId: uuid('unit_id').notNull(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    source: varchar('source', { length: 32 }).notNull(),
    status: varchar('status', { length: 32 }).notNull(),
    warningLevel: smallint('warning_level').notNull(),
    topLevel: boolean('top_level').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    serialYear: smallint('serial_year').notNull(),
    serialSeq: integer('serial_seq').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.taskId, t.unitId] }),
    /** One per ledger sort (ledger.segments.ts): a page is the first rows of one unit's range. */
    index('task_reach_deadline_idx').on(t.unitId, t.deadline, t.taskId),
    index('task_reach_warning_idx').on(t.unitId, t.warningLevel, t.deadline, t.taskId),
    index('task_reach_created_idx').on(t.unitId, t.createdAt, t.taskId),
    index('task_reach_serial_idx').on(t.unitId, t.serialYear, t.serialSeq, t.taskId),
  ],
);

/** kind: 'reach' (unit_id in the item's reach), 'lead' (its lead unit), 'assigned' / 'completed' (lead unit, month). */
export const taskTallies = pgTable(
  'task_tallies',
  {
    kind: varchar('kind', { length: 16 }).notNull(),
    unitId: uuid('unit_id').notNull(),
    source: varchar('source', { length: 32 }).notNull().default(''),
    status: varchar('status', { length: 32 }).notNull().default(''),
    warningLevel: smallint('warning_level').notNull().default(0),
    topLevel: boolean('top_level').notNull().default(false),
    /** 'YYYY-MM' in Asia/Shanghai for the month kinds, '' otherwise. */
    month: varchar('month', { length: 7 }).notNull().default(''),
    n: integer('n').notNull(),
  },
  (t) => [index('task_tallies_unit_idx').on(t.unitId, t.kind)],
);
