/**
 * Routes of 督办事项来源 (the source registry), 办理时限与预警设置 (each source's policy) and the governments' item
 * number patterns.
 */
import { z } from 'zod';
import { defineRoute } from './route.js';
import { sourceParams, sourcePolicy, sourcePolicyBody } from './source-policies.js';
import { createSourceBody, numberPatternBody, numberPatternParams, numberPatternSetting, source, updateSourceBody } from './sources.js';

export const sourceRoutes = {
  /** Every source, active or not (any signed-in user: the task form's 来源 select reads it). */
  list: defineRoute({ method: 'GET', path: '/api/sources', response: z.array(source) }),
  create: defineRoute({ method: 'POST', path: '/api/sources', body: createSourceBody, status: 201, response: source }),
  update: defineRoute({ method: 'PATCH', path: '/api/sources/:source', params: sourceParams, body: updateSourceBody, response: source }),
  listPolicies: defineRoute({ method: 'GET', path: '/api/source-policies', response: z.array(sourcePolicy) }),
  setPolicy: defineRoute({
    method: 'PUT',
    path: '/api/source-policies/:source',
    params: sourceParams,
    body: sourcePolicyBody,
    response: sourcePolicy,
  }),
  listNumberPatterns: defineRoute({ method: 'GET', path: '/api/number-patterns', response: z.array(numberPatternSetting) }),
  setNumberPattern: defineRoute({
    method: 'PUT',
    path: '/api/number-patterns/:unitId',
    params: numberPatternParams,
    body: numberPatternBody,
    response: numberPatternSetting,
  }),
};
