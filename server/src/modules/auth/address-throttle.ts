/**
 * Sign-in throttling by network address, shaped for government networks.
 *
 * Whole counties reach the server from one address (政务外网 NAT, a reverse proxy), so the address is a poor key
 * for "who is trying": at 08:30 hundreds of people sign in from it at once. Therefore:
 * - the account is the first key: the lockout after `LOCKOUT_THRESHOLD` failures per normalised login
 *   (auth.service.ts `signIn`, 等保 8.1.4.1 b);
 * - the address is counted only for **failed** sign-ins and second-factor codes — a county signing in correctly
 *   costs nothing — and an address with more than `SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE` failures in the current
 *   minute is answered 429 RATE_LIMITED with Retry-After until the minute is over. That stops a password spray
 *   (one wrong password over many accounts, which the per-account lockout never sees) while a county's typos at
 *   08:30 stay far below the limit;
 * - every sign-in request, right or wrong, is still capped per address by `SIGN_IN_RATE_PER_MINUTE` (a flood
 *   guard set high enough for a county's rush; @fastify/rate-limit on the routes).
 *
 * The address is `request.ip`: the peer, or the client named in X-Forwarded-For when the peer is one of
 * `TRUSTED_PROXIES` (Fastify `trustProxy`), so a forged header from anyone else changes nothing.
 *
 * Counts live in this process's memory (a restart forgets them; several processes each count their own share):
 * enough to slow a spray, and no database write on the sign-in path.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';

const WINDOW_MS = 60_000;
/** Above this many remembered addresses, finished windows are dropped (bounds memory under a spray from many addresses). */
const PRUNE_ABOVE = 10_000;

/** Routes whose failures count against the address, with the statuses that mean "wrong secret". */
const guarded: Record<string, ReadonlySet<number>> = {
  '/api/auth/sign-in': new Set([401, 423]),
  '/api/auth/totp': new Set([400]),
};

interface Window {
  startedAt: number;
  failures: number;
}

/** Failures per address in fixed one-minute windows. Pure bookkeeping; the clock is passed in. */
export class AddressFailureCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly maxFailuresPerMinute: number) {}

  /** Seconds until the address may try again, or 0 when it may try now. */
  retryAfterSeconds(address: string, now: number): number {
    const window = this.current(address, now);
    if (!window || window.failures < this.maxFailuresPerMinute) return 0;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
  }

  recordFailure(address: string, now: number): void {
    const window = this.current(address, now);
    if (window) window.failures++;
    else {
      if (this.windows.size >= PRUNE_ABOVE) this.prune(now);
      this.windows.set(address, { startedAt: now, failures: 1 });
    }
  }

  private current(address: string, now: number): Window | null {
    const window = this.windows.get(address);
    return window && now - window.startedAt < WINDOW_MS ? window : null;
  }

  private prune(now: number): void {
    for (const [address, window] of this.windows) if (now - window.startedAt >= WINDOW_MS) this.windows.delete(address);
  }
}

function guardedStatuses(request: FastifyRequest): ReadonlySet<number> | undefined {
  return request.method === 'POST' ? guarded[request.routeOptions.url ?? ''] : undefined;
}

/**
 * Adds the address throttle to the sign-in and second-factor routes: a request hook that refuses an address over
 * its failure budget before any database work, and a response hook that counts failures.
 */
export function registerSignInAddressThrottle(app: FastifyInstance, options: { maxFailuresPerMinute: number; clock: Clock }): void {
  const counter = new AddressFailureCounter(options.maxFailuresPerMinute);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!guardedStatuses(request)) return;
    const retryAfter = counter.retryAfterSeconds(request.ip, options.clock.now().getTime());
    if (retryAfter === 0) return;
    request.log.warn({ ip: request.ip }, 'sign-in refused: too many failures from this address');
    void reply.header('retry-after', String(retryAfter));
    throw new AppError('RATE_LIMITED', { retryAfter });
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (guardedStatuses(request)?.has(reply.statusCode)) counter.recordFailure(request.ip, options.clock.now().getTime());
  });
}
