/** Routes of account administration (security administrator). The PATCH needs `If-Match`. */
import { z } from 'zod';
import { idParams } from './common.js';
import { defineRoute } from './route.js';
import { createUserBody, resetPasswordBody, updateUserBody, userAccount, userListQuery } from './users.js';

export const userRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/users', query: userListQuery, response: z.array(userAccount) }),
  create: defineRoute({ method: 'POST', path: '/api/users', body: createUserBody, status: 201, response: userAccount }),
  update: defineRoute({ method: 'PATCH', path: '/api/users/:id', params: idParams, body: updateUserBody, response: userAccount }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/users/:id/password-reset',
    params: idParams,
    body: resetPasswordBody,
    response: userAccount,
  }),
  unlock: defineRoute({
    method: 'POST',
    path: '/api/users/:id/unlock',
    params: idParams,
    body: z.strictObject({}).optional(),
    response: userAccount,
  }),
};
