/**
 * Local receivers on 127.0.0.1 for the notification tests: an SMTP sink (smtp-server) that keeps every message,
 * and an HTTP receiver playing 钉钉, 飞书 and 企业微信 group bots (checking the signatures as the platforms do)
 * and an SMS gateway, plus endpoints that answer 500 or never answer in time.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  to: string;
  raw: string;
  /** The decoded text body. */
  text: string;
  /** The delivery ids the message carries (X-Luoshi-Delivery). */
  deliveryIds: string[];
}

export interface SmtpSink {
  port: number;
  mails: Mail[];
  /** Every delivery id received, counting repeats. */
  receipts(): string[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
        const header = /^X-Luoshi-Delivery:\s*(.+)$/im.exec(unfolded)?.[1] ?? '';
        const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
        const body = rest.join('\n\n');
        const text = /content-transfer-encoding:\s*base64/i.test(head)
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
          : body;
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          raw,
          text,
          deliveryIds: header
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    receipts: () => mails.flatMap((m) => m.deliveryIds),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BotHit {
  path: string;
  body: Record<string, unknown>;
  /** Whether the platform's signature check passed (null: the platform signs nothing). */
  signatureOk: boolean | null;
}

export interface BotReceiver {
  base: string;
  hits: BotHit[];
  /** The /flaky endpoint answers 500 while this is true. */
  flakyFails: boolean;
  close(): Promise<void>;
}

export const BOT_SECRET = 'SECtest-secret-签名';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** 钉钉: base64(HMAC-SHA256(secret, "timestamp\nsecret")), from the query string (already URL-decoded here). */
function dingtalkOk(url: URL): boolean {
  const timestamp = url.searchParams.get('timestamp') ?? '';
  const expected = createHmac('sha256', BOT_SECRET).update(`${timestamp}\n${BOT_SECRET}`).digest('base64');
  return /^\d{13}$/.test(timestamp) && url.searchParams.get('sign') === expected;
}

/** 飞书: base64(HMAC-SHA256(key "timestamp\nsecret", "")), from the body; timestamp in seconds. */
function feishuOk(body: Record<string, unknown>): boolean {
  const timestamp = typeof body.timestamp === 'string' ? body.timestamp : '';
  const expected = createHmac('sha256', `${timestamp}\n${BOT_SECRET}`).update('').digest('base64');
  return /^\d{10}$/.test(timestamp) && body.sign === expected;
}

export async function startBotReceiver(): Promise<BotReceiver> {
  const receiver: BotReceiver = { base: '', hits: [], flakyFails: true, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = await readBody(req);
      const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      if (url.pathname === '/slow') return; // never answers: the sender's time-out must fire
      if (url.pathname === '/flaky' && receiver.flakyFails) {
        res.writeHead(500).end('boom');
        return;
      }
      const signatureOk = url.pathname.startsWith('/ding') ? dingtalkOk(url) : url.pathname.startsWith('/feishu') ? feishuOk(body) : null;
      receiver.hits.push({ path: url.pathname, body, signatureOk });
      const answer = url.pathname.startsWith('/feishu')
        ? { code: signatureOk ? 0 : 19021, msg: 'ok' }
        : { errcode: signatureOk === false ? 310000 : 0 };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
