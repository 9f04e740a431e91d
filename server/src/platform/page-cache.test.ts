import { describe, expect, it } from 'vitest';
import { PageCache } from './page-cache.js';

/** A cache on a hand-moved clock whose answer is the current data version, with a switch for its listener. */
function setup(options = { maxEntries: 10, maxAgeMs: 60_000 }) {
  let now = 0;
  let data = 0;
  let computations = 0;
  let confirmListener: () => void = () => {};
  const listeners = new Map<string, () => void>();
  const cache = new PageCache(
    (scopePath, onChange) => {
      listeners.set(scopePath, onChange);
      return new Promise<void>((resolve) => {
        confirmListener = resolve;
      });
    },
    options,
    () => now,
  );
  const read = (scope = '/p/', key = 'page1', during?: () => void) =>
    cache.get(scope, key, () => {
      computations++;
      const answer = `v${data}`;
      during?.();
      return Promise.resolve(answer);
    });
  return {
    cache,
    read,
    async listen() {
      confirmListener();
      await Promise.resolve();
    },
    change(scope = '/p/') {
      data++;
      listeners.get(scope)?.();
    },
    advance(ms: number) {
      now += ms;
    },
    computations: () => computations,
  };
}

describe('page cache', () => {
  it('sends the kept answer until an item in the scope changes, then the new one', async () => {
    const f = setup();
    expect(await f.read()).toBe('v0'); // listener not confirmed yet: not kept
    await f.listen();
    expect(await f.read()).toBe('v0');
    expect(await f.read()).toBe('v0');
    expect(f.computations()).toBe(2);
    f.change();
    expect(await f.read()).toBe('v1');
    expect(await f.read()).toBe('v1');
    expect(f.computations()).toBe(3);
  });

  it('keeps scopes apart: a change in one leaves the other’s answers', async () => {
    const f = setup();
    await f.read('/p/a/');
    await f.listen();
    await f.read('/p/b/');
    await f.listen();
    await f.read('/p/a/');
    await f.read('/p/b/');
    const before = f.computations();
    f.change('/p/a/');
    expect(await f.read('/p/b/')).toBe('v0');
    expect(await f.read('/p/a/')).toBe('v1');
    expect(f.computations()).toBe(before + 1);
  });

  it('hands out but does not keep an answer computed while a change came in', async () => {
    const f = setup();
    await f.read();
    await f.listen();
    expect(await f.read(undefined, undefined, () => f.change())).toBe('v0');
    expect(await f.read()).toBe('v1');
    expect(f.computations()).toBe(3);
  });

  it('never sends an answer older than maxAgeMs (a notification lost while the listener was down)', async () => {
    const f = setup();
    await f.read();
    await f.listen();
    await f.read();
    f.advance(59_000);
    expect(await f.read()).toBe('v0');
    f.advance(2_000);
    await f.read();
    expect(f.computations()).toBe(3);
  });

  it('forgets the least recently used answer beyond maxEntries, and computes everything when off', async () => {
    const f = setup({ maxEntries: 2, maxAgeMs: 60_000 });
    await f.read(undefined, 'a');
    await f.listen();
    await f.read(undefined, 'a');
    await f.read(undefined, 'b');
    await f.read(undefined, 'a'); // hit: a becomes the most recent
    await f.read(undefined, 'c'); // b goes
    expect(f.cache.size).toBe(2);
    const before = f.computations();
    await f.read(undefined, 'a');
    await f.read(undefined, 'b');
    expect(f.computations()).toBe(before + 1);

    const off = setup({ maxEntries: 0, maxAgeMs: 60_000 });
    await off.read();
    await off.listen();
    await off.read();
    await off.read();
    expect(off.computations()).toBe(3);
  });
});
