/** Delivery timing rules: back-off steps, quiet hours over midnight in Shanghai time, the next 08:30. */
import { describe, expect, it } from 'vitest';
import { afterFailure, backoffMinutes, isQuiet, MAX_ATTEMPTS, nextShanghaiTime, sendableAt } from './notifications.rules.js';

const at = (iso: string) => new Date(iso);

describe('back-off', () => {
  it('waits 1, 5, 25, 125, 625 minutes and gives up after the sixth attempt', () => {
    expect([1, 2, 3, 4, 5].map(backoffMinutes)).toEqual([1, 5, 25, 125, 625]);
    const now = at('2026-03-02T01:00:00Z');
    expect(afterFailure(1, now)).toEqual({ status: 'failed', nextAttemptAt: at('2026-03-02T01:01:00Z') });
    expect(afterFailure(MAX_ATTEMPTS, now).status).toBe('dead');
  });
});

describe('quiet hours (Asia/Shanghai)', () => {
  const night = { from: '22:00', to: '07:30' };
  it('span midnight: 23:00 and 07:29 are quiet, 07:30 and 21:59 are not', () => {
    expect(isQuiet(night, at('2026-03-02T15:00:00Z'))).toBe(true); // 23:00
    expect(isQuiet(night, at('2026-03-02T23:29:00Z'))).toBe(true); // 07:29
    expect(isQuiet(night, at('2026-03-02T23:30:00Z'))).toBe(false); // 07:30
    expect(isQuiet(night, at('2026-03-02T13:59:00Z'))).toBe(false); // 21:59
    expect(isQuiet(null, at('2026-03-02T15:00:00Z'))).toBe(false);
  });
  it('a daytime quiet period works too, and a message waits until it ends', () => {
    const lunch = { from: '12:00', to: '14:00' };
    expect(isQuiet(lunch, at('2026-03-02T04:30:00Z'))).toBe(true); // 12:30
    expect(sendableAt(lunch, at('2026-03-02T04:30:00Z'))).toEqual(at('2026-03-02T06:00:00Z'));
    expect(sendableAt(night, at('2026-03-02T15:00:00Z'))).toEqual(at('2026-03-02T23:30:00Z'));
    expect(sendableAt(night, at('2026-03-02T03:00:00Z'))).toEqual(at('2026-03-02T03:00:00Z'));
  });
  it('finds the next 08:30 today or tomorrow', () => {
    expect(nextShanghaiTime(at('2026-03-02T00:00:00Z'), '08:30')).toEqual(at('2026-03-02T00:30:00Z'));
    expect(nextShanghaiTime(at('2026-03-02T02:00:00Z'), '08:30')).toEqual(at('2026-03-03T00:30:00Z'));
    expect(nextShanghaiTime(at('2026-03-01T17:00:00Z'), '08:30')).toEqual(at('2026-03-02T00:30:00Z')); // 01:00 local
  });
});
