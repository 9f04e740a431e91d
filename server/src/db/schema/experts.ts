/**
 * 专家库 (REQUIREMENTS D3): experts of a government's library, reproducible draws (seed, pool, rule and the experts
 * recused with their reason are recorded) and the opinions of the experts drawn.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { units } from './org.js';

export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey(),
    /** The government whose library holds the expert. */
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull(),
    title: text('title'),
    affiliation: text('affiliation').notNull(),
    /** The expert's own unit when it is in the organisation tree (回避: same unit as the proposer). */
    affiliationUnitId: uuid('affiliation_unit_id').references(() => units.id),
    phone: text('phone'),
    /** Declared conflicts of interest: units the expert must not review for. */
    conflictUnitIds: jsonb('conflict_unit_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    conflictNote: text('conflict_note'),
    isAvailable: boolean('is_available').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('experts_owner_idx').on(t.ownerUnitId)],
);

export const expertDraws = pgTable(
  'expert_draws',
  {
    id: uuid('id').primaryKey(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    purpose: text('purpose').notNull(),
    field: text('field').notNull(),
    requested: integer('requested').notNull(),
    proposerUnitId: uuid('proposer_unit_id')
      .notNull()
      .references(() => units.id),
    maxDrawsPerYear: integer('max_draws_per_year').notNull(),
    year: integer('year').notNull(),
    seed: varchar('seed', { length: 64 }).notNull(),
    rule: varchar('rule', { length: 32 }).notNull(),
    pool: jsonb('pool').$type<string[]>().notNull(),
    excluded: jsonb('excluded').$type<{ expertId: string; reason: string }[]>().notNull(),
    drawn: jsonb('drawn').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('expert_draws_owner_year_idx').on(t.ownerUnitId, t.year)],
);

export const expertOpinions = pgTable(
  'expert_opinions',
  {
    drawId: uuid('draw_id')
      .notNull()
      .references(() => expertDraws.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    opinion: text('opinion').notNull(),
    enteredBy: uuid('entered_by').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.expertId] })],
);
