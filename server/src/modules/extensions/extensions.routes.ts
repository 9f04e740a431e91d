/** HTTP for 延期申请: list with what the caller may do, ask, decide. */
import { decideExtensionBody, errorBody, extensionRequest, idParams, requestExtensionBody, taskExtensions } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import * as extensions from './extensions.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 412: errorBody, 422: errorBody } as const;

export function registerExtensionRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'subtree' } as const;
  const tags = ['tasks'];
  app.get(
    '/tasks/:id/extensions',
    {
      config,
      schema: {
        tags,
        summary: '延期申请记录 Extension requests of an item',
        params: idParams,
        response: { 200: taskExtensions, ...errors },
      },
    },
    (request) => extensions.listExtensions(deps, request.ctx, request.params.id),
  );
  app.post(
    '/tasks/:id/extensions',
    {
      config,
      schema: {
        tags,
        summary: '申请延期 Ask for an extension (before the deadline)',
        params: idParams,
        headers: z.looseObject({ 'idempotency-key': z.string().min(8).max(128).optional() }),
        body: requestExtensionBody,
        response: { 201: extensionRequest, ...errors },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      return reply
        .code(201)
        .send(
          await extensions.requestExtension(deps, request.ctx, request.params.id, request.body, typeof key === 'string' ? key : undefined),
        );
    },
  );
  app.post(
    '/extensions/:id/decision',
    {
      config,
      schema: {
        tags,
        summary: '审批延期申请 Decide an extension step',
        params: idParams,
        body: decideExtensionBody,
        response: { 200: extensionRequest, ...errors },
      },
    },
    (request) => extensions.decideExtension(deps, request.ctx, request.params.id, request.body),
  );
}
