/** Liveness, readiness (database reachable) and the migration version, for load balancers and operators. */
import { healthRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { isDatabaseReachable } from '../../platform/db.js';
import { addRoute } from '../../platform/http/route.js';

export const APP_VERSION = '0.1.0';

export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  addRoute(
    app,
    healthRoutes.health,
    { config: { access: 'public' }, tags: ['health'], summary: '健康检查 Health' },
    async (_request, reply) => {
      const ready = await isDatabaseReachable(deps.database);
      const body = {
        status: ready ? ('ok' as const) : ('degraded' as const),
        live: true as const,
        ready,
        database: deps.database.kind,
        migration: deps.database.migration,
        version: APP_VERSION,
      };
      return reply.code(ready ? 200 : 503).send(body);
    },
  );
}
