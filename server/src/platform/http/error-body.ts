/**
 * Turns any thrown error into the one error body clients see: a stable code, the message in the caller's language
 * and in both languages, field issues, and the request id. Nothing a client can send produces a 500.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorStatusOf, formatErrorMessage, type ErrorBody, type ErrorCode, type Locale } from '@luoshi/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../errors.js';

export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'zh-CN';
}

export function errorBody(
  request: FastifyRequest,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  fields?: FieldIssue[],
): ErrorBody {
  const messages = { 'zh-CN': formatErrorMessage(code, 'zh-CN', params), en: formatErrorMessage(code, 'en', params) };
  return {
    error: {
      code,
      message: messages[localeOf(request)],
      messages,
      ...(Object.keys(params).length ? { params } : {}),
      ...(fields?.length ? { fields } : {}),
      requestId: String(request.id),
    },
  };
}

/** '/roles/0' → 'roles.0' */
function toFieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

/** Fastify error codes that mean "the client sent something unacceptable", with our code (its status is the code's). */
const fastifyClientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_INVALID_URL: 'MALFORMED_REQUEST',
  // A path whose %-escapes do not decode (`/api/tasks/%E0%A4%A`): the same refusal as such a query value.
  FST_ERR_BAD_URL: 'INVALID_TEXT',
  FST_ERR_MAX_PARAM_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
  // @fastify/multipart answers a non-multipart body on an upload route with 406; it is a wrong content type.
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Codes for client statuses some plugin or Fastify answers without one of ours (anything else 4xx: VALIDATION_FAILED). */
const clientStatusCodes: Partial<Record<number, ErrorCode>> = {
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'HEADERS_TOO_LARGE',
};

/** Answers with a code at the status contracts declare for it. */
function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  params: Record<string, string | number> = {},
  fields?: FieldIssue[],
): FastifyReply {
  return reply.code(errorStatusOf(code)).send(errorBody(request, code, params, fields));
}

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    return send(reply, request, error.code, error.params, error.fields);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? 'body';
    const fields = error.validation.flatMap((v) => {
      const base = toFieldPath(v.instancePath);
      // An unknown field is named by its own path, so forms and clients can point at it.
      const keys = v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys) ? (v.params.keys as unknown[]).map(String) : null;
      if (keys) return keys.map((key) => ({ path: base ? `${base}.${key}` : key, code: v.keyword, message: v.message ?? v.keyword }));
      return [{ path: base || context, code: v.keyword, message: v.message ?? v.keyword }];
    });
    return send(reply, request, 'VALIDATION_FAILED', {}, fields);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return send(reply, request, 'INTERNAL', { requestId: String(request.id) });
  }
  const code = (error as FastifyError).code;
  const mapped = code ? fastifyClientErrors[code] : undefined;
  if (mapped) return send(reply, request, mapped);
  if ((error as FastifyError).statusCode === 429) return send(reply, request, 'RATE_LIMITED');
  if (error instanceof SyntaxError) return send(reply, request, 'MALFORMED_JSON');
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    const byStatus = clientStatusCodes[status];
    if (byStatus) return send(reply, request, byStatus);
    return reply.code(status).send(errorBody(request, 'VALIDATION_FAILED'));
  }
  // PostgreSQL's query_canceled: the statement ran past DB_STATEMENT_TIMEOUT_MS.
  if (isStatementTimeout(error)) {
    request.log.warn({ err: error }, 'statement timeout');
    return send(reply, request, 'QUERY_TIMEOUT');
  }
  // The database went away (restart, crash, a terminated backend) or every pooled connection stayed busy past
  // DB_POOL_ACQUIRE_TIMEOUT_MS: not the request's fault, and the same request will work once it is back.
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return reply.header('retry-after', '2').code(errorStatusOf('DATABASE_UNAVAILABLE')).send(errorBody(request, 'DATABASE_UNAVAILABLE'));
  }
  // The disk under FILES_DIR is full or read-only (fault F14): the upload was not kept and nothing refers to it.
  if (isStorageUnavailable(error)) {
    request.log.error({ err: error }, 'file storage unavailable');
    return reply.header('retry-after', '60').code(errorStatusOf('STORAGE_UNAVAILABLE')).send(errorBody(request, 'STORAGE_UNAVAILABLE'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, 'INTERNAL', { requestId: String(request.id) });
}

/** Node's parser errors that mean the client sent a broken request (anything else it reports: MALFORMED_REQUEST). */
function clientErrorCode(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'HEADERS_TOO_LARGE';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'REQUEST_TIMEOUT';
  return 'MALFORMED_REQUEST';
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request (headers over 16 KiB →
 * 431, a broken request line or header → 400, a request that never finished arriving → 408) answered with the same
 * coded body as everything else, in Chinese (there is no Accept-Language to read), then the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = clientErrorCode(error);
  const status = errorStatusOf(code);
  const messages = { 'zh-CN': formatErrorMessage(code, 'zh-CN', {}), en: formatErrorMessage(code, 'en', {}) };
  const body: ErrorBody = { error: { code, message: messages['zh-CN'], messages, requestId: randomUUID() } };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Client Error'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(error);
}

/** Network errors and PostgreSQL's connection-exception (08xxx) and operator-intervention (57P0x) classes. */
const databaseGoneCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
/** What node-postgres says, without a code, when a connection dies under a query or the pool has none to give. */
const databaseGoneMessages =
  /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error/i;

/**
 * The database cannot serve the request just now: checked on the error and on the errors it wraps (drizzle's query
 * error keeps the driver's in `cause`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = 'code' in e ? (e as { code?: unknown }).code : undefined;
    if (typeof code === 'string' && databaseGoneCodes.has(code)) return true;
    const message = 'message' in e ? (e as { message?: unknown }).message : undefined;
    if (typeof message === 'string' && databaseGoneMessages.test(message)) return true;
  }
  return false;
}

/** No space, no quota left, or a read-only file system: what writing an upload to disk can meet. */
function isStorageUnavailable(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'code' in error ? (error as { code?: unknown }).code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS';
}

/** PostgreSQL's query_canceled (57014), on the error or on the query error drizzle wraps it in (`cause`). */
function isStatementTimeout(error: unknown): boolean {
  const codeOf = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? e.code : undefined);
  return codeOf(error) === '57014' || codeOf((error as { cause?: unknown } | null)?.cause) === '57014';
}
