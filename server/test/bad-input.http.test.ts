/**
 * Malformed text never reaches PostgreSQL (B4): a NUL byte, a lone UTF-16 surrogate, bytes that are not UTF-8 or a
 * %-escape that does not decode — in a query, a path, a JSON body, a header used as data or an uploaded file's name —
 * is refused with a coded 400 before any handler runs, so nothing is written and nothing malformed is audited. And
 * what Node's HTTP parser refuses before Fastify sees a request (431 headers too large, a broken request line) carries
 * the same coded error body as every other answer.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ErrorBody } from '@luoshi/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, multipartFile, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
let supervisor: Session;

beforeAll(async () => {
  env = await startTestEnv();
  const tree = await createTree(env.deps);
  supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
});

afterAll(async () => {
  await env.close();
});

function errorOf(res: LightMyRequestResponse): ErrorBody['error'] {
  return res.json<ErrorBody>().error;
}

/** Rows that a refused request must not have added: audit events and saved ledger views. */
async function writtenRows(): Promise<number> {
  const rows = await env.ownerQuery('select (select count(*) from audit_events) + (select count(*) from ledger_views) as n');
  return Number(rows[0]?.n);
}

/** Sends `options` as the supervisor and expects a coded 400 with nothing written. */
async function expectRefused(options: InjectOptions, code: string, field?: string): Promise<void> {
  const before = await writtenRows();
  const res = await env.app.inject({ ...options, headers: { ...authHeaders(supervisor), ...(options.headers ?? {}) } });
  expect(res.statusCode, res.body).toBe(400);
  const error = errorOf(res);
  expect(error.code).toBe(code);
  expect(error.messages['zh-CN']).toBeTruthy();
  expect(error.messages.en).toBeTruthy();
  if (field) expect(error.fields?.map((f) => f.path)).toContain(field);
  expect(await writtenRows()).toBe(before);
}

describe('malformed text is refused with a coded 400 and writes nothing', () => {
  it('a NUL byte in a search: ledger, ledger export, items list, similar items', async () => {
    await expectRefused({ method: 'GET', url: '/api/ledger?q=a%00b' }, 'NUL_BYTE', 'query.q');
    await expectRefused({ method: 'GET', url: '/api/ledger/export.xlsx?q=%00' }, 'NUL_BYTE', 'query.q');
    await expectRefused({ method: 'GET', url: '/api/tasks?q=%E5%8A%9E%00' }, 'NUL_BYTE', 'query.q');
    await expectRefused({ method: 'GET', url: '/api/tasks/similar?text=%E9%81%93%E8%B7%AF%00' }, 'NUL_BYTE', 'query.text');
  });

  it('the same searches without the NUL are answered (the guard refuses only the bad byte)', async () => {
    for (const url of ['/api/ledger?q=a%25_b', '/api/tasks?q=%E5%8A%9E', '/api/tasks/similar?text=%E9%81%93%E8%B7%AF']) {
      const res = await env.app.inject({ method: 'GET', url, headers: authHeaders(supervisor) });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    }
  });

  it('a lone surrogate in a saved view’s name is refused before the audit insert', async () => {
    await expectRefused(
      {
        method: 'POST',
        url: '/api/ledger/views',
        headers: { 'content-type': 'application/json' },
        payload: '{"name":"我的视图\\ud800","query":{}}',
      },
      'INVALID_TEXT',
      'body.name',
    );
    // A low surrogate alone, and one hidden in a nested filter value and in a key.
    await expectRefused(
      { method: 'POST', url: '/api/ledger/views', payload: { name: '视图\udc00x', query: {} } },
      'INVALID_TEXT',
      'body.name',
    );
    await expectRefused(
      { method: 'POST', url: '/api/ledger/views', payload: { name: '视图', query: { q: 'a\ud83d' } } },
      'INVALID_TEXT',
      'body.query.q',
    );
    // A well-formed pair (an emoji) is ordinary text and is saved.
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/ledger/views',
      headers: authHeaders(supervisor),
      payload: { name: '重点😀', query: {} },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a JSON body whose bytes are not UTF-8 is refused instead of being saved with U+FFFD', async () => {
    const payload = Buffer.concat([Buffer.from('{"name":"视图'), Buffer.from([0xff, 0xfe]), Buffer.from('","query":{}}')]);
    await expectRefused(
      { method: 'POST', url: '/api/ledger/views', headers: { 'content-type': 'application/json' }, payload },
      'INVALID_TEXT',
      'body',
    );
  });

  it('a %-escape that does not decode, in a query or a path', async () => {
    await expectRefused({ method: 'GET', url: '/api/ledger?q=%E0%A4%A' }, 'INVALID_TEXT', 'query.q');
    await expectRefused({ method: 'GET', url: '/api/tasks?q=%ED%A0%80' }, 'INVALID_TEXT', 'query.q');
    await expectRefused({ method: 'GET', url: '/api/tasks/%E0%A4%A' }, 'INVALID_TEXT');
    await expectRefused({ method: 'DELETE', url: '/api/ledger/views/%00' }, 'NUL_BYTE', 'params.id');
  });

  it('a NUL in a header used as data (Idempotency-Key)', async () => {
    await expectRefused(
      { method: 'POST', url: '/api/ledger/views', headers: { 'idempotency-key': 'k\u0000' }, payload: { name: 'x', query: {} } },
      'NUL_BYTE',
      'headers.idempotency-key',
    );
  });

  it('a NUL in an uploaded file’s name (ledger import)', async () => {
    const { payload, headers } = multipartFile('分工方案\u0000.xlsx', Buffer.from('PK\u0003\u0004'));
    await expectRefused({ method: 'POST', url: '/api/ledger/import?dryRun=false', headers, payload }, 'NUL_BYTE', 'file.filename');
  });
});

describe('bodies built to exhaust the server (B2, B3)', () => {
  it('a decompression bomb posing as a workbook is refused at once: 413 UPLOAD_INFLATES_TOO_LARGE, nothing written', async () => {
    // 110 MiB of blanks in the sheet, under 200 KB on the wire.
    const sheet = new Uint8Array(110 * 1024 * 1024).fill(0x20);
    sheet.set(strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), 0);
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/worksheets/sheet1.xml': sheet }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await writtenRows();
    const { payload, headers } = multipartFile('分工方案.xlsx', Buffer.from(bomb));
    const started = performance.now();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/ledger/import?dryRun=true',
      payload,
      headers: { ...authHeaders(supervisor), ...headers },
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(errorOf(res).code).toBe('UPLOAD_INFLATES_TOO_LARGE');
    // Refused while inflating: exceljs parsing 110 MiB of sheet would take many times longer (and answer otherwise).
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(await writtenRows()).toBe(before);
  });

  it('an array of 400,000 elements where 50 are allowed: one coded 400 naming the field, answered small and fast', async () => {
    const before = await writtenRows();
    const started = performance.now();
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: authHeaders(supervisor),
      payload: { title: '数组过长', source: 'meeting_decision', content: '数组过长的要求', cooperatingUnitIds: new Array(400_000).fill(0) },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION_FAILED');
    expect(errorOf(res).fields?.map((f) => f.path)).toContain('cooperatingUnitIds');
    expect(res.body.length, 'not one issue per element').toBeLessThan(20_000);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await writtenRows()).toBe(before);
  });
});

describe('client errors Fastify and its plugins raise carry the coded body', () => {
  it('an upload route sent no multipart body: 415 UNSUPPORTED_MEDIA_TYPE (the multipart plugin says 406)', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/ledger/import', headers: authHeaders(supervisor) });
    expect(res.statusCode, res.body).toBe(415);
    expect(errorOf(res).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown route: 404 ROUTE_NOT_FOUND; a body over the limit: 413 BODY_TOO_LARGE', async () => {
    const missing = await env.app.inject({ method: 'GET', url: '/api/no-such-thing', headers: authHeaders(supervisor) });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('ROUTE_NOT_FOUND');
    const big = await env.app.inject({
      method: 'POST',
      url: '/api/ledger/views',
      headers: { ...authHeaders(supervisor), 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2_000_000), query: {} }),
    });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big).code).toBe('BODY_TOO_LARGE');
  });
});

/** Sends raw bytes to the listening app and returns the status and the parsed JSON body. */
function rawRequest(port: number, text: string): Promise<{ status: number; body: ErrorBody }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const response = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = response.split('\r\n\r\n');
      try {
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body: JSON.parse(rest.join('\r\n\r\n')) as ErrorBody });
      } catch (error) {
        reject(new Error(`unparsable answer: ${response.slice(0, 300)} (${String(error)})`));
      }
    });
    socket.end(text);
  });
}

describe('client errors Node answers before Fastify carry the coded body', () => {
  let port: number;

  beforeAll(async () => {
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    port = (env.app.server.address() as AddressInfo).port;
  });

  it('431 HEADERS_TOO_LARGE for headers over Node’s 16 KiB limit', async () => {
    const res = await rawRequest(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.body.error.code).toBe('HEADERS_TOO_LARGE');
    expect(res.body.error.messages.en).toMatch(/headers/i);
  });

  it('400 MALFORMED_REQUEST for a broken request line or a NUL in a header', async () => {
    const broken = await rawRequest(port, 'GET /api/health HTTP/9.x\r\n\r\n');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('MALFORMED_REQUEST');
    const nul = await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\nIdempotency-Key: a\u0000b\r\n\r\n');
    expect(nul.status).toBe(400);
    expect(nul.body.error.code).toBe('MALFORMED_REQUEST');
  });

  it('a bad %-escape in the path over the wire: coded 400, not a bare Fastify answer', async () => {
    const res = await rawRequest(port, 'GET /api/tasks/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_TEXT');
  });
});
