/**
 * Slow and idle clients (bad-input class B10, slowloris): a connection that sends its headers or its body a byte at
 * a time is answered 408 and closed once the limit passes, instead of holding a socket and a request slot for as
 * long as it likes; connections beyond HTTP_MAX_CONNECTIONS are closed at once. Over the wire, with the limits set
 * low so the test takes seconds.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
let port = 0;

beforeAll(async () => {
  env = await startTestEnv({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_MAX_CONNECTIONS: '20' });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  port = (env.app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await env.close();
});

interface Trickle {
  /** When the server closed the connection, ms after it opened; and what it said. */
  closed: Promise<{ afterMs: number; response: string }>;
  socket: Socket;
}

/** Opens a connection that sends `head` and then one byte of `drip` every 200 ms, never finishing. */
function trickle(head: string, drip: string): Trickle {
  const socket = connect(port, '127.0.0.1');
  const opened = performance.now();
  let response = '';
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(head);
    let i = 0;
    timer = setInterval(() => {
      if (!socket.destroyed) socket.write(drip[i++ % drip.length] ?? 'x');
    }, 200);
  });
  socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  const closed = new Promise<{ afterMs: number; response: string }>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ afterMs: performance.now() - opened, response });
    }),
  );
  return { closed, socket };
}

describe('slow and idle clients (B10)', () => {
  it('headers that never finish: 408 and closed after HTTP_HEADERS_TIMEOUT_MS, not held open', async () => {
    const slow = trickle('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'abcdefgh');
    const { afterMs, response } = await slow.closed;
    expect(afterMs).toBeGreaterThanOrEqual(900);
    expect(afterMs).toBeLessThan(4_000);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(response).toContain('REQUEST_TIMEOUT');
  });

  it('a body that never finishes: closed after HTTP_REQUEST_TIMEOUT_MS', async () => {
    const slow = trickle(
      'POST /api/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"username":"',
      'aaaaaaaa',
    );
    const { afterMs } = await slow.closed;
    expect(afterMs).toBeGreaterThanOrEqual(1_900);
    expect(afterMs).toBeLessThan(6_000);
  });

  it('connections past HTTP_MAX_CONNECTIONS are closed at once, and the server still answers afterwards', async () => {
    const held: Socket[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      held.push(socket);
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    const extra = trickle('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', ' ');
    const { afterMs, response } = await extra.closed;
    expect(afterMs).toBeLessThan(900);
    expect(response).toBe('');
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
  });
});
