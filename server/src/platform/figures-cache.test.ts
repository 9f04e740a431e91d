import { describe, expect, it } from 'vitest';
import { FiguresCache, figuresCacheDefaults } from './figures-cache.js';

/** A cache on a hand-moved clock, with a figure whose computation takes `costMs` and returns the current count. */
function setup(costMs: number, options = figuresCacheDefaults) {
  let now = 0;
  let count = 0;
  let computations = 0;
  const onChange = new Map<string, () => void>();
  const cache = new FiguresCache(
    (scopePath, listener) => {
      onChange.set(scopePath, listener);
      return Promise.resolve();
    },
    options,
    () => now,
  );
  const read = () =>
    cache.get('counts', '/p/', () => {
      computations++;
      now += costMs;
      return Promise.resolve(count);
    });
  return {
    read,
    change(to: number) {
      count = to;
      onChange.get('/p/')?.();
    },
    /** The data changes but no notification comes (the listening connection was down). */
    changeUnheard(to: number) {
      count = to;
    },
    advance(ms: number) {
      now += ms;
    },
    computations: () => computations,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('figures cache', () => {
  it('computes a cheap figure on every read, so it is always exact', async () => {
    const f = setup(5);
    expect(await f.read()).toBe(0);
    f.change(1);
    expect(await f.read()).toBe(1);
    expect(await f.read()).toBe(1);
    expect(f.computations()).toBe(3);
  });

  it('keeps an expensive figure until its scope changes, then serves it while recomputing in the background', async () => {
    const f = setup(800);
    expect(await f.read()).toBe(0);
    expect(await f.read()).toBe(0);
    expect(f.computations()).toBe(1);

    f.change(7);
    f.advance(figuresCacheDefaults.minRefreshMs);
    expect(await f.read()).toBe(0); // the kept figure; the recomputation has started
    await settle();
    expect(await f.read()).toBe(7);
    expect(f.computations()).toBe(2);
  });

  it('computes a figure once for readers that ask at the same time', async () => {
    const f = setup(800);
    expect(await Promise.all([f.read(), f.read(), f.read()])).toEqual([0, 0, 0]);
    expect(f.computations()).toBe(1);
  });

  it('when off (keepFromMs 0), computes every figure for every reader', async () => {
    const f = setup(800, { ...figuresCacheDefaults, keepFromMs: 0 });
    await Promise.all([f.read(), f.read()]);
    await f.read();
    expect(f.computations()).toBe(3);
  });

  it('recomputes a busy scope at most once per minRefreshMs, and never serves a figure older than maxAgeMs', async () => {
    const f = setup(800);
    await f.read();
    f.change(1);
    f.advance(1_000);
    expect(await f.read()).toBe(0);
    await settle();
    expect(f.computations()).toBe(1);

    f.advance(figuresCacheDefaults.minRefreshMs);
    await f.read();
    await settle();
    expect(await f.read()).toBe(1);
    expect(f.computations()).toBe(2);

    f.changeUnheard(2);
    f.advance(figuresCacheDefaults.maxAgeMs - 1_000);
    expect(await f.read()).toBe(1);
    f.advance(2_000);
    expect(await f.read()).toBe(1);
    await settle();
    expect(await f.read()).toBe(2);
    expect(f.computations()).toBe(3);
  });
});
