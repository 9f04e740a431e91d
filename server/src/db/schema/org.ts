/**
 * Organisation tables (REQUIREMENTS R1): GB/T 2260 divisions, units, posts, people and leaders' 分管.
 *
 * Units form one tree (province government → departments, prefecture governments → …). Each unit stores its
 * materialised `path` of ancestor ids so that data scope ("this user's subtree") is one indexed prefix match.
 */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const divisions = pgTable(
  'divisions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: text('name').notNull(),
    /** province | prefecture | county | township */
    level: varchar('level', { length: 16 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
  },
  (t) => [index('divisions_parent_idx').on(t.parentCode)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** government | department | internal_division | other */
    kind: varchar('kind', { length: 24 }).notNull(),
    divisionCode: varchar('division_code', { length: 12 })
      .notNull()
      .references(() => divisions.code),
    parentId: uuid('parent_id'),
    /** '/<root id>/…/<own id>/' — ancestors then self, for subtree scope by prefix. */
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isSupervisionOffice: boolean('is_supervision_office').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    index('units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('units_parent_idx').on(t.parentId),
    uniqueIndex('units_parent_name_uq').on(t.parentId, t.name),
  ],
);

export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** 职务, e.g. 副省长, 督查专员, 科员 */
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    isLeader: boolean('is_leader').notNull().default(false),
    /** 分管领域 in words, e.g. "教育、科技" */
    oversightAreas: text('oversight_areas'),
    /** Current absence (请假、出差): while it lasts, the B角 of this person's posts acts on their items. */
    absentFrom: date('absent_from', { mode: 'string' }),
    absentUntil: date('absent_until', { mode: 'string' }),
    absenceReason: text('absence_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [index('persons_unit_idx').on(t.unitId)],
);

export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    /** A角 */
    primaryHolderId: uuid('primary_holder_id').references(() => persons.id),
    /** B角 */
    backupHolderId: uuid('backup_holder_id').references(() => persons.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('posts_unit_idx').on(t.unitId), uniqueIndex('posts_unit_name_uq').on(t.unitId, t.name)],
);

/** A leader's 分管 units. */
export const leaderOversees = pgTable(
  'leader_oversees',
  {
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => persons.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.leaderId, t.unitId] }), index('leader_oversees_unit_idx').on(t.unitId)],
);
