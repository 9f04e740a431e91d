/** Liveness, readiness (database reachable) and the migration version, for load balancers and operators. */
import { healthBody } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import { isDatabaseReachable } from '../../platform/db.js';

export const APP_VERSION = '0.1.0';

export function registerHealthRoutes(server: FastifyInstance, deps: Deps): void {
  server.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: '健康检查 Health', response: { 200: healthBody, 503: healthBody } },
    },
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
