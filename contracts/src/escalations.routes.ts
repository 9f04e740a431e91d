/** Route of the escalation ladder's lists: 通报候选 and 约谈建议. */
import { escalationCandidatePage, escalationListQuery } from './escalations.js';
import { defineRoute } from './route.js';

export const escalationRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/escalations', query: escalationListQuery, response: escalationCandidatePage }),
};
