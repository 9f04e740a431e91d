/**
 * HTTP for 督办事项来源 (the source registry), 办理时限与预警设置 (each source's policy) and the governments' item number
 * patterns. Every signed-in user reads the registry (the task form's 来源 select); the system administrator writes.
 */
import {
  createSourceBody,
  errorBody,
  numberPatternBody,
  numberPatternParams,
  numberPatternSetting,
  source,
  sourceParams,
  sourcePolicy,
  sourcePolicyBody,
  updateSourceBody,
} from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import * as service from './sources.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export function registerSourceRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];
  const admin = { roles: ['system_admin'] } as const;

  app.get(
    '/sources',
    { schema: { tags, summary: '督办事项来源 Item sources (active and inactive)', response: { 200: z.array(source), ...errors } } },
    () => service.listSources(deps.database.db),
  );
  app.post(
    '/sources',
    {
      config: admin,
      schema: { tags, summary: '新增督办事项来源 Add an item source', body: createSourceBody, response: { 201: source, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await service.createSource(deps, request.ctx, request.body)),
  );
  app.patch(
    '/sources/:source',
    {
      config: admin,
      schema: {
        tags,
        summary: '修改督办事项来源 Change an item source',
        params: sourceParams,
        body: updateSourceBody,
        response: { 200: source, ...errors },
      },
    },
    (request) => service.updateSource(deps, request.ctx, request.params.source, request.body),
  );

  app.get(
    '/source-policies',
    {
      config: { roles: ['system_admin', 'supervisor'] },
      schema: {
        tags,
        summary: '办理时限与预警设置 Deadline defaults and warning thresholds',
        response: { 200: z.array(sourcePolicy), ...errors },
      },
    },
    () => service.listSourcePolicies(deps),
  );
  app.put(
    '/source-policies/:source',
    {
      config: admin,
      schema: {
        tags,
        summary: '修改某类来源的办理时限与预警阈值 Set one source’s defaults',
        params: sourceParams,
        body: sourcePolicyBody,
        response: { 200: sourcePolicy, ...errors },
      },
    },
    (request) => service.setSourcePolicy(deps, request.ctx, request.params.source, request.body),
  );

  app.get(
    '/number-patterns',
    {
      config: { ...admin, scope: 'subtree' },
      schema: {
        tags,
        summary: '督办编号格式 Item number pattern of each government in scope',
        response: { 200: z.array(numberPatternSetting), ...errors },
      },
    },
    (request) => service.listNumberPatterns(deps, request.ctx),
  );
  app.put(
    '/number-patterns/:unitId',
    {
      config: { ...admin, scope: 'subtree' },
      schema: {
        tags,
        summary: '设置政府的督办编号格式 Set a government’s item number pattern',
        params: numberPatternParams,
        body: numberPatternBody,
        response: { 200: numberPatternSetting, ...errors },
      },
    },
    (request) => service.setNumberPattern(deps, request.ctx, request.params.unitId, request.body.pattern),
  );
}
