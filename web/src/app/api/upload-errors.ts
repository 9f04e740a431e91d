/**
 * Answers of multipart uploads sent through XMLHttpRequest (the JSON client cannot send forms, and XHR reports upload
 * progress): the body as JSON when it is JSON, and an error body turned into the same ApiError the JSON client gives.
 * Upload pages are lazy chunks, so the contracts are imported here statically (client.ts loads them lazily).
 */
import { errorBody } from '@luoshi/contracts';
import { ApiError } from './api-error';

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function uploadError(status: number, payload: unknown): ApiError {
  const parsed = errorBody.safeParse(payload);
  if (!parsed.success) {
    return new ApiError({ status, code: status >= 502 && status <= 504 ? 'NETWORK' : 'BAD_RESPONSE', message: `HTTP ${status}` });
  }
  const { error } = parsed.data;
  return new ApiError({
    status,
    code: error.code,
    message: error.message,
    messages: error.messages,
    fields: error.fields ?? [],
    params: error.params ?? {},
    requestId: error.requestId,
  });
}
