/**
 * Hostile or broken input and the headers every response carries: NUL bytes, oversized and absurdly nested bodies,
 * malformed JSON, unknown fields, wrong content types, unknown routes, CSRF, OpenAPI exposure and the sign-in rate
 * limit. Nothing a client sends may produce a 500.
 */
import { limits, type ErrorBody, type Unit } from '@luoshi/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

type Method = NonNullable<InjectOptions['method']>;

function errorOf(res: LightMyRequestResponse): ErrorBody['error'] {
  return res.json<ErrorBody>().error;
}

/** Every response seen in this file, so that one check can say none of them was a 500. */
const seen: { url: string; status: number }[] = [];

async function send(
  env: TestEnv,
  options: { method: Method; url: string; headers?: Record<string, string>; payload?: string | object },
): Promise<LightMyRequestResponse> {
  const res = await env.app.inject(options);
  seen.push({ url: options.url, status: res.statusCode });
  return res;
}

afterEach(() => {
  expect(seen.filter((r) => r.status >= 500)).toEqual([]);
  seen.length = 0;
});

describe('bad input and headers', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await startTestEnv({ SIGN_IN_RATE_PER_MINUTE: '1000' });
  });

  afterAll(async () => {
    await env.close();
  });

  async function countUnits(): Promise<number> {
    const rows = await env.ownerQuery('select count(*)::int as n from units');
    return Number(rows[0]?.n);
  }

  /** A root system administrator of a fresh tree, and that tree's root id. */
  async function rootAdmin(): Promise<{ session: Session; root: string }> {
    const tree = await createTree(env.deps);
    return { session: await signIn(env, await createUser(env.deps, tree.root, ['system_admin'])), root: tree.root };
  }

  function postJson(session: Session, url: string, text: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return send(env, {
      method: 'POST',
      url,
      headers: { ...authHeaders(session), 'content-type': 'application/json', ...extra },
      payload: text,
    });
  }

  it('refuses a NUL byte in JSON, raw or as a \\u0000 escape, with 400 NUL_BYTE and writes nothing', async () => {
    const { session, root } = await rootAdmin();
    const before = await countUnits();
    const escaped = '{"name":"a\\u0000b","kind":"department","parentId":"' + root + '"}';
    const raw = `{"name":"a\u0000b","kind":"department","parentId":"${root}"}`;
    for (const text of [escaped, raw]) {
      const res = await postJson(session, '/api/units', text);
      expect(res.statusCode, text).toBe(400);
      expect(errorOf(res).code).toBe('NUL_BYTE');
    }
    // '\U0000' is not a JSON escape at all: malformed, not NUL.
    const upper = await postJson(session, '/api/units', escaped.replace('u0000', 'U0000'));
    expect(errorOf(upper).code).toBe('MALFORMED_JSON');
    const signInRes = await send(env, {
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"a\\u0000","password":"x"}',
    });
    expect(signInRes.statusCode).toBe(400);
    expect(errorOf(signInRes).code).toBe('NUL_BYTE');
    expect(await countUnits()).toBe(before);
    // A literal backslash followed by "u0000" is ordinary text, not a NUL.
    const literal = await postJson(session, '/api/units', escaped.replace('\\u0000', '\\\\u0000'));
    expect(literal.statusCode).toBe(201);
  });

  it('refuses a body over 1 MiB with 413 BODY_TOO_LARGE', async () => {
    const { session, root } = await rootAdmin();
    const big = JSON.stringify({ name: 'x'.repeat(limits.bodyBytesMax), kind: 'department', parentId: root });
    const res = await postJson(session, '/api/units', big);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('BODY_TOO_LARGE');
    const anonymous = await send(env, {
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(limits.bodyBytesMax + 10), password: 'y' }),
    });
    expect(anonymous.statusCode).toBe(413);
  });

  it('answers 10,000-level nested JSON with 400, not a crash', async () => {
    const { session } = await rootAdmin();
    const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
    const objects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const nestedField = `{"name":${arrays},"kind":"department"}`;
    for (const text of [arrays, objects, nestedField]) {
      const res = await postJson(session, '/api/units', text);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toMatch(/^(VALIDATION_FAILED|MALFORMED_JSON)$/);
    }
    const anonymous = await send(env, {
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: objects,
    });
    expect(anonymous.statusCode).toBe(400);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const { session } = await rootAdmin();
    for (const text of ['{"name": "a",', '{name: 1}', "{'a': 1}", '[1, 2', '{"a":1}}']) {
      const res = await postJson(session, '/api/units', text);
      expect(res.statusCode, text).toBe(400);
      expect(errorOf(res).code).toBe('MALFORMED_JSON');
    }
  });

  it('refuses an unknown field in a strict body with 400 VALIDATION_FAILED naming fields', async () => {
    const { session, root } = await rootAdmin();
    const before = await countUnits();
    const res = await postJson(
      session,
      '/api/units',
      JSON.stringify({ name: '带多余字段', kind: 'department', parentId: root, isAdmin: true }),
    );
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields?.length).toBeGreaterThan(0);
    // The unknown key must be named, in the path or at least in the message of the field issue.
    expect(error.fields?.some((f) => f.path.includes('isAdmin') || f.message.includes('isAdmin'))).toBe(true);

    const wrongType = await postJson(session, '/api/units', JSON.stringify({ name: '类型错误', kind: 'castle', parentId: root }));
    expect(wrongType.statusCode).toBe(400);
    expect(errorOf(wrongType).fields?.map((f) => f.path)).toContain('kind');
    expect(await countUnits()).toBe(before);
  });

  it.each(['text/plain', 'text/plain; charset=utf-8', 'application/xml', 'application/x-www-form-urlencoded'])(
    'refuses content type %s on a JSON route with 415 UNSUPPORTED_MEDIA_TYPE, writing nothing',
    async (type) => {
      const { session, root } = await rootAdmin();
      const before = await countUnits();
      const body = JSON.stringify({ name: '纯文本', kind: 'department', parentId: root });
      const res = await send(env, {
        method: 'POST',
        url: '/api/units',
        headers: { ...authHeaders(session), 'content-type': type },
        payload: body,
      });
      expect(res.statusCode).toBe(415);
      expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await countUnits()).toBe(before);
    },
  );

  it('answers an unknown /api route with 404 ROUTE_NOT_FOUND, signed in or not', async () => {
    const { session } = await rootAdmin();
    for (const res of [
      await send(env, { method: 'GET', url: '/api/no-such-thing' }),
      await send(env, { method: 'GET', url: '/api/no-such-thing', headers: authHeaders(session) }),
      await send(env, { method: 'DELETE', url: '/api/units', headers: authHeaders(session) }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('answers a malformed id with 400 naming the parameter, not 500', async () => {
    const { session } = await rootAdmin();
    const res = await send(env, { method: 'GET', url: '/api/units/not-a-uuid', headers: authHeaders(session) });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fields?.map((f) => f.path)).toContain('id');
  });

  it('sends security headers on API responses, errors and /api/health', async () => {
    const { session } = await rootAdmin();
    const responses = [
      await send(env, { method: 'GET', url: '/api/health' }),
      await send(env, { method: 'GET', url: '/api/units', headers: authHeaders(session) }),
      await send(env, { method: 'GET', url: '/api/units' }),
      await send(env, { method: 'GET', url: '/api/no-such-thing' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 401, 404]);
    for (const res of responses) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // not served over TLS here
    }
  });

  it('refuses a state-changing request with a valid cookie but a missing or wrong x-csrf-token (403 CSRF_FAILED), changing nothing', async () => {
    const { session, root } = await rootAdmin();
    const before = await countUnits();
    const payload = { name: '跨站请求', kind: 'department', parentId: root };
    const missing = await send(env, { method: 'POST', url: '/api/units', headers: { cookie: session.cookie }, payload });
    const wrong = await send(env, {
      method: 'POST',
      url: '/api/units',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(session.csrf.length) },
      payload,
    });
    const empty = await send(env, { method: 'POST', url: '/api/units', headers: { cookie: session.cookie, 'x-csrf-token': '' }, payload });
    for (const res of [missing, wrong, empty]) {
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('CSRF_FAILED');
    }
    const patch = await send(env, {
      method: 'PATCH',
      url: `/api/units/${root}`,
      headers: { cookie: session.cookie, 'if-match': '"1"' },
      payload: { name: '被篡改' },
    });
    expect(patch.statusCode).toBe(403);
    expect(errorOf(patch).code).toBe('CSRF_FAILED');
    const signOut = await send(env, { method: 'POST', url: '/api/auth/sign-out', headers: { cookie: session.cookie } });
    expect(signOut.statusCode).toBe(403);
    expect(await countUnits()).toBe(before);
    const root1 = await send(env, { method: 'GET', url: `/api/units/${root}`, headers: { cookie: session.cookie } });
    expect(root1.statusCode).toBe(200);
    expect(root1.json<Unit>().version).toBe(1);

    // The same request with the token goes through, so the refusals above were about the token alone.
    const ok = await send(env, { method: 'POST', url: '/api/units', headers: authHeaders(session), payload });
    expect(ok.statusCode).toBe(201);
  });

  it('B12: a forged session cookie gets 401 and is audited once a minute per address; an expired one gets 401 SESSION_EXPIRED, audited with its user', async () => {
    const rejected = async () =>
      Number(
        (
          await env.ownerQuery(`select count(*)::int as n from audit_events where event_type = 'auth.session_rejected' and ip = '10.9.8.7'`)
        )[0]?.n,
      );
    const forged = () =>
      env.app.inject({
        method: 'GET',
        url: '/api/auth/session',
        remoteAddress: '10.9.8.7',
        headers: { cookie: 'luoshi_sid=forged-0000000000000000' },
      });
    const before = await rejected();
    for (let i = 0; i < 5; i++) {
      const res = await forged();
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('UNAUTHENTICATED');
    }
    expect(await rejected()).toBe(before + 1);
    env.clock.advanceMinutes(2);
    await forged();
    expect(await rejected()).toBe(before + 2);

    const { session } = await rootAdmin();
    env.clock.advanceMinutes(31); // past the 30-minute idle limit
    const expired = await send(env, { method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(expired.statusCode).toBe(401);
    expect(errorOf(expired).code).toBe('SESSION_EXPIRED');
    const events = await env.ownerQuery(
      `select actor_username, after from audit_events where event_type = 'auth.session_expired' order by id desc limit 1`,
    );
    expect(events[0]?.actor_username).toBeTruthy();
    expect(events[0]?.after).toEqual({ reason: 'timed_out' });
  });

  it('publishes the OpenAPI document publicly (3.x, lists /api/units) and serves the docs UI without sign-in', async () => {
    const res = await send(env, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/units');
    expect(Object.keys(doc.paths)).toContain('/api/units/{id}');

    const docs = await send(env, { method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).not.toBe(401);
    expect([200, 301, 302, 303, 307, 308]).toContain(docs.statusCode);
    if (docs.statusCode === 200) expect(docs.headers['content-type']).toContain('text/html');
    else expect(docs.headers.location).toBeTruthy();
  });
});

describe('sign-in rate limit', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await startTestEnv({ SIGN_IN_RATE_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await env.close();
  });

  it('answers the 4th sign-in attempt within a minute with 429 RATE_LIMITED, even with the right password', async () => {
    const tree = await createTree(env.deps);
    const user = await createUser(env.deps, tree.countyA1, ['supervisor']);
    const attempt = (password: string) =>
      send(env, {
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'accept-language': 'en' },
        payload: { username: user.username, password },
      });

    const first = [await attempt('wrong-1'), await attempt('wrong-2'), await attempt(user.password)];
    expect(first.map((r) => r.statusCode)).toEqual([401, 401, 200]);
    const fourth = await attempt(user.password);
    expect(fourth.statusCode).toBe(429);
    expect(errorOf(fourth)).toMatchObject({ code: 'RATE_LIMITED', message: 'Too many requests; please try again later' });
    expect(fourth.headers['set-cookie']).toBeUndefined();
  });
});
