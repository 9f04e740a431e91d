/**
 * Accounts, server-side sessions and sign-in throttling (等保 2.0 level 3, 8.1.4.1–8.1.4.2).
 */
import { boolean, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { persons, units } from './org.js';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    /** NFKC + lower case: the unique login key, so 'Admin' and 'ａｄｍｉｎ' cannot both exist. */
    usernameKey: text('username_key').notNull().unique(),
    displayName: text('display_name').notNull(),
    personId: uuid('person_id').references(() => persons.id),
    /** Root of the user's data scope: the user reads and writes this unit's subtree only. */
    scopeUnitId: uuid('scope_unit_id')
      .notNull()
      .references(() => units.id),
    roles: text('roles').array().notNull(),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once (no replay within its 30-second window). */
    totpLastStep: integer('totp_last_step'),
    /** Demo accounts exist only in demo mode; a production start refuses to run while any remain. */
    isDemo: boolean('is_demo').notNull().default(false),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_scope_idx').on(t.scopeUnitId)],
);

/**
 * Failed sign-ins per login key, kept whether or not the account exists, so that an unknown user is locked
 * exactly like a known one and the answer never reveals which names are real.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  usernameKey: text('username_key').primaryKey(),
  failureCount: integer('failure_count').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** active | mfa_required | mfa_enrolment_required | password_change_required */
    stage: varchar('stage', { length: 32 }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
