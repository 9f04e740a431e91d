/**
 * A demo that looks like a province (issue 13 item 9). The sign-in page's demo list: a server started with --demo
 * names its demo accounts by role with their password, and one of them signs in with it; a production server answers
 * `demo: false` with no account and no password, even when its database holds the very same demo accounts. And the
 * province-wide demo items: a few hundred over all 16 州市, the main departments and counties, each with a history,
 * seen by the 州市 and county demo accounts, seeded in seconds.
 */
import type { DemoModeBody, LedgerPage } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProvinceDemo, type ProvinceDemoSummary } from '../src/demo/province.demo.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed-demo.js';
import { seedBase } from '../src/modules/org/index.js';
import { systemContext } from '../src/platform/context.js';
import { authHeaders, signIn, startTestEnv, type TestEnv } from './harness.js';

let demo: TestEnv;
let production: TestEnv;
let province: ProvinceDemoSummary | null;
let provinceMs: number;

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
  const started = Date.now();
  province = await seedProvinceDemo(demo.deps, systemContext(demo.deps.clock, 'test'));
  provinceMs = Date.now() - started;
}, 180_000);
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
    const signedIn = await demo.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'km_ducha', password: body.password },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
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

describe('the province-wide demo items', () => {
  const count = async (query: string) => Number((await demo.ownerQuery(query))[0]?.n);

  it('puts a few hundred items over all 16 州市, the main departments and counties, in seconds', async () => {
    console.log(`province-wide demo: ${JSON.stringify(province)} in ${provinceMs} ms`);
    expect(province?.items).toBeGreaterThanOrEqual(300);
    expect(
      await count(
        "select count(distinct t.lead_unit_id) as n from tasks t join units u on u.id = t.lead_unit_id join divisions d on d.code = u.division_code where u.kind = 'government' and d.level = 'prefecture'",
      ),
    ).toBe(16);
    expect(
      await count(
        "select count(distinct t.lead_unit_id) as n from tasks t join units u on u.id = t.lead_unit_id where u.kind = 'department'",
      ),
    ).toBeGreaterThanOrEqual(15);
    expect(
      await count(
        "select count(distinct t.lead_unit_id) as n from tasks t join units u on u.id = t.lead_unit_id join divisions d on d.code = u.division_code where u.kind = 'government' and d.level = 'county'",
      ),
    ).toBeGreaterThanOrEqual(32);
    // Every stage, and every light among the running items.
    const statuses = (await demo.ownerQuery('select distinct status from tasks')).map((r) => String(r.status));
    expect(statuses).toEqual(expect.arrayContaining(['draft', 'assigned', 'in_progress', 'completion_requested', 'completed', 'archived']));
    const lights = (await demo.ownerQuery("select distinct warning_level from tasks where status = 'in_progress'")).map((r) =>
      Number(r.warning_level),
    );
    expect(lights.sort()).toEqual([0, 1, 2]);
  });

  it('gives the items a history: reports (one returned and corrected), a 催办, an approved 延期, a 退回重办, reminders', async () => {
    for (const type of [
      'report_submitted',
      'report_returned',
      'urge',
      'extension_approved',
      'send_back',
      'approve_completion',
      'reminded',
      'escalated',
    ]) {
      expect(await count(`select count(*) as n from task_events where type = '${type}'`), type).toBeGreaterThan(0);
    }
    expect(await count('select count(*) as n from progress_reports where corrects_report_id is not null')).toBeGreaterThan(0);
    expect(await count("select count(*) as n from extension_requests where status = 'approved'")).toBeGreaterThan(0);
    // An extended item keeps its original deadline and runs to the new one.
    expect(await count('select count(*) as n from tasks where original_deadline < deadline')).toBeGreaterThan(0);
    // The sweep's steps are recorded as taken, so the first sweep of a demo start does not announce weeks of them.
    expect(await count('select count(*) as n from task_escalations')).toBeGreaterThan(0);
    // Each report is filed by an account of the unit that leads the item.
    expect(
      await count(
        'select count(*) as n from progress_reports r join tasks t on t.id = r.task_id join users u on u.id = r.reporter_user_id where u.scope_unit_id <> t.lead_unit_id',
      ),
    ).toBe(0);
  });

  it('gives the 州市 and county demo accounts items of their own', async () => {
    for (const username of ['km_ducha', 'km_cb', 'dali_ducha', 'dali_cb', 'dalishi']) {
      const session = await signIn(demo, { id: '', username, password: DEMO_PASSWORD });
      const res = await demo.app.inject({ method: 'GET', url: '/api/ledger', headers: authHeaders(session) });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<LedgerPage>();
      expect(page.counts.total, username).toBeGreaterThanOrEqual(3);
      if (username === 'dalishi') expect(new Set(page.items.map((i) => i.leadUnitName))).toEqual(new Set(['大理市人民政府']));
    }
  });
});
