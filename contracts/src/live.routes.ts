/** Route of live updates: a server-sent event stream. */
import { z } from 'zod';
import { defineRoute } from './route.js';

export const liveRoutes = {
  events: defineRoute({
    method: 'GET',
    path: '/api/events',
    response: z.string().describe('text/event-stream of `task.changed` (items in scope) and `notification.created` (own bell) events'),
  }),
};
