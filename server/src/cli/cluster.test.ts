/**
 * How many server processes `serve` starts, and each one's share of the limits counted in memory (cli/cluster.ts).
 * The processes themselves are tested end to end in server/test/two-servers.pg.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../platform/env.js';
import { WorkerCountError, embeddedRefusal, workerCount, workerShare } from './cluster.js';

describe('workerCount', () => {
  it('is 1 unless asked; --workers wins over LUOSHI_WORKERS', () => {
    expect(workerCount(undefined, undefined)).toBe(1);
    expect(workerCount(undefined, '')).toBe(1);
    expect(workerCount(undefined, '3')).toBe(3);
    expect(workerCount('2', '3')).toBe(2);
    expect(workerCount('1', '4')).toBe(1);
  });

  it('refuses what is not a whole number from 1 to 32, naming where it came from', () => {
    for (const bad of ['0', '-1', '1.5', 'two', '33']) {
      expect(() => workerCount(bad, undefined)).toThrow(WorkerCountError);
      expect(() => workerCount(bad, undefined)).toThrow(`--workers must be a whole number from 1 to 32 (got "${bad}")`);
    }
    expect(() => workerCount(undefined, 'x')).toThrow('LUOSHI_WORKERS 须为 1 到 32 的整数');
  });

  it('says in both languages why the embedded database takes one process', () => {
    expect(embeddedRefusal(2)).toMatch(/^多个服务进程（--workers 2）需要 PostgreSQL/);
    expect(embeddedRefusal(2)).toContain('More than one server process (--workers 2) needs PostgreSQL (set DATABASE_URL)');
  });
});

describe('workerShare', () => {
  const config = loadEnv({ SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE: '60', SIGN_IN_RATE_PER_MINUTE: '600', MAX_IN_FLIGHT_REQUESTS: '64' });

  it('leaves one process as configured', () => {
    expect(workerShare(config, 1)).toBe(config);
  });

  it('divides the in-memory sign-in limits so that N processes together never allow more than one did', () => {
    for (const n of [2, 3, 7]) {
      const share = workerShare(config, n);
      expect(share.SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE * n).toBeLessThanOrEqual(60);
      expect(share.SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE).toBe(Math.floor(60 / n));
      expect(share.SIGN_IN_RATE_PER_MINUTE * n).toBeLessThanOrEqual(600);
      // Each process bounds the wait for its own database pool: not divided.
      expect(share.MAX_IN_FLIGHT_REQUESTS).toBe(64);
      expect(share.LOCKOUT_THRESHOLD).toBe(config.LOCKOUT_THRESHOLD);
    }
    expect(workerShare(loadEnv({ SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE: '3' }), 8).SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE).toBe(1);
  });
});
