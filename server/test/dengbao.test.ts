/**
 * 等保 2.0 level 3 (GB/T 22239-2019 §8.1.4) checks S1–S19 (../shared/reference/perf_rel_sec.md §3.1), as far as a
 * program can check them. Many are checked by tests elsewhere: `checkedElsewhere` names them, and the first test
 * fails when one of them is renamed or removed, so the mapping in docs/SECURITY.md cannot silently go stale. The
 * rest are checked here. What only an operator can check is listed in docs/SECURITY.md.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminRoles, requiresTwoFactor, roleValues } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEnginesExclusions } from '../scripts/check-engines.js';
import { findPasswordViolation } from '../src/modules/auth/password-policy.rules.js';
import { maskPhone } from '../src/platform/personal-data.js';
import { createAccount } from '../src/modules/users/users.service.js';
import { runMaintenance } from '../src/jobs/maintenance.js';
import { systemContext } from '../src/platform/context.js';
import { loadEnv } from '../src/platform/env.js';
import { securityHeaders } from '../src/platform/http/security-headers.js';
import { sessionCookieName } from '../src/platform/http/session-cookie.js';
import { systemScope } from '../src/platform/scope.js';
import {
  authHeaders,
  createTree,
  createUser,
  signIn,
  startTestEnv,
  TEST_PASSWORD,
  testEnvConfig,
  type Session,
  type TestEnv,
} from './harness.js';

const testDir = dirname(fileURLToPath(import.meta.url));

/** S-number → tests in other files that check it (file in server/test, exact test name). */
const checkedElsewhere: Record<string, [file: string, test: string][]> = {
  S1: [
    ['auth.http.test.ts', 'forces a password change first, and refuses a weak password naming the rule'],
    ['auth.http.test.ts', 'forces a change when the password is older than 90 days'],
  ],
  S2: [
    ['auth.http.test.ts', 'gives a wrong password and an unknown user exactly the same answer'],
    ['auth.http.test.ts', 'locks after 5 failures for 15 minutes — known and unknown names alike — even for the right password'],
    ['auth.http.test.ts', 'expires after 30 idle minutes but not while used'],
    ['auth.http.test.ts', 'expires 12 hours after sign-in however active'],
    ['auth.http.test.ts', 'sign-out kills the session server-side: replaying the cookie gets 401'],
    ['throttle.http.test.ts', 'slows one address spraying wrong passwords over many accounts with 429 RATE_LIMITED and Retry-After'],
  ],
  S3: [['security.http.test.ts', 'sends security headers on API responses, errors and /api/health']],
  S4: [['auth.http.test.ts', 'requires administrators to enrol TOTP before anything else, then to use it']],
  S5: [
    ['seed-backup.test.ts', 'refuses a production start while demo accounts exist'],
    ['auth.http.test.ts', 'disabling an account by the security administrator kills its sessions at once'],
  ],
  S6: [
    ['audit.test.ts', '三员分立: only the audit administrator reads the log, and it can change nothing'],
    ['audit.test.ts', 'refuses an account that would hold two of the three administrator roles'],
  ],
  S7: [
    ['route-inventory.test.ts', 'every non-public route answers 401 UNAUTHENTICATED without a session'],
    ['org.http.test.ts', 'a county administrator cannot write outside the county: 404 and nothing written'],
  ],
  S8: [
    ['audit.test.ts', 'records who did what with before/after, and the chain verifies'],
    ['org.http.test.ts', 'a root system administrator creates a department under the root, audited in the same write'],
  ],
  S10: [
    ['audit.test.ts', 'refuses UPDATE and DELETE from the application, and leaves the row unchanged'],
    ['audit.test.ts', 'runs as a role without UPDATE/DELETE rights on the log'],
    ['audit.test.ts', 'detects a deleted event in the middle of a chain and at its end'],
  ],
  S12: [
    ['maintenance.test.ts', 'purges audit events older than the retention period and the chains still verify'],
    ['maintenance.test.ts', 'refuses to purge anything younger than 180 days, even when asked directly'],
    ['cli.test.ts', 'refuses a retention under 180 days before touching the database'],
  ],
  S13: [
    ['route-inventory.test.ts', 'every API route declares a 2xx response schema'],
    ['security.http.test.ts', 'refuses an unknown field in a strict body with 400 VALIDATION_FAILED naming fields'],
    ['security.http.test.ts', 'answers malformed JSON with 400 MALFORMED_JSON'],
  ],
  S15: [['audit.test.ts', 'names the altered event when a row is changed directly in the database']],
  S17: [
    ['seed-backup.test.ts', 'reproduces every row in an empty database, and the audit log still verifies'],
    ['cli.test.ts', 'backs up and restores into an empty database, reproducing every row'],
  ],
};

/**
 * Installed packages whose `engines.node` excludes Node 20.19 today (S14). They run on Node 20 (the whole suite
 * does), but may stop at any update. The list may only shrink: a new entry fails, and so does one that is gone.
 */
const knownEnginesExclusions = [
  'content-disposition', // @fastify/static ≥ 10.1.4
  'cookie', // @fastify/cookie ≥ 11.1.1, light-my-request ≥ 6.8
  'nanoid', // docx ≥ 9.9 (nanoid 6)
];

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('等保 2.0 level 3, S1–S19', () => {
  it('S-map: every test named as checking an S-number still exists under that name', () => {
    for (const [id, tests] of Object.entries(checkedElsewhere)) {
      for (const [file, name] of tests) {
        const source = readFileSync(join(testDir, file), 'utf8');
        expect(source.includes(`'${name}'`), `${id}: ${file} › ${name}`).toBe(true);
      }
    }
  });

  it('S1 8.1.4.1 a 身份鉴别: ≥ 8 characters, 3 of 4 character classes, no common password, no username inside', () => {
    expect(findPasswordViolation('Ab1#xyz', 'li')?.code).toBe('PASSWORD_TOO_SHORT');
    expect(findPasswordViolation('Ab1#wxyz', 'li')).toBeNull();
    expect(findPasswordViolation('abcdefgh12', 'li')?.code).toBe('PASSWORD_CLASSES');
    expect(findPasswordViolation('Admin@123', 'li')?.code).toBe('PASSWORD_COMMON');
    expect(findPasswordViolation('Zhangsan#2026', 'zhangsan')?.code).toBe('PASSWORD_CONTAINS_USERNAME');
    expect(findPasswordViolation(`Aa1#${'x'.repeat(124)}`, 'li')).toBeNull();
    expect(findPasswordViolation(`Aa1#${'x'.repeat(125)}`, 'li')?.code).toBe('PASSWORD_TOO_LONG');
    // 定期更换: the maximum age cannot be configured beyond a year.
    expect(() => testEnvConfig({ PASSWORD_MAX_AGE_DAYS: '366' })).toThrow(/PASSWORD_MAX_AGE_DAYS/);
  });

  it('S1 8.1.4.1 a 身份标识唯一: a login differing only in case or full-width letters is refused as a duplicate', async () => {
    const tree = await createTree(env.deps);
    const base = `zs${randomUUID().slice(0, 6)}`;
    const create = (username: string) =>
      env.deps.database.db.transaction((tx) =>
        createAccount(env.deps, tx, systemContext(env.clock, 'test'), systemScope(), {
          username,
          displayName: '张三',
          scopeUnitId: tree.countyA1,
          roles: ['unit_handler'],
          initialPassword: TEST_PASSWORD,
        }),
      );
    await create(base);
    const fullWidthUpper = [...base.toUpperCase()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    await expect(create(base.toUpperCase())).rejects.toMatchObject({ code: 'DUPLICATE' });
    await expect(create(fullWidthUpper)).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('S2 8.1.4.1 b 登录失败处理与超时退出: lockout and session timeouts cannot be configured past the 测评口径', () => {
    expect(testEnvConfig()).toMatchObject({
      LOCKOUT_THRESHOLD: 5,
      LOCKOUT_MINUTES: 15,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
    });
    expect(() => testEnvConfig({ LOCKOUT_THRESHOLD: '11' })).toThrow(/LOCKOUT_THRESHOLD/);
    expect(() => testEnvConfig({ LOCKOUT_MINUTES: '9' })).toThrow(/LOCKOUT_MINUTES/);
    expect(() => testEnvConfig({ SESSION_IDLE_MINUTES: '31' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => testEnvConfig({ SESSION_ABSOLUTE_HOURS: '13' })).toThrow(/SESSION_ABSOLUTE_HOURS/);
  });

  it('S3 8.1.4.1 c 防窃听: over TLS, HSTS for a year with subdomains and a __Host- Secure cookie; CSP frame-ancestors, nosniff always', () => {
    const tls = securityHeaders(true);
    expect(tls['strict-transport-security']).toMatch(/max-age=(\d{8,}|3153[6-9]\d{3})/);
    expect(tls['strict-transport-security']).toContain('includeSubDomains');
    expect(securityHeaders(false)['strict-transport-security']).toBeUndefined();
    for (const headers of [tls, securityHeaders(false)]) {
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy']).toContain("object-src 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('DENY');
    }
    expect(sessionCookieName(loadEnv({}, { COOKIE_SECURE: 'true' }))).toBe('__Host-luoshi_sid');
  });

  it('S4 8.1.4.1 d 双因素: every administrator role must sign in with a second factor', () => {
    for (const role of adminRoles) expect(requiresTwoFactor([role]), role).toBe(true);
    const others = roleValues.filter((r) => !(adminRoles as readonly string[]).includes(r));
    expect(others.some((r) => requiresTwoFactor([r]))).toBe(false);
  });

  it('S5 8.1.4.2 c 停用过期账户: an account without a sign-in for 90 days is disabled by maintenance, its session ended, audited; administrators and recent users are not', async () => {
    const own = await startTestEnv();
    try {
      const tree = await createTree(own.deps);
      const idle = await createUser(own.deps, tree.department, ['unit_handler']);
      const idleSession = await signIn(own, idle);
      const admin = await createUser(own.deps, tree.root, ['security_admin'], { withTotp: true });
      own.clock.advanceMinutes(80 * 24 * 60);
      const recent = await createUser(own.deps, tree.department, ['unit_handler']);
      await signIn(own, recent);
      own.clock.advanceMinutes(11 * 24 * 60); // idle: 91 days; recent: 11 days
      const report = await runMaintenance(own.deps);
      expect(report.accountsDisabled).toBe(1);
      const rows = await own.ownerQuery('select username, disabled_at is not null as disabled from users where username = any($1)', [
        [idle.username, admin.username, recent.username],
      ]);
      expect(Object.fromEntries(rows.map((r) => [r.username, r.disabled]))).toEqual({
        [idle.username]: true,
        [admin.username]: false,
        [recent.username]: false,
      });
      const refused = await own.app.inject({ method: 'GET', url: '/api/auth/session', headers: authHeaders(idleSession) });
      expect(refused.statusCode).toBe(401);
      const audited = await own.ownerQuery(`select after from audit_events where event_type = 'user.disabled' order by id desc limit 1`);
      expect(audited[0]?.after).toMatchObject({ username: idle.username, reason: 'inactive', inactiveDays: 90 });
      // Nothing more to do the next day.
      expect((await runMaintenance(own.deps)).accountsDisabled).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('S9 8.1.4.3 b 审计记录内容: a failed sign-in is recorded with time, user, event type, outcome, address and request id', async () => {
    const username = `nobody-${randomUUID().slice(0, 8)}`;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '192.0.2.44',
      payload: { username, password: 'Wrong#Pass-9' },
    });
    expect(res.statusCode).toBe(401);
    const rows = await env.ownerQuery('select * from audit_events where actor_username = $1', [username]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      event_type: 'auth.sign_in_failed',
      outcome: 'failure',
      ip: '192.0.2.44',
      request_id: res.json().error.requestId,
    });
    expect(new Date(rows[0]?.occurred_at as string).getTime()).toBe(env.clock.now().getTime());
  });

  it('S11 8.1.4.3 d 审计进程保护: when the audit event cannot be written, the change it records is not kept either', async () => {
    const username = `fc-${randomUUID().slice(0, 8)}`;
    await env.ownerQuery(`create or replace function luoshi_test_audit_down() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`);
    await env.ownerQuery(
      'create trigger luoshi_test_audit_down before insert on audit_events for each row execute function luoshi_test_audit_down()',
    );
    try {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password: 'Wrong#Pass-9' } });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
    } finally {
      await env.ownerQuery('drop trigger luoshi_test_audit_down on audit_events');
    }
    // The failed attempt's lockout count is written with its audit event, in one transaction: neither is there.
    expect(await env.ownerQuery('select 1 from sign_in_throttles where username_key = $1', [username])).toHaveLength(0);
    expect(await env.ownerQuery('select 1 from audit_events where actor_username = $1', [username])).toHaveLength(0);
  });

  it('S12 网络安全法 §21 日志留存 ≥ 6 months: a retention under 180 days stops the start', () => {
    expect(() => testEnvConfig({ AUDIT_RETENTION_DAYS: '179' })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(testEnvConfig().AUDIT_RETENTION_DAYS).toBeGreaterThanOrEqual(180);
  });

  it('S14 8.1.4.4 e 已知漏洞/供应链: no installed package excludes Node 20.19 beyond the known list, which only shrinks', () => {
    const names = [...new Set(findEnginesExclusions('20.19.0').map((p) => p.name))].sort();
    expect(names).toEqual(knownEnginesExclusions);
  });

  it('S16 8.1.4.8 保密性: passwords are stored only as argon2id hashes', async () => {
    const rows = await env.ownerQuery('select password_hash from users');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(String(row.password_hash)).toMatch(/^\$argon2id\$/);
    const leaked = await env.ownerQuery('select count(*)::int as n from users where password_hash like $1', [`%${TEST_PASSWORD}%`]);
    expect(leaked[0]?.n).toBe(0);
  });

  it('S18 8.1.4.10 剩余信息保护: a typed password never reaches the audit log', async () => {
    const secret = `Typo#${randomUUID().slice(0, 8)}`;
    await env.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'someone', password: secret } });
    const rows = await env.ownerQuery(
      `select count(*)::int as n from audit_events where concat_ws(' ', before::text, after::text, actor_username) like $1`,
      [`%${secret}%`],
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('S19 8.1.4.11 个人信息保护: the people list shows phone numbers masked, except to the system administrator who keeps them', async () => {
    const tree = await createTree(env.deps);
    const admin = await signIn(env, await createUser(env.deps, tree.root, ['system_admin']));
    const created = await env.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: authHeaders(admin),
      payload: { unitId: tree.countyA1, name: '王五', phone: '13812345678' },
    });
    expect(created.statusCode).toBe(201);
    const phonesSeenBy = async (session: Session) => {
      const res = await env.app.inject({ method: 'GET', url: `/api/persons?unitId=${tree.countyA1}`, headers: authHeaders(session) });
      expect(res.statusCode).toBe(200);
      return res.json<{ phone: string | null }[]>().map((p) => p.phone);
    };
    const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
    expect(await phonesSeenBy(supervisor)).toEqual(['138****5678']);
    expect(await phonesSeenBy(admin)).toEqual(['13812345678']);
  });

  it('S19 8.1.4.11 个人信息保护: lists show phone numbers masked', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86*******5678');
    expect(maskPhone('0871-6361234')).toBe('087*-***1234');
    expect(maskPhone('12345')).toBe('***45');
  });
});
