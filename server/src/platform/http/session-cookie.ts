import type { Env } from '../env.js';

/** `__Host-` prefixed (and so Secure, path=/, no Domain) whenever the product is served over TLS. */
export function sessionCookieName(env: Env): string {
  return env.COOKIE_SECURE ? '__Host-luoshi_sid' : 'luoshi_sid';
}
