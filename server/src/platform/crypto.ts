/**
 * The crypto provider: hashing and random tokens behind one interface, so a certified 国密 device or KMS can
 * replace the software implementation (密评 GB/T 39786). Node's OpenSSL provides SHA-256 and SM3.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type HashAlgorithm = 'sha256' | 'sm3';

export function digestHex(alg: HashAlgorithm, data: string): string {
  return createHash(alg).update(data, 'utf8').digest('hex');
}

/** 256 bits from the CSPRNG, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * JSON with object keys sorted at every depth, so a value hashes the same after a round trip through jsonb
 * (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
