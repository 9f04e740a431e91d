/**
 * Idempotency keys for writes that must happen once (登记, 交办 …). One key belongs to one submission: a double click
 * or a retry after a lost answer sends the same body with the same key, so the server replays its first answer
 * instead of creating a second item. A changed body is a new submission and gets a new key (reusing a key with a
 * different body is refused with IDEMPOTENCY_KEY_REUSED).
 */

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); an intranet deployment on
 * plain HTTP still has `crypto.getRandomValues`, so the key is built from that there.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Hands out keys per submission; `reset()` starts a fresh one (after success, or when the server refused the key). */
export type IdempotencyKeeper = { keyFor: (body: unknown) => string; reset: () => void };

/** A keeper that returns the previous key while the body stays the same, and a new key once it changes. */
export function createIdempotencyKeeper(generate: () => string = newIdempotencyKey): IdempotencyKeeper {
  let last: { key: string; body: string } | null = null;
  return {
    keyFor(body) {
      const serialised = JSON.stringify(body) ?? '';
      if (last?.body !== serialised) {
        last = { key: generate(), body: serialised };
      }
      return last.key;
    },
    reset() {
      last = null;
    },
  };
}
