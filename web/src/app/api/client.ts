/**
 * The only place the SPA talks JSON over HTTP (uploads with progress go through `upload.ts`). Calls name a route of
 * the contracts (`call(taskRoutes.get, { params: { id } })`): the URL is built from its path template and the answer
 * is checked against its response schema, so no page writes a URL or picks a schema of its own. It adds what every call needs (same-origin cookie, JSON, the CSRF header on
 * writes, `If-Match` on versioned updates, the UI language), validates each response against the shared contract
 * schema, and turns a 401 into a sign-out so no page has to handle session expiry on its own.
 */
import type { PathParams, RouteBodyInput, RouteDef, RouteQueryInput, RouteResponse } from '@luoshi/contracts';
import { currentLocale } from '../i18n/i18n';
import { cachedSession, dropSession, queryClient, sessionQueryKey } from '../query-client';
import { ApiError } from './api-error';

/** Anything with zod's `safeParse` shape; the contract schemas fit it without the web importing zod itself. */
export type ResponseSchema<T> = {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: unknown };
};

/**
 * The contracts the frame needs (and zod) load as their own chunk, started at once but off the critical path of the
 * first paint. Modules in the initial bundle pass route definitions (or schemas) through this promise, e.g.
 * `call(contractsModule.then((c) => c.authRoutes.session))`; lazy pages import what they use directly.
 */
export const contractsModule = import('./initial-contracts');

type Method = RouteDef['method'];

/** Query-string values; `undefined`, `null` and `''` are left out so optional filters need no special casing. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Per-call options. */
export type RequestOptions<T> = {
  /** Contract schema of the 2xx body (or a promise of it, from `contractsModule`). */
  schema: ResponseSchema<T> | PromiseLike<ResponseSchema<T>>;
  body?: unknown;
  query?: QueryParams;
  /** Record version for optimistic concurrency; sent as `If-Match: "<version>"`. */
  version?: number;
  /**
   * `Idempotency-Key` of a creating write: the same key on a retry makes the server answer with the first result
   * instead of doing the work twice (see `idempotency.ts`).
   */
  idempotencyKey?: string;
  /**
   * Whether a 401 signs the user out (default). Sign-in and the session probe turn it off: for them a 401 is an
   * ordinary answer, not an expired session.
   */
  signOutOn401?: boolean;
};

const stageCodes = new Set(['AUTH_TOTP_REQUIRED', 'AUTH_TOTP_ENROLMENT_REQUIRED', 'AUTH_PASSWORD_CHANGE_REQUIRED']);

/** Fills a path template's `:name` parts (each encoded); a missing one is a programming error. */
function fillPath(template: string, params: Record<string, string> | undefined): string {
  return template.replace(/:(\w+)/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${template}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    return undefined;
  }
  try {
    const parsed: unknown = await response.json();
    return parsed;
  } catch {
    return undefined;
  }
}

async function toApiError(status: number, payload: unknown): Promise<ApiError> {
  const { errorBody } = await contractsModule;
  const parsed = errorBody.safeParse(payload);
  if (!parsed.success) {
    // A gateway error page (502/503/504 from a proxy) means the API is unreachable, not that it misbehaved.
    const code = status >= 502 && status <= 504 ? 'NETWORK' : 'BAD_RESPONSE';
    return new ApiError({ status, code, message: `HTTP ${status}` });
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

/** Sends one API request and returns the validated body, or throws `ApiError`. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLocale() };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    const csrfToken = cachedSession()?.csrfToken;
    if (csrfToken) {
      headers['X-CSRF-Token'] = csrfToken;
    }
  }
  if (options.version !== undefined) {
    headers['If-Match'] = `"${options.version}"`;
  }
  if (options.idempotencyKey !== undefined) {
    headers['Idempotency-Key'] = options.idempotencyKey;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK', message: cause instanceof Error ? cause.message : 'network error' });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const error = await toApiError(response.status, payload);
    if (response.status === 401 && options.signOutOn401 !== false) {
      dropSession(error.messages);
    } else if (stageCodes.has(error.code)) {
      // The session moved to a step (e.g. password expired meanwhile); re-read it so the guard shows that step.
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    }
    throw error;
  }

  const schema = await options.schema;
  const result = schema.safeParse(payload);
  if (!result.success) {
    console.error(`Response of ${method} ${path} does not match the contract`, result.error);
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: 'response does not match the contract' });
  }
  return result.data;
}

type QueryValue = QueryParams[string];

/** The path parameters a route needs (none for a path without `:name` parts). */
type ParamsPart<D extends RouteDef> = keyof PathParams<D['path']> extends never
  ? { params?: undefined }
  : { params: PathParams<D['path']> };
/**
 * The body a route takes (optional where the schema allows none). A write without a body schema may still send `{}`,
 * so that it goes out as JSON like every other write.
 */
type BodyPart<D extends RouteDef> = D extends { body: unknown }
  ? undefined extends RouteBodyInput<D>
    ? { body?: RouteBodyInput<D> }
    : { body: RouteBodyInput<D> }
  : { body?: Record<string, never> };
/** The route's query parameters, by name; empty values are left out of the URL. */
type QueryPart<D extends RouteDef> = D extends { query: unknown }
  ? { query?: { [K in keyof RouteQueryInput<D>]?: QueryValue } }
  : { query?: undefined };

/** What a call of route `D` sends besides the route itself. */
export type CallOptions<D extends RouteDef> = ParamsPart<D> &
  BodyPart<D> &
  QueryPart<D> &
  Pick<RequestOptions<unknown>, 'version' | 'idempotencyKey' | 'signOutOn401'>;

/** Where a route is called: its path parameters and query. */
export type RouteTarget<D extends RouteDef> = ParamsPart<D> & QueryPart<D>;

/** The URL of a route with its parameters and query, e.g. for a download link. */
export function routeUrl<D extends RouteDef>(route: D, options: RouteTarget<D>): string {
  return buildUrl(fillPath(route.path, options.params), options.query);
}

/**
 * Calls a contracts route (or a promise of one, from `contractsModule`) and returns its validated answer, or throws
 * `ApiError`.
 */
export async function call<D extends RouteDef>(
  route: D | PromiseLike<D>,
  ...[options]: Record<never, never> extends CallOptions<D> ? [options?: CallOptions<D>] : [options: CallOptions<D>]
): Promise<RouteResponse<D>> {
  const def = await route;
  const { params, query, ...rest } = (options ?? {}) as CallOptions<D>;
  return apiRequest(def.method, fillPath(def.path, params), {
    ...rest,
    query,
    schema: def.response as ResponseSchema<RouteResponse<D>>,
  });
}
