/**
 * Sign-in throttles that fit government networks (issue 14 item 4; 等保 8.1.4.1 b; ASVS 6.3.1): a whole county signs
 * in from one address (政务外网 NAT) without being locked out, one address spraying wrong passwords over many
 * accounts is slowed with a coded 429, and X-Forwarded-For names the client only when a configured proxy sends it.
 * Runs with the production defaults for both limits, so the defaults themselves are what is tested.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/db/schema/index.js';
import { createTree, createUser, startTestEnv, type TestEnv, type TestUser } from './harness.js';

let env: TestEnv;
let scopeUnitId: string;

beforeAll(async () => {
  // '' = the variable is unset: the defaults (600 sign-ins and 60 failures per address per minute) apply.
  env = await startTestEnv({ SIGN_IN_RATE_PER_MINUTE: '', SIGN_IN_FAILURES_PER_ADDRESS_PER_MINUTE: '', TRUSTED_PROXIES: '10.0.0.0/8' });
  scopeUnitId = (await createTree(env.deps)).countyA1;
});
afterAll(async () => {
  await env.close();
});

const COUNTY_NAT = '192.0.2.10';

function signInFrom(remoteAddress: string, username: string, password: string, forwardedFor?: string) {
  return env.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress,
    headers: { 'accept-language': 'en', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    payload: { username, password },
  });
}

/** `count` accounts sharing one password hash (hashing 200 passwords would take most of the test's time). */
async function createAccounts(count: number): Promise<TestUser[]> {
  const template = await createUser(env.deps, scopeUnitId, ['unit_handler']);
  const [row] = await env.ownerQuery('select password_hash from users where id = $1', [template.id]);
  const now = env.clock.now();
  const made = Array.from({ length: count - 1 }, () => `c${randomUUID().replace(/-/g, '').slice(0, 12)}`);
  if (made.length === 0) return [template];
  await env.deps.database.db.insert(users).values(
    made.map((username) => ({
      username,
      usernameKey: username,
      displayName: `县干部${username}`,
      scopeUnitId,
      roles: ['unit_handler'],
      passwordHash: String(row?.password_hash),
      passwordChangedAt: now,
      mustChangePassword: false,
    })),
  );
  return [template, ...made.map((username) => ({ id: '', username, password: template.password }))];
}

async function sessionIpOf(username: string): Promise<string | null> {
  const rows = await env.ownerQuery(
    'select s.ip from sessions s join users u on u.id = s.user_id where u.username = $1 order by s.created_at desc limit 1',
    [username],
  );
  return (rows[0]?.ip as string | null | undefined) ?? null;
}

describe('throttles for a county behind one address', () => {
  it('lets 200 accounts sign in from one address within a minute, with 20 typos among them', async () => {
    const county = await createAccounts(200);
    const statuses: number[] = [];
    for (const [i, user] of county.entries()) {
      if (i % 10 === 0) expect((await signInFrom(COUNTY_NAT, user.username, 'Wrong#Pass1')).statusCode).toBe(401);
      statuses.push((await signInFrom(COUNTY_NAT, user.username, user.password)).statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
  }, 60_000);

  it('slows one address spraying wrong passwords over many accounts with 429 RATE_LIMITED and Retry-After', async () => {
    const sprayer = '198.51.100.66';
    const victims = await createAccounts(3);
    const names = [...victims.map((v) => v.username), ...Array.from({ length: 57 }, (_, i) => `nobody${i}-${randomUUID().slice(0, 6)}`)];
    for (const name of names) expect((await signInFrom(sprayer, name, 'Spring2026!')).statusCode).toBe(401);

    const refused = await signInFrom(sprayer, victims[0]?.username ?? '', victims[0]?.password ?? '');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many requests; please try again later' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['set-cookie']).toBeUndefined();

    // Nobody else is affected, and the sprayer may try again once the minute is over.
    expect((await signInFrom('198.51.100.67', victims[1]?.username ?? '', victims[1]?.password ?? '')).statusCode).toBe(200);
    env.clock.advanceMinutes(1);
    expect((await signInFrom(sprayer, victims[0]?.username ?? '', victims[0]?.password ?? '')).statusCode).toBe(200);
  }, 60_000);
});

describe('X-Forwarded-For', () => {
  it('ignores the header from a peer that is not a configured proxy, for the record and for the throttle', async () => {
    const [user] = await createAccounts(1);
    if (!user) throw new Error('no account');
    expect((await signInFrom('203.0.113.5', user.username, user.password, '198.51.100.1')).statusCode).toBe(200);
    expect(await sessionIpOf(user.username)).toBe('203.0.113.5');

    // A sprayer forging a new address on every request is still counted as itself.
    const forger = '203.0.113.99';
    for (let i = 0; i < 60; i++) {
      expect((await signInFrom(forger, `ghost${i}-${randomUUID().slice(0, 6)}`, 'Spring2026!', `198.51.100.${i + 1}`)).statusCode).toBe(
        401,
      );
    }
    expect((await signInFrom(forger, user.username, user.password, '198.51.100.200')).statusCode).toBe(429);
    env.clock.advanceMinutes(1);
  }, 60_000);

  it('uses the client address a configured proxy names, so one proxy carries many counties', async () => {
    const [user] = await createAccounts(1);
    if (!user) throw new Error('no account');
    expect((await signInFrom('10.0.0.5', user.username, user.password, '198.51.100.7')).statusCode).toBe(200);
    expect(await sessionIpOf(user.username)).toBe('198.51.100.7');

    // A spraying client behind the proxy is stopped; another client of the same proxy is not.
    for (let i = 0; i < 60; i++) {
      expect((await signInFrom('10.0.0.5', `ghost${i}-${randomUUID().slice(0, 6)}`, 'Spring2026!', '198.51.100.8')).statusCode).toBe(401);
    }
    expect((await signInFrom('10.0.0.5', user.username, user.password, '198.51.100.8')).statusCode).toBe(429);
    expect((await signInFrom('10.0.0.5', user.username, user.password, '198.51.100.9')).statusCode).toBe(200);
  }, 60_000);
});
