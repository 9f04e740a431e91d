/**
 * Security headers for the SPA and the API (ASVS 3.4; 等保 8.1.4.4): a strict CSP, nosniff, no framing,
 * no referrer leakage, HSTS when served over TLS.
 *
 * helmet decides the headers; it is run once, at start, on a response that records them, and every answer then gets
 * that fixed set. Why: the fastify wrapper (@fastify/helmet) built helmet anew — re-parsing the CSP — on every
 * request, a few per cent of a cached ledger page's time. Our headers never vary per request (no CSP nonces).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

function helmetOptions(isTls: boolean): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd's CSS-in-JS writes <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    hsts: isTls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: 'deny' },
  };
}

/** The headers helmet sets for these options (it is synchronous and reads nothing from the request). */
export function securityHeaders(isTls: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(helmetOptions(isTls))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused its options');
  });
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, isTls: boolean): void {
  const headers = securityHeaders(isTls);
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
