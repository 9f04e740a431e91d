/**
 * The tamper-evident audit log (REQUIREMENTS X2; 等保 8.1.4.3).
 *
 * Events are hash-chained per shard: an event's shard comes from the object it concerns, so writes to unrelated
 * objects lock different `audit_chain_heads` rows and do not wait on each other, while every event still links to
 * its predecessor in its shard. Deleting, inserting or altering any event breaks its shard's chain.
 */
import { bigint, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorUnitId: uuid('actor_unit_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    eventType: varchar('event_type', { length: 64 }).notNull(),
    /** success | failure */
    outcome: varchar('outcome', { length: 16 }).notNull(),
    objectType: varchar('object_type', { length: 32 }),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    chainShard: smallint('chain_shard').notNull(),
    chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** sha256 | sm3 */
    hashAlg: varchar('hash_alg', { length: 8 }).notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_uq').on(t.chainShard, t.chainSeq),
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
    index('audit_events_type_idx').on(t.eventType, t.occurredAt),
  ],
);

/** The newest event of each shard; locked FOR UPDATE while an event is appended to that shard. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  shard: smallint('shard').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

/**
 * Where each shard's chain starts after a retention purge: the seq and hash of the last purged event, so that
 * verification can still check the first surviving event's link.
 */
export const auditChainAnchors = pgTable('audit_chain_anchors', {
  shard: smallint('shard').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }).notNull(),
  purgedCount: integer('purged_count').notNull(),
});
