/**
 * Sign-in use cases: password, second factor, enrolment, password change, sign-out, and resolving the session
 * behind a cookie. Every outcome that matters for security is written to the audit log.
 */
import type { SessionBody, SessionStage } from '@luoshi/contracts';
import { generateSecret, generateURI, verify as verifyTotpCode } from 'otplib';
import { appendAuditEvent, type AuditEntry } from '../../platform/audit-log.js';
import type { Actor, Deps, RequestContext } from '../../platform/context.js';
import { digestHex, randomToken } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { grantScope, noScope } from '../../platform/scope.js';
import * as repo from './auth.repository.js';
import {
  afterFailure,
  isLocked,
  isSessionExpired,
  minutesUntil,
  passwordExpiresAt,
  stageAfterPassword,
  stageAfterSecondFactor,
  usernameKey,
  type SignInSubject,
} from './auth.rules.js';
import { findPasswordViolation } from './password-policy.rules.js';

export type SessionWithUser = repo.SessionWithUser;

export function sessionIdOf(token: string): string {
  return digestHex('sha256', token);
}

function subjectOf(user: repo.UserRow): SignInSubject {
  return {
    roles: user.roles as SignInSubject['roles'],
    isTotpEnabled: user.totpEnabledAt !== null,
    mustChangePassword: user.mustChangePassword,
    passwordChangedAt: user.passwordChangedAt,
  };
}

export function actorOf(auth: SessionWithUser): Actor {
  return {
    userId: auth.user.id,
    username: auth.user.username,
    displayName: auth.user.displayName,
    personId: auth.user.personId,
    roles: auth.user.roles as Actor['roles'],
    scope: grantScope(auth.user.scopeUnitId, auth.scopePath),
    unitId: auth.user.scopeUnitId,
  };
}

async function audit(deps: Deps, db: Db, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(db, ctx, deps.env.AUDIT_HASH, entry);
}

/** Writes a security event on its own (for outcomes that change nothing else, like a failed sign-in). */
async function auditAlone(deps: Deps, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await deps.database.db.transaction(async (tx) => audit(deps, tx, ctx, entry));
}

/** Per address, when a rejected session cookie was last audited (bounded: the oldest are dropped). */
const rejectedAuditedAt = new Map<string, number>();
const REJECTED_AUDIT_EVERY_MS = 60_000;

/**
 * A cookie that names no session (forged, guessed, or from a database restored to an older state) is a security
 * event (B12, 等保 S7) and is audited — but once a minute per address at most, so a script sending forged cookies
 * cannot flood the hash-chained log with a row per request.
 */
async function auditRejectedSession(deps: Deps, ctx: RequestContext, now: Date): Promise<void> {
  const address = ctx.request.ip ?? 'unknown';
  const last = rejectedAuditedAt.get(address);
  if (last !== undefined && now.getTime() - last < REJECTED_AUDIT_EVERY_MS) return;
  rejectedAuditedAt.delete(address);
  rejectedAuditedAt.set(address, now.getTime());
  if (rejectedAuditedAt.size > 10_000) rejectedAuditedAt.delete(rejectedAuditedAt.keys().next().value as string);
  await auditAlone(deps, ctx, { eventType: 'auth.session_rejected', outcome: 'failure', after: { reason: 'unknown_session' } });
}

export interface SignInResult {
  token: string;
  auth: SessionWithUser;
}

/**
 * Password sign-in. Unknown users and wrong passwords get the same answer, take the same time and are locked the
 * same way. A new session id is issued every time; a session presented with the request is ended (no fixation).
 */
export async function signIn(
  deps: Deps,
  ctx: RequestContext,
  input: { username: string; password: string },
  previousToken: string | undefined,
): Promise<SignInResult> {
  const now = ctx.clock.now();
  const key = usernameKey(input.username);
  const { db } = deps.database;
  const throttle = await repo.findThrottle(db, key);
  if (isLocked(throttle, now) && throttle?.lockedUntil) {
    await auditAlone(deps, ctx, { eventType: 'auth.sign_in_locked', outcome: 'failure', actorUsername: input.username });
    throw new AppError('AUTH_LOCKED', { minutes: minutesUntil(throttle.lockedUntil, now) });
  }
  const user = await repo.findUserByKey(db, key);
  const isPasswordRight = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isPasswordRight || user.disabledAt) {
    // Counted on the locked row: concurrent wrong passwords for one account queue here, so each one counts (read
    // outside the transaction, twenty at once all wrote "1" and none locked).
    const next = await db.transaction(async (tx) => {
      const current = await repo.lockThrottle(tx, key, now);
      // Locked by a failure that was counted while this one waited: it stays locked (counting on would restart it).
      const counted = isLocked(current, now) ? current : afterFailure(current, now, deps.env.LOCKOUT_THRESHOLD, deps.env.LOCKOUT_MINUTES);
      await repo.saveThrottle(tx, { usernameKey: key, ...counted });
      await audit(deps, tx, ctx, {
        eventType: counted.lockedUntil ? 'auth.sign_in_locked' : 'auth.sign_in_failed',
        outcome: 'failure',
        actorUsername: input.username,
        after: { failureCount: counted.failureCount },
      });
      return counted;
    });
    if (next.lockedUntil) throw new AppError('AUTH_LOCKED', { minutes: minutesUntil(next.lockedUntil, now) });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  const stage = stageAfterPassword(subjectOf(user), now, deps.env.PASSWORD_MAX_AGE_DAYS);
  const token = randomToken();
  const sessionId = sessionIdOf(token);
  const signedIn: RequestContext = { ...ctx, actor: { ...actorOfUser(user), scope: noScope() } };
  await db.transaction(async (tx) => {
    if (previousToken) await repo.deleteSession(tx, sessionIdOf(previousToken));
    await repo.clearThrottle(tx, key);
    await repo.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      stage,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      absoluteExpiresAt: new Date(now.getTime() + deps.env.SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: ctx.request.ip,
      userAgent: ctx.request.userAgent?.slice(0, 500) ?? null,
    });
    if (stage !== 'mfa_required') await repo.updateUser(tx, user.id, { lastSignInAt: now });
    await audit(deps, tx, signedIn, {
      eventType: 'auth.sign_in_succeeded',
      objectType: 'user',
      objectId: user.id,
      after: { stage },
    });
  });
  const auth = await repo.findSessionWithUser(db, sessionId);
  if (!auth) throw new Error('session vanished after sign-in');
  return { token, auth };
}

function actorOfUser(user: repo.UserRow): Omit<Actor, 'scope'> {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    roles: user.roles as Actor['roles'],
    unitId: user.scopeUnitId,
  };
}

/**
 * The session behind a cookie token: null when there is none, 'expired' when idle or absolute time ran out (the
 * row is deleted then). Refreshes the idle timer at most once a minute to spare writes.
 */
export async function resolveSession(
  deps: Deps,
  token: string,
  now: Date,
  ctx: RequestContext,
): Promise<SessionWithUser | 'expired' | null> {
  const { db } = deps.database;
  const id = sessionIdOf(token);
  const auth = await repo.findSessionWithUser(db, id);
  if (!auth) {
    await auditRejectedSession(deps, ctx, now);
    return null;
  }
  const limits = { idleMinutes: deps.env.SESSION_IDLE_MINUTES, absoluteHours: deps.env.SESSION_ABSOLUTE_HOURS };
  if (isSessionExpired(auth.session, now, limits) || auth.user.disabledAt) {
    await db.transaction(async (tx) => {
      await repo.deleteSession(tx, id);
      await audit(deps, tx, ctx, {
        eventType: 'auth.session_expired',
        outcome: 'failure',
        actorUsername: auth.user.username,
        objectType: 'user',
        objectId: auth.user.id,
        after: { reason: auth.user.disabledAt ? 'account_disabled' : 'timed_out' },
      });
    });
    return 'expired';
  }
  if (now.getTime() - auth.session.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, id, now);
    auth.session.lastSeenAt = now;
  }
  return auth;
}

async function advanceStage(deps: Deps, auth: SessionWithUser, stage: SessionStage, now: Date): Promise<SessionWithUser> {
  await repo.updateSessionStage(deps.database.db, auth.session.id, stage);
  if (stage === 'active') await repo.updateUser(deps.database.db, auth.user.id, { lastSignInAt: now });
  const fresh = await repo.findSessionWithUser(deps.database.db, auth.session.id);
  if (!fresh) throw new AppError('UNAUTHENTICATED');
  return fresh;
}

/**
 * Checks a TOTP code (±1 step of clock drift) and refuses one already used: returns the matched time step, or null.
 */
async function acceptTotpCode(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verifyTotpCode({
    secret,
    token: code,
    epoch,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid ? Math.floor(epoch / 30) + result.delta : null;
}

/** Second step of sign-in for accounts with TOTP. */
export async function verifySecondFactor(deps: Deps, ctx: RequestContext, auth: SessionWithUser, code: string): Promise<SessionWithUser> {
  if (auth.session.stage !== 'mfa_required' || !auth.user.totpSecret) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const step = await acceptTotpCode(auth.user.totpSecret, code, now, auth.user.totpLastStep);
  if (step === null) {
    await auditAlone(deps, ctx, { eventType: 'auth.totp_failed', outcome: 'failure', objectType: 'user', objectId: auth.user.id });
    throw fieldError('AUTH_TOTP_INVALID', 'code', 'wrong one-time code');
  }
  await repo.updateUser(deps.database.db, auth.user.id, { totpLastStep: step });
  return advanceStage(deps, auth, stageAfterSecondFactor(subjectOf(auth.user), now, deps.env.PASSWORD_MAX_AGE_DAYS), now);
}

/** Starts TOTP set-up: a new secret, stored but not active until a code from it is confirmed. */
export async function beginTotpEnrolment(deps: Deps, auth: SessionWithUser): Promise<{ secret: string; otpauthUri: string }> {
  if (auth.user.totpEnabledAt) throw new AppError('AUTH_TOTP_ALREADY_ENABLED');
  if (auth.session.stage !== 'active' && auth.session.stage !== 'mfa_enrolment_required') throw new AppError('FORBIDDEN');
  const secret = generateSecret();
  await repo.updateUser(deps.database.db, auth.user.id, { totpSecret: secret });
  const otpauthUri = generateURI({ issuer: '落实 Luoshi', label: auth.user.username, secret });
  return { secret, otpauthUri };
}

export async function confirmTotpEnrolment(deps: Deps, ctx: RequestContext, auth: SessionWithUser, code: string): Promise<SessionWithUser> {
  if (auth.user.totpEnabledAt) throw new AppError('AUTH_TOTP_ALREADY_ENABLED');
  if (!auth.user.totpSecret) throw new AppError('AUTH_TOTP_ENROLMENT_REQUIRED');
  const now = ctx.clock.now();
  const step = await acceptTotpCode(auth.user.totpSecret, code, now, null);
  if (step === null) throw fieldError('AUTH_TOTP_INVALID', 'code', 'wrong one-time code');
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, auth.user.id, { totpEnabledAt: now, totpLastStep: step, updatedAt: now });
    await audit(deps, tx, ctx, { eventType: 'auth.totp_enrolled', objectType: 'user', objectId: auth.user.id });
  });
  const subject = { ...subjectOf(auth.user), isTotpEnabled: true };
  const stage = auth.session.stage === 'active' ? 'active' : stageAfterSecondFactor(subject, now, deps.env.PASSWORD_MAX_AGE_DAYS);
  return advanceStage(deps, auth, stage, now);
}

/** Checks a new password against the policy; throws a 400 naming `field`. */
export function assertPasswordAcceptable(password: string, username: string, field: string): void {
  const violation = findPasswordViolation(password, username);
  if (violation) throw fieldError(violation.code, field, violation.code, violation.params);
}

export async function changePassword(
  deps: Deps,
  ctx: RequestContext,
  auth: SessionWithUser,
  input: { currentPassword: string; newPassword: string },
): Promise<SessionWithUser> {
  if (auth.session.stage !== 'active' && auth.session.stage !== 'password_change_required') throw new AppError('FORBIDDEN');
  if (!(await verifyPassword(auth.user.passwordHash, input.currentPassword))) {
    throw fieldError('AUTH_WRONG_CURRENT_PASSWORD', 'currentPassword', 'wrong current password');
  }
  if (input.currentPassword === input.newPassword) throw fieldError('PASSWORD_REUSED', 'newPassword', 'same as current');
  assertPasswordAcceptable(input.newPassword, auth.user.username, 'newPassword');
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.newPassword);
  await deps.database.db.transaction(async (tx) => {
    await repo.updateUser(tx, auth.user.id, { passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now });
    await audit(deps, tx, ctx, { eventType: 'auth.password_changed', objectType: 'user', objectId: auth.user.id });
  });
  return advanceStage(deps, auth, 'active', now);
}

export async function signOut(deps: Deps, ctx: RequestContext, auth: SessionWithUser): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, auth.session.id);
    await audit(deps, tx, ctx, { eventType: 'auth.signed_out', objectType: 'user', objectId: auth.user.id });
  });
}

export function presentSession(deps: Deps, auth: SessionWithUser): SessionBody {
  return {
    stage: auth.session.stage as SessionStage,
    csrfToken: auth.session.csrfToken,
    user: {
      id: auth.user.id,
      username: auth.user.username,
      displayName: auth.user.displayName,
      roles: auth.user.roles as SessionBody['user']['roles'],
      scopeUnitId: auth.user.scopeUnitId,
      scopeUnitName: auth.scopeUnitName,
      isTotpEnabled: auth.user.totpEnabledAt !== null,
      passwordExpiresAt: passwordExpiresAt(auth.user.passwordChangedAt, deps.env.PASSWORD_MAX_AGE_DAYS).toISOString(),
    },
    idleTimeoutSeconds: deps.env.SESSION_IDLE_MINUTES * 60,
    absoluteExpiresAt: auth.session.absoluteExpiresAt.toISOString(),
  };
}
