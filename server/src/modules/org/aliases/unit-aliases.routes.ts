/** HTTP for unit aliases: anyone in scope reads them; the system administrator adds and removes them. */
import { unitAliasRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../platform/context.js';
import { addRoute } from '../../../platform/http/route.js';
import * as aliases from './unit-aliases.service.js';

export function registerUnitAliasRoutes(app: FastifyInstance, deps: Deps): void {
  const scoped = { scope: 'subtree' } as const;
  const admin = { ...scoped, roles: ['system_admin'] } as const;
  const tags = ['org'];
  addRoute(app, unitAliasRoutes.list, { config: scoped, tags, summary: '单位简称/别名 A unit’s aliases' }, (request) =>
    aliases.listUnitAliases(deps, request.ctx, request.params.id),
  );
  addRoute(app, unitAliasRoutes.create, { config: admin, tags, summary: '新增单位别名 Add an alias' }, (request) =>
    aliases.addUnitAlias(deps, request.ctx, request.params.id, request.body.alias),
  );
  addRoute(app, unitAliasRoutes.remove, { config: admin, tags, summary: '删除单位别名 Remove an alias' }, (request) =>
    aliases.removeUnitAlias(deps, request.ctx, request.params.id, request.params.alias),
  );
}
