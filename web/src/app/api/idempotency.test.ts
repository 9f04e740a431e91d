import { describe, expect, it, vi } from 'vitest';
import { createIdempotencyKeeper, newIdempotencyKey } from './idempotency';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newIdempotencyKey', () => {
  it('is a v4 UUID', () => {
    expect(newIdempotencyKey()).toMatch(uuidV4);
  });
  it('falls back to getRandomValues outside a secure context', () => {
    const realCrypto = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array<ArrayBuffer>) => realCrypto.getRandomValues(array) });
    try {
      const key = newIdempotencyKey();
      expect(key).toMatch(uuidV4);
      expect(newIdempotencyKey()).not.toBe(key);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('createIdempotencyKeeper', () => {
  it('reuses the key for a retry of the same body and renews it when the body changes or after reset', () => {
    let n = 0;
    const keeper = createIdempotencyKeeper(() => `k${++n}`);
    expect(keeper.keyFor({ title: 'a' })).toBe('k1');
    expect(keeper.keyFor({ title: 'a' })).toBe('k1');
    expect(keeper.keyFor({ title: 'b' })).toBe('k2');
    keeper.reset();
    expect(keeper.keyFor({ title: 'b' })).toBe('k3');
  });
});
