/** Routes of the audit administrator: search and verify the audit log. */
import { auditPage, auditSearchQuery, auditVerifyResult } from './audit.js';
import { defineRoute } from './route.js';

export const auditRoutes = {
  search: defineRoute({ method: 'GET', path: '/api/audit-events', query: auditSearchQuery, response: auditPage }),
  verify: defineRoute({ method: 'GET', path: '/api/audit-events/verify', response: auditVerifyResult }),
};
