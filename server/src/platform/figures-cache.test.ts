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

  it('recomputes in the background one figure at a time, on the background runner', async () => {
    let now = 0;
    let notify = () => {};
    const log: string[] = [];
    const releases: (() => void)[] = [];
    const cache = new FiguresCache<string>(
      (_scope, listener) => {
        notify = listener;
        return Promise.resolve();
      },
      figuresCacheDefaults,
      () => now,
      { foreground: 'reader', background: (compute) => compute('background') },
    );
    /** A figure whose computation ends only when released, logging where it ran. */
    const read = (key: string) =>
      cache.get(key, '/p/', (handle) => {
        log.push(`${key} starts on ${handle}`);
        now += 100;
        return new Promise<string>((resolve) => releases.push(() => resolve(`${key}@${handle}`)));
      });

    const first = [read('counts'), read('cockpit')];
    releases.splice(0).forEach((release) => release());
    expect(await Promise.all(first)).toEqual(['counts@reader', 'cockpit@reader']);

    notify();
    now += figuresCacheDefaults.minRefreshMs;
    log.length = 0;
    expect(await read('counts')).toBe('counts@reader'); // kept figures while both recompute
    expect(await read('cockpit')).toBe('cockpit@reader');
    await settle();
    expect(log).toEqual(['counts starts on background']); // the second waits for the first
    releases.shift()?.();
    await settle();
    await settle();
    expect(log).toEqual(['counts starts on background', 'cockpit starts on background']);
    releases.shift()?.();
    await settle();
    await settle();
    expect(await read('counts')).toBe('counts@background');
    expect(await read('cockpit')).toBe('cockpit@background');
  });
});
