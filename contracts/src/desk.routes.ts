/** Routes of the 工作台 (the reader's work desk), the 待办/已办 centre and "who acts for the lead unit". */
import { idParams } from './common.js';
import { batchBody, batchResult, desk, doneList, whoActs } from './desk.js';
import { defineRoute } from './route.js';

export const deskRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/desk', response: desk }),
  /** 待办: the desk's groups across all items (TODO_GROUP_CAP per group). */
  todo: defineRoute({ method: 'GET', path: '/api/desk/todo', response: desk }),
  /** 已办: items the reader took a step on, newest first. */
  done: defineRoute({ method: 'GET', path: '/api/desk/done', response: doneList }),
  batch: defineRoute({ method: 'POST', path: '/api/desk/batch', body: batchBody, response: batchResult }),
  whoActs: defineRoute({ method: 'GET', path: '/api/tasks/:id/who-acts', params: idParams, response: whoActs }),
};
