/** Route of the 领导驾驶舱. */
import { cockpitSummary } from './cockpit.js';
import { defineRoute } from './route.js';

export const cockpitRoutes = {
  summary: defineRoute({ method: 'GET', path: '/api/cockpit', response: cockpitSummary }),
};
