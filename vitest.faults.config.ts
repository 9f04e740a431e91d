import { defineConfig } from 'vitest/config';

/**
 * The fault suite (issue 14 item 2; F1–F14 in docs/OPERATIONS.md): the real CLI killed, its database stopped and its
 * connections cut. `npm run test:faults` runs every fault at full length (`FAULTS=full`) on PostgreSQL; the default
 * suite (vitest.config.ts) runs each in its short form. One file at a time: the faults time what they break.
 */
if (!process.env.TEST_DATABASE_URL) {
  throw new Error('The fault suite runs on PostgreSQL: set TEST_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/postgres).');
}

export default defineConfig({
  test: {
    include: ['server/faults/**/*.fault.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
