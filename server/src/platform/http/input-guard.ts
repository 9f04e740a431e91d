/**
 * The one gate every client string passes before it can reach PostgreSQL or the audit log. PostgreSQL text cannot
 * hold NUL, and its JSON parser refuses the `\ud800` escape JSON.stringify writes for a lone UTF-16 surrogate (so an
 * audit row recording such a name fails, and the request with it). Rather than clean text silently — which would
 * record something other than what was sent — the rule everywhere is: refuse with a coded 400.
 *
 * - NUL anywhere → `NUL_BYTE`; a lone surrogate, bytes that are not UTF-8, or a %-escape that does not decode →
 *   `INVALID_TEXT`; each names the field (`query.q`, `body.name`, `headers.idempotency-key`, `file.filename`).
 * - Query strings, path params and headers are checked in `onRequest`, before the session look-up; JSON bodies in the
 *   JSON parser (`json-parser.ts`, the only body parser besides multipart); multipart file names and fields when the
 *   handler reads the part (`request.file()`), since @fastify/multipart parses lazily.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export type TextFault = 'nul' | 'lone_surrogate' | 'invalid_encoding';

/** A lone high surrogate (no low one after it) or a lone low surrogate (no high one before it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any structure a parser here produces (JSON bodies stop at 32 levels); beyond it we refuse. */
const MAX_WALK_DEPTH = 64;

/** What is wrong with one string, or null when PostgreSQL can store it as sent. */
export function textFault(text: string): TextFault | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone_surrogate';
  return null;
}

export interface TextProblem {
  path: string;
  fault: TextFault;
}

/** The first bad string (value or key) in a parsed value, with its dotted path from `path`. */
export function findTextProblem(value: unknown, path: string, depth = 0): TextProblem | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { path, fault } : null;
  }
  if (!value || typeof value !== 'object') return null;
  if (depth > MAX_WALK_DEPTH) return { path, fault: 'invalid_encoding' };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const keyFault = textFault(key);
    if (keyFault) return { path: `${path}.${key.replace(/[\u0000\uD800-\uDFFF]/g, '?')}`, fault: keyFault };
    const found = findTextProblem(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The coded 400 for a bad string: NUL_BYTE for NUL, INVALID_TEXT for the rest, naming the field. */
export function textError(problem: TextProblem): AppError {
  const code = problem.fault === 'nul' ? 'NUL_BYTE' : 'INVALID_TEXT';
  return new AppError(code, {}, [{ path: problem.path, code: problem.fault, message: problem.fault.replace('_', ' ') }]);
}

/** Throws the coded 400 when `value` holds a string PostgreSQL cannot store as sent. */
export function assertCleanText(value: unknown, path: string): void {
  const problem = findTextProblem(value, path);
  if (problem) throw textError(problem);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes request bytes as UTF-8, refusing bytes that are not UTF-8 instead of turning them into U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw textError({ path, fault: 'invalid_encoding' });
  }
}

/**
 * The query parameter whose raw %-escapes do not decode to UTF-8 (`%FF`, `%E0%A4%A`, `%ED%A0%80`), if any. The query
 * parser keeps such a value as its literal escape; a client that means the text "%FF" sends "%25FF".
 */
export function badQueryEncoding(url: string): string | null {
  const start = url.indexOf('?');
  if (start < 0) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    if (!pair.includes('%')) continue;
    try {
      decodeURIComponent(pair.replace(/\+/g, ' '));
    } catch {
      const name = pair.split('=')[0] ?? '';
      return /^[\w.-]{1,64}$/.test(name) ? name : '?';
    }
  }
  return null;
}

/** The part @fastify/multipart hands a handler, as far as this guard reads it. */
interface MultipartPart {
  filename?: unknown;
  fields?: Record<string, unknown>;
  file?: { resume?: () => void };
}

type FileMethod = (this: FastifyRequest, ...args: unknown[]) => Promise<MultipartPart | undefined>;

/** Checks the file name and plain fields of the part a handler reads; the refused file's bytes are drained. */
function guardMultipart(request: FastifyRequest): void {
  const holder = request as unknown as { file?: FileMethod };
  const original = holder.file;
  if (typeof original !== 'function') return;
  holder.file = async function guardedFile(this: FastifyRequest, ...args: unknown[]) {
    const part = await original.apply(this, args);
    if (!part) return part;
    const fields = Object.fromEntries(
      Object.entries(part.fields ?? {})
        .map(([name, field]): [string, unknown] => [name, (field as { value?: unknown } | undefined)?.value])
        .filter(([, value]) => typeof value === 'string'),
    );
    const problem = findTextProblem(part.filename, 'file.filename') ?? findTextProblem(fields, 'fields');
    if (problem) {
      part.file?.resume?.();
      throw textError(problem);
    }
    return part;
  };
}

/** Headers whose values may become data: checked like any other client string (Node refuses NUL on the wire). */
function assertCleanHeaders(request: FastifyRequest): void {
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    assertCleanText(value, `headers.${name}`);
  }
}

/** Registers the guard on `app` (before the session hook, so malformed requests never touch the database). */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      const badParam = badQueryEncoding(request.url);
      if (badParam !== null) throw textError({ path: `query.${badParam}`, fault: 'invalid_encoding' });
      assertCleanText(request.query, 'query');
      assertCleanText(request.params, 'params');
      assertCleanHeaders(request);
      guardMultipart(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
