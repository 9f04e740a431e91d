/** HTTP for 领导批示 and 我的批示. */
import { instructionRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import { listMyItems } from './instructions.items.js';
import * as instructions from './instructions.service.js';

export function registerInstructionRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['tasks'];
  addRoute(
    app,
    instructionRoutes.give,
    { config: { scope: 'subtree', roles: ['government_leader'] }, tags, summary: '领导批示 Give an instruction on an item' },
    (request) => instructions.giveInstruction(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(
    app,
    instructionRoutes.issue,
    {
      config: { scope: 'subtree', roles: ['government_leader'] },
      tags,
      summary: '领导批示（新事项）A leader’s instruction that starts a new item',
    },
    (request) => instructions.issueInstruction(deps, request.ctx, request.body),
  );
  addRoute(
    app,
    instructionRoutes.ofTask,
    { config: { scope: 'subtree' }, tags, summary: '事项的领导批示 Instructions on an item' },
    (request) => instructions.listTaskInstructions(deps, request.ctx, request.params.id),
  );
  addRoute(
    app,
    instructionRoutes.mine,
    { config: { roles: ['government_leader'] }, tags, summary: '我的批示 My instructions with live status' },
    (request) => instructions.listMyInstructions(deps, request.ctx),
  );
  addRoute(
    app,
    instructionRoutes.myItems,
    {
      config: { roles: ['government_leader'] },
      tags,
      summary: '我的批示：我分管或批示的事项 Items the leader is responsible for or instructed on',
    },
    (request) => listMyItems(deps, request.ctx),
  );
}
