/** Route of the health check: 200 when ready, 503 (same body) when the database cannot be reached. */
import { healthBody } from './health.js';
import { defineRoute } from './route.js';

export const healthRoutes = {
  health: defineRoute({ method: 'GET', path: '/api/health', response: healthBody, otherResponses: { 503: healthBody } }),
};
