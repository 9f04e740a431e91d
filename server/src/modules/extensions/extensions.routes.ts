/** HTTP for 延期申请: list with what the caller may do, ask, decide. */
import { extensionRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as extensions from './extensions.service.js';

export function registerExtensionRoutes(app: FastifyInstance, deps: Deps): void {
  const config = { scope: 'subtree' } as const;
  const tags = ['tasks'];
  addRoute(app, extensionRoutes.list, { config, tags, summary: '延期申请记录 Extension requests of an item' }, (request) =>
    extensions.listExtensions(deps, request.ctx, request.params.id),
  );
  addRoute(
    app,
    extensionRoutes.request,
    { config, tags, summary: '申请延期 Ask for an extension (before the deadline)' },
    async (request) => {
      const key = request.headers['idempotency-key'];
      return extensions.requestExtension(deps, request.ctx, request.params.id, request.body, typeof key === 'string' ? key : undefined);
    },
  );
  addRoute(app, extensionRoutes.decide, { config, tags, summary: '审批延期申请 Decide an extension step' }, (request) =>
    extensions.decideExtension(deps, request.ctx, request.params.id, request.body),
  );
}
