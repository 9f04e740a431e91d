/**
 * Browser end-to-end tests: Playwright drives Debian's Chromium against the real product (API + built SPA) started
 * in demo mode on a fresh embedded database. Build the SPA first (`npm run build:web`, or `npm run test:e2e`).
 */
import { defineConfig } from '@playwright/test';

const port = 4318;
const dataDir = '../data/e2e';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // A fresh data directory each run, so the demo seed (and the audit log) start from scratch.
    command: `rm -rf ${dataDir} && DATA_DIR=${dataDir} node ../bin/luoshi.js serve --demo --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
