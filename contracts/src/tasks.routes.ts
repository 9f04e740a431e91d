/** Routes of 督办事项: register, list (incl. 待办, sub-items), duplicate suggestions, read, notices, edit, act, break down. */
import { z } from 'zod';
import { idParams } from './common.js';
import { defineRoute, idempotencyHeaders } from './route.js';
import {
  breakdownBody,
  createTaskBody,
  similarTask,
  similarTasksQuery,
  task,
  taskDetail,
  taskListQuery,
  taskPage,
  transitionBody,
  updateTaskBody,
} from './tasks.js';

/** A generated document: bytes, not JSON. */
const docxBytes = z.unknown().describe('DOCX bytes');

export const taskRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/tasks',
    headers: idempotencyHeaders,
    body: createTaskBody,
    status: 201,
    response: task,
  }),
  list: defineRoute({ method: 'GET', path: '/api/tasks', query: taskListQuery, response: taskPage }),
  similar: defineRoute({ method: 'GET', path: '/api/tasks/similar', query: similarTasksQuery, response: z.array(similarTask) }),
  get: defineRoute({ method: 'GET', path: '/api/tasks/:id', params: idParams, response: taskDetail }),
  assignmentNotice: defineRoute({ method: 'GET', path: '/api/tasks/:id/assignment-notice.docx', params: idParams, response: docxBytes }),
  urgeNotice: defineRoute({ method: 'GET', path: '/api/tasks/:id/urge-notice.docx', params: idParams, response: docxBytes }),
  /** Needs `If-Match`. */
  update: defineRoute({ method: 'PATCH', path: '/api/tasks/:id', params: idParams, body: updateTaskBody, response: taskDetail }),
  /** `If-Match` is optional here (the row lock serialises transitions); when sent, it must match. */
  transition: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/transitions',
    params: idParams,
    headers: idempotencyHeaders,
    body: transitionBody,
    response: taskDetail,
  }),
  breakDown: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/subtasks',
    params: idParams,
    headers: idempotencyHeaders,
    body: breakdownBody,
    status: 201,
    response: z.object({ items: z.array(task) }),
  }),
};
