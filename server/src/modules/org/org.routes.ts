/** HTTP for the organisation: divisions, units, people, posts, 分管. */
import {
  createPersonBody,
  createPostBody,
  createUnitBody,
  division,
  errorBody,
  idParams,
  person,
  personListQuery,
  post,
  postListQuery,
  setAbsenceBody,
  setOverseenUnitsBody,
  unit,
  unitListQuery,
  updatePersonBody,
  updatePostBody,
  updateUnitBody,
} from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { expectedVersion, withEtag } from '../../platform/http/versioning.js';
import * as org from './org.service.js';
import { listDivisions } from './org.repository.js';

const readErrors = { 400: errorBody, 401: errorBody, 404: errorBody } as const;
const writeErrors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;
const patchErrors = { ...writeErrors, 412: errorBody, 428: errorBody } as const;

export function registerOrgRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const scoped = { scope: 'subtree' } as const;

  app.get(
    '/divisions',
    {
      schema: {
        tags: ['org'],
        summary: '行政区划 GB/T 2260 divisions',
        querystring: z.strictObject({
          parentCode: z
            .string()
            .regex(/^\d{6,12}$/)
            .optional(),
        }),
        response: { 200: z.array(division), ...readErrors },
      },
    },
    async (request) => {
      const rows = await listDivisions(deps.database.db, request.query.parentCode ?? null);
      return rows.map((d) => ({ ...d, level: d.level as z.infer<typeof division>['level'] }));
    },
  );

  app.get(
    '/units',
    {
      config: scoped,
      schema: { tags: ['org'], summary: '单位列表 Units', querystring: unitListQuery, response: { 200: z.array(unit), ...readErrors } },
    },
    (request) => org.listUnits(deps, request.ctx, request.query),
  );
  app.get(
    '/units/:id',
    { config: scoped, schema: { tags: ['org'], summary: '单位 Unit', params: idParams, response: { 200: unit, ...readErrors } } },
    async (request, reply) => withEtag(reply, await org.getUnit(deps, request.ctx, request.params.id)),
  );
  app.post(
    '/units',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: { tags: ['org'], summary: '新增单位 Create unit', body: createUnitBody, response: { 201: unit, ...writeErrors } },
    },
    async (request, reply) => reply.code(201).send(await org.createUnit(deps, request.ctx, request.body)),
  );
  app.patch(
    '/units/:id',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: {
        tags: ['org'],
        summary: '修改单位 Update unit (If-Match)',
        params: idParams,
        body: updateUnitBody,
        response: { 200: unit, ...patchErrors },
      },
    },
    async (request, reply) =>
      withEtag(reply, await org.updateUnit(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );

  app.get(
    '/persons',
    {
      config: scoped,
      schema: {
        tags: ['org'],
        summary: '人员列表 People',
        querystring: personListQuery,
        response: { 200: z.array(person), ...readErrors },
      },
    },
    (request) =>
      org.listPersons(deps, request.ctx, {
        unitId: request.query.unitId,
        includeSubunits: request.query.includeSubunits === 'true',
        isLeader: request.query.isLeader === undefined ? undefined : request.query.isLeader === 'true',
        q: request.query.q,
      }),
  );
  app.get(
    '/persons/:id',
    { config: scoped, schema: { tags: ['org'], summary: '人员 Person', params: idParams, response: { 200: person, ...readErrors } } },
    async (request, reply) => withEtag(reply, await org.getPerson(deps, request.ctx, request.params.id)),
  );
  app.post(
    '/persons',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: { tags: ['org'], summary: '新增人员 Create person', body: createPersonBody, response: { 201: person, ...writeErrors } },
    },
    async (request, reply) => reply.code(201).send(await org.createPerson(deps, request.ctx, request.body)),
  );
  app.patch(
    '/persons/:id',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: {
        tags: ['org'],
        summary: '修改人员 Update person (If-Match)',
        params: idParams,
        body: updatePersonBody,
        response: { 200: person, ...patchErrors },
      },
    },
    async (request, reply) =>
      withEtag(reply, await org.updatePerson(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  app.put(
    '/persons/:id/overseen-units',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: {
        tags: ['org'],
        summary: '设置领导分管单位 Set a leader’s overseen units',
        params: idParams,
        body: setOverseenUnitsBody,
        response: { 200: person, ...writeErrors },
      },
    },
    (request) => org.setOverseenUnits(deps, request.ctx, request.params.id, request.body.unitIds),
  );

  app.put(
    '/persons/:id/absence',
    {
      config: scoped,
      schema: {
        tags: ['org'],
        summary: '登记请假/出差（B角代办）Mark an absence',
        params: idParams,
        body: setAbsenceBody,
        response: { 200: person, ...writeErrors },
      },
    },
    (request) => org.setAbsence(deps, request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/persons/:id/absence',
    {
      config: scoped,
      schema: { tags: ['org'], summary: '销假 Clear an absence', params: idParams, response: { 200: person, ...writeErrors } },
    },
    (request) => org.setAbsence(deps, request.ctx, request.params.id, null),
  );

  app.get(
    '/posts',
    {
      config: scoped,
      schema: {
        tags: ['org'],
        summary: '岗位列表 Posts of a unit',
        querystring: postListQuery,
        response: { 200: z.array(post), ...readErrors },
      },
    },
    (request) => org.listPosts(deps, request.ctx, request.query.unitId),
  );
  app.post(
    '/posts',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: { tags: ['org'], summary: '新增岗位 Create post', body: createPostBody, response: { 201: post, ...writeErrors } },
    },
    async (request, reply) => reply.code(201).send(await org.createPost(deps, request.ctx, request.body)),
  );
  app.patch(
    '/posts/:id',
    {
      config: { ...scoped, roles: ['system_admin'] },
      schema: {
        tags: ['org'],
        summary: '修改岗位 Update post (If-Match)',
        params: idParams,
        body: updatePostBody,
        response: { 200: post, ...patchErrors },
      },
    },
    async (request, reply) =>
      withEtag(reply, await org.updatePost(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
}
