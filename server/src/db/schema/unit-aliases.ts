/**
 * Other names of a unit as documents write them (曲靖市 for 曲靖市人民政府, 大理州, 省发改委): the 分工方案 import and
 * the unit pickers resolve them. An alias names one unit in the whole installation (unique), so a name never means
 * two units; `created_by` is null for the forms seeded with the base data.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.js';
import { units } from './org.js';

export const unitAliases = pgTable(
  'unit_aliases',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    alias: text('alias').primaryKey(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('unit_aliases_unit_idx').on(t.unitId)],
);
