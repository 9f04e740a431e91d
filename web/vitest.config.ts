/**
 * Unit tests of the SPA's non-visual logic (API client, error mapping, navigation, password checks) and of the
 * build's page weight check, in Node.
 * Run with `npx vitest run --config web/vitest.config.ts`; the root config collects server and contracts only.
 */
import { defineConfig } from 'vitest/config';

// vitest loads its config through the default export.
export default defineConfig({
  test: { root: new URL('.', import.meta.url).pathname, include: ['src/**/*.test.ts', 'js-weight.test.ts'], environment: 'node' },
});
