/**
 * A JSON body parser that refuses what the default one lets through to the handlers: bytes that are not UTF-8, NUL
 * and lone surrogates (which PostgreSQL text and JSON cannot store, and NUL hides content from reviewers) — the rule
 * of `input-guard.ts`, applied here to every JSON body — and absurd nesting (10,000-level arrays that would blow the
 * stack of recursive validators).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { decodeUtf8, findTextProblem, textError } from './input-guard.js';

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

/**
 * JSON is the only body the API accepts: every other content type (text/plain included) is refused with 415
 * rather than reaching a handler as an unexpected string.
 */
export function registerJsonParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    let text: string;
    try {
      text = typeof body === 'string' ? body : decodeUtf8(body, 'body');
    } catch (error) {
      done(error as AppError, undefined);
      return;
    }
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
    const problem = findTextProblem(parsed, 'body');
    if (problem) done(textError(problem), undefined);
    else done(null, parsed);
  });
}
