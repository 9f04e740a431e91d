/** HTTP for account administration (security administrator only). */
import { createUserBody, errorBody, idParams, resetPasswordBody, updateUserBody, userAccount, userListQuery } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { expectedVersion, withEtag } from '../../platform/http/versioning.js';
import * as users from './users.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export function registerUserRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const config = { scope: 'subtree', roles: ['security_admin'] } as const;
  const tags = ['users'];

  app.get(
    '/users',
    {
      config,
      schema: { tags, summary: '账户列表 Accounts', querystring: userListQuery, response: { 200: z.array(userAccount), ...errors } },
    },
    (request) => users.listUsers(deps, request.ctx, request.query),
  );
  app.post(
    '/users',
    { config, schema: { tags, summary: '新建账户 Create account', body: createUserBody, response: { 201: userAccount, ...errors } } },
    async (request, reply) => reply.code(201).send(await users.createUser(deps, request.ctx, request.body)),
  );
  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary: '修改账户 Update account (If-Match)',
        params: idParams,
        body: updateUserBody,
        response: { 200: userAccount, ...errors, 412: errorBody, 428: errorBody },
      },
    },
    async (request, reply) =>
      withEtag(reply, await users.updateUser(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  app.post(
    '/users/:id/password-reset',
    {
      config,
      schema: {
        tags,
        summary: '重置密码 Reset password',
        params: idParams,
        body: resetPasswordBody,
        response: { 200: userAccount, ...errors },
      },
    },
    (request) => users.resetPassword(deps, request.ctx, request.params.id, request.body.newPassword),
  );
  app.post(
    '/users/:id/unlock',
    {
      config,
      schema: {
        tags,
        summary: '解除锁定 Unlock',
        params: idParams,
        body: z.strictObject({}).optional(),
        response: { 200: userAccount, ...errors },
      },
    },
    (request) => users.unlockUser(deps, request.ctx, request.params.id),
  );
}
