import { okBody, sessionBody, unit, type SessionBody } from '@luoshi/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySession, cachedSession, lastSignOutNotice, queryClient } from '../query-client';
import { ApiError } from './api-error';
import { apiRequest } from './client';

const session: SessionBody = {
  stage: 'active',
  csrfToken: 'csrf-123',
  user: {
    id: '0190f3a4-7b1c-7def-8abc-0123456789ab',
    username: 'zhangsan',
    displayName: '张三',
    roles: ['system_admin'],
    scopeUnitId: '0190f3a4-7b1c-7def-8abc-0123456789ac',
    scopeUnitName: '云南省人民政府',
    isTotpEnabled: true,
    passwordExpiresAt: '2027-01-01T00:00:00.000Z',
  },
  idleTimeoutSeconds: 1800,
  absoluteExpiresAt: '2026-11-28T00:00:00.000Z',
};

const sampleUnit = {
  id: '0190f3a4-7b1c-7def-8abc-0123456789ad',
  name: '云南省人民政府办公厅',
  shortName: '省政府办公厅',
  kind: 'department',
  divisionCode: '530000',
  divisionName: '云南省',
  parentId: session.user.scopeUnitId,
  depth: 1,
  sortOrder: 1,
  isSupervisionOffice: false,
  childCount: 3,
  version: 7,
  isDisabled: false,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function errorResponse(status: number, code: string) {
  return json(status, {
    error: { code, message: code, messages: { 'zh-CN': `中文 ${code}`, en: `English ${code}` }, requestId: 'r1' },
  });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  queryClient.clear();
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

function lastRequest(): { url: string; init: RequestInit; headers: Record<string, string> } {
  const call = fetchMock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  const [url, init = {}] = call;
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => {
    headers[key] = value;
  });
  return { url: typeof url === 'string' ? url : url instanceof URL ? url.href : url.url, init, headers };
}

describe('apiRequest', () => {
  it('sends a same-origin GET with the query string and returns the parsed body', async () => {
    fetchMock.mockResolvedValue(json(200, [sampleUnit]));
    const units = await apiRequest('GET', '/api/units', { schema: unit.array(), query: { parentId: 'p', q: '', x: undefined } });
    expect(units[0]?.name).toBe('云南省人民政府办公厅');
    const { url, init, headers } = lastRequest();
    expect(url).toBe('/api/units?parentId=p');
    expect(init.credentials).toBe('same-origin');
    expect(headers['x-csrf-token']).toBeUndefined();
  });

  it('adds the CSRF token, JSON body and If-Match on writes', async () => {
    applySession(session);
    fetchMock.mockResolvedValue(json(200, sampleUnit));
    await apiRequest('PATCH', `/api/units/${sampleUnit.id}`, { schema: unit, body: { name: 'x' }, version: 7 });
    const { init, headers } = lastRequest();
    expect(headers['x-csrf-token']).toBe('csrf-123');
    expect(headers['if-match']).toBe('"7"');
    expect(headers['content-type']).toBe('application/json');
    expect(init.body).toBe('{"name":"x"}');
  });

  it('sends the Idempotency-Key of a write when given', async () => {
    applySession(session);
    fetchMock.mockImplementation(() => Promise.resolve(json(200, { ok: true })));
    await apiRequest('POST', '/api/tasks', { schema: okBody, body: {}, idempotencyKey: 'key-1' });
    expect(lastRequest().headers['idempotency-key']).toBe('key-1');
    await apiRequest('POST', '/api/x', { schema: okBody, body: {} });
    expect(lastRequest().headers['idempotency-key']).toBeUndefined();
  });

  it('turns a 401 into a sign-out that also clears other cached data', async () => {
    applySession(session);
    queryClient.setQueryData(['units', 'detail', 'a'], sampleUnit);
    fetchMock.mockResolvedValue(errorResponse(401, 'SESSION_EXPIRED'));
    await expect(apiRequest('GET', '/api/units', { schema: unit.array() })).rejects.toMatchObject({ status: 401 });
    expect(cachedSession()).toBeNull();
    expect(queryClient.getQueryData(['units', 'detail', 'a'])).toBeUndefined();
    expect(lastSignOutNotice()?.en).toBe('English SESSION_EXPIRED');
  });

  it('keeps the session when the caller treats 401 as an answer (sign-in)', async () => {
    applySession(session);
    fetchMock.mockResolvedValue(errorResponse(401, 'AUTH_INVALID_CREDENTIALS'));
    const request = apiRequest('POST', '/api/auth/sign-in', { schema: sessionBody, body: {}, signOutOn401: false });
    await expect(request).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    expect(cachedSession()).not.toBeNull();
  });

  it('reports a version conflict with its code and both messages', async () => {
    fetchMock.mockResolvedValue(errorResponse(412, 'VERSION_CONFLICT'));
    const error: unknown = await apiRequest('PATCH', '/api/units/x', { schema: unit, body: {}, version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 412, code: 'VERSION_CONFLICT', messages: { 'zh-CN': '中文 VERSION_CONFLICT' } });
  });

  it('classifies transport failures', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiRequest('GET', '/api/x', { schema: okBody })).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    await expect(apiRequest('GET', '/api/x', { schema: okBody })).rejects.toMatchObject({ status: 502, code: 'NETWORK' });
    fetchMock.mockResolvedValueOnce(new Response('oops', { status: 500, headers: { 'content-type': 'text/plain' } }));
    await expect(apiRequest('GET', '/api/x', { schema: okBody })).rejects.toMatchObject({ status: 500, code: 'BAD_RESPONSE' });
  });

  it('rejects a 2xx body that breaks the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fetchMock.mockResolvedValue(json(200, { ok: 'yes' }));
    await expect(apiRequest('POST', '/api/x', { schema: okBody, body: {} })).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
