/** Routes of a unit's aliases (the names documents use for it); changing them is the system administrator's job. */
import { z } from 'zod';
import { idParams } from './common.js';
import { createUnitAliasBody, unitAlias, unitAliasParams } from './org.js';
import { defineRoute } from './route.js';

export const unitAliasRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/units/:id/aliases', params: idParams, response: z.array(unitAlias) }),
  create: defineRoute({
    method: 'POST',
    path: '/api/units/:id/aliases',
    params: idParams,
    body: createUnitAliasBody,
    status: 201,
    response: unitAlias,
  }),
  /** Answers the aliases left. */
  remove: defineRoute({ method: 'DELETE', path: '/api/units/:id/aliases/:alias', params: unitAliasParams, response: z.array(unitAlias) }),
};
