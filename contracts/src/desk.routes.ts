/** Route of the 工作台 (the reader's work desk). */
import { desk } from './desk.js';
import { defineRoute } from './route.js';

export const deskRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/desk', response: desk }),
};
