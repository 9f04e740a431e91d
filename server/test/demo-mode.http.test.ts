/**
 * The sign-in page's demo list (issue 13 item 9): a server started with --demo names its demo accounts by role with
 * their password, and one of them signs in with it; a production server answers `demo: false` with no account and no
 * password, even when its database holds the very same demo accounts.
 */
import type { DemoModeBody } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed-demo.js';
import { seedBase } from '../src/modules/org/index.js';
import { systemContext } from '../src/platform/context.js';
import { startTestEnv, type TestEnv } from './harness.js';

let demo: TestEnv;
let production: TestEnv;

/** The organisation and the demo people and accounts (not the demo items: this test needs only the accounts). */
async function seedAccounts(env: TestEnv): Promise<void> {
  const ctx = systemContext(env.deps.clock, 'test');
  await seedBase(env.deps, ctx);
  await seedDemo(env.deps, ctx);
}

beforeAll(async () => {
  demo = await startTestEnv({ LUOSHI_MODE: 'demo' });
  production = await startTestEnv({ LUOSHI_MODE: 'production' });
  await seedAccounts(demo);
  await seedAccounts(production);
}, 120_000);
afterAll(async () => {
  await demo.close();
  await production.close();
});

describe('GET /api/demo-mode', () => {
  it('in demo mode lists the demo accounts by role, with the password that signs them in', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/api/demo-mode' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<DemoModeBody>();
    expect(body.demo).toBe(true);
    expect(body.password).toBe(DEMO_PASSWORD);
    const byName = new Map(body.accounts.map((a) => [a.username, a]));
    expect(byName.get('jyt')).toMatchObject({ roles: ['unit_handler'], unitName: '云南省教育厅' });
    expect(byName.get('km_ducha')).toMatchObject({ roles: ['supervisor'], unitName: '昆明市人民政府' });
    expect(byName.get('leader')?.roles).toEqual(['government_leader']);
    expect(byName.get('secadmin')?.roles).toEqual(['security_admin']);
    // Every listed account really signs in with the listed password (first step; administrators then ask for TOTP).
    const signIn = await demo.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'km_ducha', password: body.password },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
  });

  it('in production says no demo and names no account, even with demo accounts in the database', async () => {
    const [row] = await production.ownerQuery('select count(*)::int as n from users where is_demo');
    expect(Number(row?.n)).toBeGreaterThan(5);
    const res = await production.app.inject({ method: 'GET', url: '/api/demo-mode' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DemoModeBody>()).toEqual({ demo: false, password: null, accounts: [] });
    expect(res.body).not.toContain('jyt');
    expect(res.body).not.toContain(DEMO_PASSWORD);
  });
});
