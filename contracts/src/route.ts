/**
 * A route's contract: method, path, request schemas and the success answer, declared once beside the schemas (in
 * `<area>.routes.ts`), so the server registers the route from it and the web calls it from it. Neither side writes a
 * URL or picks a response schema of its own. Error answers are not listed here: every route may answer any error
 * code with `errorBody`, at the status `errors.ts` declares for the code.
 */
import { z } from 'zod';

/** Every API path starts with this; the server mounts its routes under it. */
export const apiPrefix = '/api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route definition holds. */
export interface RouteDef {
  readonly method: HttpMethod;
  /** Fastify-style, prefix included: `/api/tasks/:id`. */
  readonly path: `/api/${string}`;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Request headers the route reads beyond the usual ones (e.g. `Idempotency-Key`). */
  readonly headers?: z.ZodType;
  /** The success status: 200, or 201 for a write that creates. */
  readonly status: 200 | 201;
  /** The success body. */
  readonly response: z.ZodType;
  /** Answers besides the success and the error body, by status (health's 503 carries the health body). */
  readonly otherResponses?: Readonly<Record<number, z.ZodType>>;
}

type StatusOf<D> = D extends { status: infer S } ? S : 200;

/** Declares a route; `status` defaults to 200. The literal method and path stay in the type (the web reads them). */
export function defineRoute<const D extends Omit<RouteDef, 'status'> & { readonly status?: 200 | 201 }>(
  def: D,
): Omit<D, 'status'> & { readonly status: StatusOf<D> } {
  return { ...def, status: (def.status ?? 200) as StatusOf<D> };
}

/** `Idempotency-Key` of a creating write: the same key on a retry gets the first answer (8–128 characters). */
export const idempotencyHeaders = z.looseObject({ 'idempotency-key': z.string().min(8).max(128).optional() });

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The `:name` parts of a path template, each a string: `PathParams<'/api/tasks/:id'>` is `{ id: string }`. */
export type PathParams<P extends string> = { [K in ParamNames<P>]: string };

/** The request parts of a definition as the client sends them (before parsing), and the answer as it arrives. */
export type RouteBodyInput<D> = D extends { body: infer S extends z.ZodType } ? z.input<S> : undefined;
export type RouteQueryInput<D> = D extends { query: infer S extends z.ZodType } ? z.input<S> : undefined;
export type RouteResponse<D> = D extends { response: infer S extends z.ZodType } ? z.output<S> : never;

/** The request parts as the server reads them (after parsing). */
export type RouteParamsOutput<D> = D extends { params: infer S extends z.ZodType } ? z.output<S> : unknown;
export type RouteQueryOutput<D> = D extends { query: infer S extends z.ZodType } ? z.output<S> : unknown;
export type RouteBodyOutput<D> = D extends { body: infer S extends z.ZodType } ? z.output<S> : unknown;
/** What the server's handler may hand back as the success body (before serialisation). */
export type RouteResponseInput<D> = D extends { response: infer S extends z.ZodType } ? z.input<S> : never;
