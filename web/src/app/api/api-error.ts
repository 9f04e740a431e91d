/** The client-side shape of every failed API call, including failures that never reached the server. */
import type { AppLocale } from '../i18n/types';

/** One field-level problem from the server's `error.fields`, addressed by a dot path such as `roles.0`. */
export type ApiFieldError = { path: string; code: string; message: string };

/** Codes the client invents for failures without a server error body. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

/**
 * A non-2xx answer (with the server's stable `code` and both-language `messages`) or a transport problem
 * (`status` 0, code NETWORK / BAD_RESPONSE). UI code branches on `code`, never on message text.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Readonly<Record<AppLocale, string>> | null;
  readonly fields: readonly ApiFieldError[];
  readonly params: Readonly<Record<string, string | number>>;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    messages?: Record<AppLocale, string> | null;
    fields?: readonly ApiFieldError[];
    params?: Record<string, string | number>;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messages = init.messages ?? null;
    this.fields = init.fields ?? [];
    this.params = init.params ?? {};
    this.requestId = init.requestId ?? null;
  }

  /** True for failures the client made up (no server body): offline, proxy error page, unreadable JSON. */
  get isTransportFailure(): boolean {
    return this.code === 'NETWORK' || this.code === 'BAD_RESPONSE';
  }
}
