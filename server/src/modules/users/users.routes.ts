/** HTTP for account administration (security administrator only). */
import { userRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { expectedVersion, withEtag } from '../../platform/http/versioning.js';
import * as users from './users.service.js';

export function registerUserRoutes(app: FastifyInstance, deps: Deps): void {
  const config = { scope: 'subtree', roles: ['security_admin'] } as const;
  const tags = ['users'];

  addRoute(app, userRoutes.list, { config, tags, summary: '账户列表 Accounts' }, (request) =>
    users.listUsers(deps, request.ctx, request.query),
  );
  addRoute(app, userRoutes.create, { config, tags, summary: '新建账户 Create account' }, (request) =>
    users.createUser(deps, request.ctx, request.body),
  );
  addRoute(app, userRoutes.update, { config, tags, summary: '修改账户 Update account (If-Match)' }, async (request, reply) =>
    withEtag(reply, await users.updateUser(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  addRoute(app, userRoutes.resetPassword, { config, tags, summary: '重置密码 Reset password' }, (request) =>
    users.resetPassword(deps, request.ctx, request.params.id, request.body.newPassword),
  );
  addRoute(app, userRoutes.unlock, { config, tags, summary: '解除锁定 Unlock' }, (request) =>
    users.unlockUser(deps, request.ctx, request.params.id),
  );
}
