/**
 * Pure rules of delivery timing: retry back-off, quiet hours and the daily digest slot, all in Asia/Shanghai
 * (UTC+8 all year, no daylight saving), so the worker and the tests agree on every instant.
 */
import type { QuietHours } from '@luoshi/contracts';

/** After this many failed attempts a delivery is given up (dead) until an administrator retries it. */
export const MAX_ATTEMPTS = 6;

/** A delivery left in `sending` this long was abandoned by a crashed worker and is claimed again. */
export const SENDING_LEASE_MS = 10 * 60_000;

/** When a channel is not configured (no SMTP server, no SMS gateway), look again this much later. */
export const UNCONFIGURED_RECHECK_MS = 15 * 60_000;

/** The daily digest goes out at 08:30 Shanghai time, after a typical night's quiet hours. */
export const DIGEST_TIME = '08:30';

/** Defaults for a user who never chose: in-app only, one digest a day, quiet 22:00–07:30. */
export const DEFAULT_QUIET_HOURS: QuietHours = { from: '22:00', to: '07:30' };

const SHANGHAI_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;

/** Minutes to wait after the n-th failed attempt (n ≥ 1): 1, 5, 25, 125, 625. */
export function backoffMinutes(attempts: number): number {
  return 5 ** Math.max(0, attempts - 1);
}

/** The delivery's state after a failed attempt: retry later, or give up after MAX_ATTEMPTS. */
export function afterFailure(attempts: number, now: Date): { status: 'failed' | 'dead'; nextAttemptAt: Date } {
  if (attempts >= MAX_ATTEMPTS) return { status: 'dead', nextAttemptAt: now };
  return { status: 'failed', nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60_000) };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes since Shanghai midnight, and the UTC instant of that midnight. */
function shanghaiDay(now: Date): { minute: number; midnightMs: number } {
  const localMs = now.getTime() + SHANGHAI_OFFSET_MIN * 60_000;
  const minute = Math.floor(localMs / 60_000) % DAY_MIN;
  const midnightMs = now.getTime() - (localMs % (DAY_MIN * 60_000));
  return { minute, midnightMs };
}

/** The next instant (now or later) the Shanghai clock shows `hhmm`. */
export function nextShanghaiTime(now: Date, hhmm: string): Date {
  const { midnightMs } = shanghaiDay(now);
  let at = midnightMs + minutesOf(hhmm) * 60_000;
  if (at < now.getTime()) at += DAY_MIN * 60_000;
  return new Date(at);
}

/** Whether `now` lies in the quiet period (which may run over midnight, e.g. 22:00–07:30). */
export function isQuiet(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const { minute } = shanghaiDay(now);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** When an e-mail or SMS may go: now, or the end of the quiet period. */
export function sendableAt(quiet: QuietHours | null, now: Date): Date {
  return isQuiet(quiet, now) ? nextShanghaiTime(now, quiet!.to) : now;
}

/** Whether the URL's host is on WEBHOOK_ALLOWED_HOSTS (`*.x.cn` matches subdomains of x.cn). */
export function hostAllowed(url: string, allowed: readonly string[]): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return allowed.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
}
