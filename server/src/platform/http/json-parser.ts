/**
 * A JSON body parser that refuses what the default one lets through to the handlers: NUL bytes (which PostgreSQL
 * text cannot store, and which hide content from reviewers) and absurd nesting (10,000-level arrays that would
 * blow the stack of recursive validators).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

export const MAX_JSON_DEPTH = 32;

/** Deepest bracket nesting outside string literals, stopping early once past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** True when any string (value or key) in the parsed JSON holds a NUL character. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  return false;
}

/**
 * JSON is the only body the API accepts: every other content type (text/plain included) is refused with 415
 * rather than reaching a handler as an unexpected string.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (text.includes('\u0000')) {
      done(new AppError('NUL_BYTE'), undefined);
      return;
    }
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(
        new AppError('VALIDATION_FAILED', {}, [{ path: 'body', code: 'too_deep', message: `nesting deeper than ${MAX_JSON_DEPTH}` }]),
        undefined,
      );
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      done(new AppError('MALFORMED_JSON'), undefined);
      return;
    }
    if (containsNul(parsed)) done(new AppError('NUL_BYTE'), undefined);
    else done(null, parsed);
  });
}
