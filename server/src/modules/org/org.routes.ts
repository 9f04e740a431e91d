/** HTTP for the organisation: divisions, units, people, posts, 分管. */
import { orgRoutes, type division } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { expectedVersion, withEtag } from '../../platform/http/versioning.js';
import * as org from './org.service.js';
import { listDivisions } from './org.repository.js';

export function registerOrgRoutes(app: FastifyInstance, deps: Deps): void {
  const scoped = { scope: 'subtree' } as const;
  const admin = { ...scoped, roles: ['system_admin'] } as const;
  const tags = ['org'];

  addRoute(app, orgRoutes.divisions, { tags, summary: '行政区划 GB/T 2260 divisions' }, async (request) => {
    const rows = await listDivisions(deps.database.db, request.query.parentCode ?? null);
    return rows.map((d) => ({ ...d, level: d.level as z.infer<typeof division>['level'] }));
  });

  addRoute(app, orgRoutes.units, { config: scoped, tags, summary: '单位列表 Units' }, (request) =>
    org.listUnits(deps, request.ctx, request.query),
  );
  addRoute(app, orgRoutes.unit, { config: scoped, tags, summary: '单位 Unit' }, async (request, reply) =>
    withEtag(reply, await org.getUnit(deps, request.ctx, request.params.id)),
  );
  addRoute(app, orgRoutes.createUnit, { config: admin, tags, summary: '新增单位 Create unit' }, (request) =>
    org.createUnit(deps, request.ctx, request.body),
  );
  addRoute(app, orgRoutes.updateUnit, { config: admin, tags, summary: '修改单位 Update unit (If-Match)' }, async (request, reply) =>
    withEtag(reply, await org.updateUnit(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );

  addRoute(app, orgRoutes.persons, { config: scoped, tags, summary: '人员列表 People' }, (request) =>
    org.listPersons(deps, request.ctx, {
      unitId: request.query.unitId,
      includeSubunits: request.query.includeSubunits === 'true',
      isLeader: request.query.isLeader === undefined ? undefined : request.query.isLeader === 'true',
      q: request.query.q,
    }),
  );
  addRoute(app, orgRoutes.person, { config: scoped, tags, summary: '人员 Person' }, async (request, reply) =>
    withEtag(reply, await org.getPerson(deps, request.ctx, request.params.id)),
  );
  addRoute(app, orgRoutes.createPerson, { config: admin, tags, summary: '新增人员 Create person' }, (request) =>
    org.createPerson(deps, request.ctx, request.body),
  );
  addRoute(app, orgRoutes.updatePerson, { config: admin, tags, summary: '修改人员 Update person (If-Match)' }, async (request, reply) =>
    withEtag(reply, await org.updatePerson(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
  addRoute(app, orgRoutes.setOverseenUnits, { config: admin, tags, summary: '设置领导分管单位 Set a leader’s overseen units' }, (request) =>
    org.setOverseenUnits(deps, request.ctx, request.params.id, request.body.unitIds),
  );

  addRoute(app, orgRoutes.setAbsence, { config: scoped, tags, summary: '登记请假/出差（B角代办）Mark an absence' }, (request) =>
    org.setAbsence(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, orgRoutes.clearAbsence, { config: scoped, tags, summary: '销假 Clear an absence' }, (request) =>
    org.setAbsence(deps, request.ctx, request.params.id, null),
  );

  addRoute(app, orgRoutes.posts, { config: scoped, tags, summary: '岗位列表 Posts of a unit' }, (request) =>
    org.listPosts(deps, request.ctx, request.query.unitId),
  );
  addRoute(app, orgRoutes.createPost, { config: admin, tags, summary: '新增岗位 Create post' }, (request) =>
    org.createPost(deps, request.ctx, request.body),
  );
  addRoute(app, orgRoutes.updatePost, { config: admin, tags, summary: '修改岗位 Update post (If-Match)' }, async (request, reply) =>
    withEtag(reply, await org.updatePost(deps, request.ctx, request.params.id, expectedVersion(request), request.body)),
  );
}
