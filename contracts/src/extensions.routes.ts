/** Routes of 延期申请: an item's requests, ask, decide. */
import { idParams } from './common.js';
import { decideExtensionBody, extensionRequest, requestExtensionBody, taskExtensions } from './extensions.js';
import { defineRoute, idempotencyHeaders } from './route.js';

export const extensionRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/tasks/:id/extensions', params: idParams, response: taskExtensions }),
  request: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/extensions',
    params: idParams,
    headers: idempotencyHeaders,
    body: requestExtensionBody,
    status: 201,
    response: extensionRequest,
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/api/extensions/:id/decision',
    params: idParams,
    body: decideExtensionBody,
    response: extensionRequest,
  }),
};
