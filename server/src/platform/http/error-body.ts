/**
 * Turns any thrown error into the one error body clients see: a stable code, the message in the caller's language
 * and in both languages, field issues, and the request id. Nothing a client can send produces a 500.
 */
import { formatErrorMessage, type ErrorBody, type ErrorCode, type Locale } from '@luoshi/contracts';
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

/** Fastify error codes that mean "the client sent something unacceptable", with our code and status. */
const fastifyClientErrors: Record<string, [ErrorCode, number]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['BODY_TOO_LARGE', 413],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 415],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION_FAILED', 400],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['MALFORMED_JSON', 400],
  FST_ERR_CTP_INVALID_JSON_BODY: ['MALFORMED_JSON', 400],
  FST_ERR_INVALID_URL: ['VALIDATION_FAILED', 400],
  FST_ERR_BAD_URL: ['VALIDATION_FAILED', 400],
};

export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    return reply.code(error.httpStatus).send(errorBody(request, error.code, error.params, error.fields));
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
    return reply.code(400).send(errorBody(request, 'VALIDATION_FAILED', {}, fields));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return reply.code(500).send(errorBody(request, 'INTERNAL', { requestId: String(request.id) }));
  }
  const code = (error as FastifyError).code;
  const mapped = code ? fastifyClientErrors[code] : undefined;
  if (mapped) return reply.code(mapped[1]).send(errorBody(request, mapped[0]));
  if ((error as FastifyError).statusCode === 429) return reply.code(429).send(errorBody(request, 'RATE_LIMITED'));
  if (error instanceof SyntaxError) return reply.code(400).send(errorBody(request, 'MALFORMED_JSON'));
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return reply.code(status).send(errorBody(request, 'VALIDATION_FAILED'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send(errorBody(request, 'INTERNAL', { requestId: String(request.id) }));
}
