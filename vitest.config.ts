import { defineConfig } from 'vitest/config';

/**
 * Unit and HTTP integration tests (no browser). Each test file gets its own database: PGlite in memory, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set. Playwright journeys live in e2e/ and are not collected here.
 */
export default defineConfig({
  test: {
    include: [
      'server/src/**/*.test.ts',
      'server/test/**/*.test.ts',
      'contracts/src/**/*.test.ts',
      'web/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
      // The fault suite's short forms (PostgreSQL only; `npm run test:faults` runs them at full length).
      'server/faults/**/*.fault.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
