/**
 * Load shedding: with every slot taken, the next API request is answered at once with 503, Retry-After and the
 * coded zh-CN/en error body — it does not wait — while /api/health still answers; once a slot frees, requests are
 * served again. The slot is held by a real request whose body is still arriving (a slow upload).
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;

beforeAll(async () => {
  env = await startTestEnv({ MAX_IN_FLIGHT_REQUESTS: '1', OVERLOAD_RETRY_AFTER_SECONDS: '7' });
});

afterAll(async () => {
  await env?.close();
});

describe('load shedding', () => {
  it('sheds a request beyond the limit with 503 + Retry-After + coded body, keeps health answerable, recovers', async () => {
    const slowBody = new PassThrough();
    const held = env.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: slowBody,
    });
    slowBody.write('{"username":"nobody",');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const shed = await env.app.inject({ method: 'GET', url: '/api/auth/session', headers: { 'accept-language': 'en' } });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers['retry-after']).toBe('7');
    const body = shed.json<{ error: { code: string; message: string; messages: Record<string, string> } }>();
    expect(body.error.code).toBe('OVERLOADED');
    expect(body.error.message).toBe('The system is busy; please retry in 7 s');
    expect(body.error.messages['zh-CN']).toBe('系统繁忙，请 7 秒后重试');

    const health = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);

    slowBody.end('"password":"wrong-password-1"}');
    expect((await held).statusCode).toBe(401);

    const after = await env.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(after.statusCode).toBe(401);
    expect(after.json<{ error: { code: string } }>().error.code).toBe('UNAUTHENTICATED');
  });
});
