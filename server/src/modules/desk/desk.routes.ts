/** HTTP for the 工作台, the 待办/已办 centre and "who acts for the lead unit". */
import { deskRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { getDesk, getTodo } from './desk.service.js';
import { getDone, runBatch } from './desk.todo.js';
import { whoActs } from './desk.who-acts.js';

export function registerDeskRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['tasks'];
  addRoute(
    app,
    deskRoutes.get,
    { config: { scope: 'subtree' }, tags, summary: '工作台：今天轮到我办的事，按紧急程度分组 The reader’s work desk, most urgent first' },
    (request) => getDesk(deps, request.ctx),
  );
  addRoute(
    app,
    deskRoutes.todo,
    { config: { scope: 'subtree' }, tags, summary: '待办：工作台各组的全部事项 Everything awaiting the reader, by group' },
    (request) => getTodo(deps, request.ctx),
  );
  addRoute(
    app,
    deskRoutes.done,
    { config: { scope: 'subtree' }, tags, summary: '已办：我办理过的事项 Items the reader took a step on' },
    (request) => getDone(deps, request.ctx),
  );
  addRoute(
    app,
    deskRoutes.batch,
    { config: { scope: 'subtree' }, tags, summary: '批量签收/批量催办 Sign for or urge many items, each under the lifecycle rules' },
    (request) => runBatch(deps, request.ctx, request.body),
  );
  addRoute(
    app,
    deskRoutes.whoActs,
    { config: { scope: 'subtree' }, tags, summary: '谁为牵头单位办理 Who acts for the item’s lead unit' },
    (request) => whoActs(deps, request.ctx, request.params.id),
  );
}
