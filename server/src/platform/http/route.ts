/**
 * Registers a route from its contracts definition (`contracts/src/<area>.routes.ts`): the Fastify schema
 * (params, querystring, body, headers, response) comes from the definition, and the error answers are added here once
 * — every status an error code is declared with (`errors.ts`), each with the error body — so no route file keeps its
 * own list. A route file adds only what is not part of the contract: access config, OpenAPI tags and summary, handler.
 */
import {
  apiPrefix,
  errorBody,
  errorMessages,
  type RouteBodyOutput,
  type RouteDef,
  type RouteParamsOutput,
  type RouteQueryOutput,
  type RouteResponseInput,
} from '@luoshi/contracts';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { fieldError } from '../errors.js';

/** Every status some error code is declared with, answered with the one error body. */
const errorResponses = Object.fromEntries(
  [...new Set(Object.values(errorMessages).map((message) => message.status))].sort((a, b) => a - b).map((status) => [status, errorBody]),
);

/** What the contract does not say: who may call the route, and how the OpenAPI document lists it. */
export interface RouteMeta {
  /** Access, roles, scope, rate limit (see `access.ts`); left out means signed-in and active. */
  config?: FastifyContextConfig;
  tags: string[];
  summary: string;
  /** Request content types other than JSON (multipart uploads). */
  consumes?: string[];
}

/** The request as the handler sees it: params, query and body already parsed by the definition's schemas. */
export type RouteRequest<D extends RouteDef> = FastifyRequest<{
  Params: RouteParamsOutput<D>;
  Querystring: RouteQueryOutput<D>;
  Body: RouteBodyOutput<D>;
}>;

/** Answers with the success body (sent at the definition's status) or with the reply it already used. */
export type RouteHandler<D extends RouteDef> = (
  request: RouteRequest<D>,
  reply: FastifyReply,
) => RouteResponseInput<D> | FastifyReply | Promise<RouteResponseInput<D> | FastifyReply>;

/** Registers `def` on `app` (mounted under `/api`). */
export function addRoute<D extends RouteDef>(app: FastifyInstance, def: D, meta: RouteMeta, handler: RouteHandler<D>): void {
  if (!def.path.startsWith(`${apiPrefix}/`)) throw new Error(`route path ${def.path} is outside ${apiPrefix}`);
  const handle: RouteHandler<D> =
    def.status === 200
      ? handler
      : (request, reply) => {
          void reply.code(def.status);
          return handler(request, reply);
        };
  app.route({
    method: def.method,
    url: def.path.slice(apiPrefix.length),
    ...(meta.config ? { config: meta.config } : {}),
    schema: {
      tags: meta.tags,
      summary: meta.summary,
      ...(meta.consumes ? { consumes: meta.consumes } : {}),
      ...(def.headers ? { headers: def.headers } : {}),
      ...(def.params ? { params: def.params } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.body ? { body: def.body } : {}),
      response: { ...errorResponses, ...def.otherResponses, [def.status]: def.response },
    },
    handler: handle as unknown as RouteHandlerMethod,
  });
}

/** The `Idempotency-Key` a creating write was sent with, if any (one key only). */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (Array.isArray(key)) throw fieldError('VALIDATION_FAILED', 'Idempotency-Key', 'one key only');
  return key;
}
