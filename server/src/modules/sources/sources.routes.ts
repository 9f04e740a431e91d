/**
 * HTTP for 督办事项来源 (the source registry), 办理时限与预警设置 (each source's policy) and the governments' item number
 * patterns. Every signed-in user reads the registry (the task form's 来源 select); the system administrator writes.
 */
import { sourceRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as service from './sources.service.js';

export function registerSourceRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['settings'];
  const admin = { roles: ['system_admin'] } as const;

  addRoute(app, sourceRoutes.list, { tags, summary: '督办事项来源 Item sources (active and inactive)' }, () =>
    service.listSources(deps.database.db),
  );
  addRoute(app, sourceRoutes.create, { config: admin, tags, summary: '新增督办事项来源 Add an item source' }, (request) =>
    service.createSource(deps, request.ctx, request.body),
  );
  addRoute(app, sourceRoutes.update, { config: admin, tags, summary: '修改督办事项来源 Change an item source' }, (request) =>
    service.updateSource(deps, request.ctx, request.params.source, request.body),
  );
  addRoute(
    app,
    sourceRoutes.listPolicies,
    { config: { roles: ['system_admin', 'supervisor'] }, tags, summary: '办理时限与预警设置 Deadline defaults and warning thresholds' },
    () => service.listSourcePolicies(deps),
  );
  addRoute(
    app,
    sourceRoutes.setPolicy,
    { config: admin, tags, summary: '修改某类来源的办理时限与预警阈值 Set one source’s defaults' },
    (request) => service.setSourcePolicy(deps, request.ctx, request.params.source, request.body),
  );
  addRoute(
    app,
    sourceRoutes.listNumberPatterns,
    { config: { ...admin, scope: 'subtree' }, tags, summary: '督办编号格式 Item number pattern of each government in scope' },
    (request) => service.listNumberPatterns(deps, request.ctx),
  );
  addRoute(
    app,
    sourceRoutes.setNumberPattern,
    { config: { ...admin, scope: 'subtree' }, tags, summary: '设置政府的督办编号格式 Set a government’s item number pattern' },
    (request) => service.setNumberPattern(deps, request.ctx, request.params.unitId, request.body.pattern),
  );
}
