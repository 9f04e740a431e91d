/**
 * Pure sign-in and session rules: which step a session is at, when it expires, when an account is locked.
 * No I/O here, so every boundary is unit-tested with plain dates.
 */
import { requiresTwoFactor, type Role, type SessionStage } from '@luoshi/contracts';

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SignInSubject {
  roles: Role[];
  isTotpEnabled: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
}

/** Canonical login key: NFKC (full-width → ASCII) and lower case. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

export function passwordExpiresAt(passwordChangedAt: Date, maxAgeDays: number): Date {
  return new Date(passwordChangedAt.getTime() + maxAgeDays * 86_400_000);
}

export function isPasswordExpired(subject: SignInSubject, now: Date, maxAgeDays: number): boolean {
  return passwordExpiresAt(subject.passwordChangedAt, maxAgeDays) <= now;
}

/**
 * The step after a correct password: the second factor first (before anything else is revealed), then TOTP
 * enrolment for administrators who have none, then a forced password change, then full access.
 */
export function stageAfterPassword(subject: SignInSubject, now: Date, maxAgeDays: number): SessionStage {
  if (subject.isTotpEnabled) return 'mfa_required';
  return stageAfterSecondFactor(subject, now, maxAgeDays);
}

export function stageAfterSecondFactor(subject: SignInSubject, now: Date, maxAgeDays: number): SessionStage {
  if (!subject.isTotpEnabled && requiresTwoFactor(subject.roles)) return 'mfa_enrolment_required';
  if (subject.mustChangePassword || isPasswordExpired(subject, now, maxAgeDays)) return 'password_change_required';
  return 'active';
}

export interface SessionTimes {
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

export function isSessionExpired(session: SessionTimes, now: Date, limits: SessionLimits): boolean {
  return now >= session.absoluteExpiresAt || now.getTime() - session.lastSeenAt.getTime() >= limits.idleMinutes * 60_000;
}

export interface ThrottleState {
  failureCount: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(throttle: ThrottleState | null, now: Date): boolean {
  return !!throttle?.lockedUntil && throttle.lockedUntil > now;
}

/**
 * The throttle after one more failure. Failures older than the lockout window are forgotten; reaching the
 * threshold locks the login key for the lockout period.
 */
export function afterFailure(throttle: ThrottleState | null, now: Date, threshold: number, lockoutMinutes: number): ThrottleState {
  const windowMs = lockoutMinutes * 60_000;
  const recent =
    throttle && now.getTime() - throttle.lastFailureAt.getTime() < windowMs && !throttle.lockedUntil ? throttle.failureCount : 0;
  const failureCount = recent + 1;
  return {
    failureCount,
    lastFailureAt: now,
    lockedUntil: failureCount >= threshold ? new Date(now.getTime() + windowMs) : null,
  };
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
