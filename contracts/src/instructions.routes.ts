/** Routes of 领导批示 and 我的批示. */
import { z } from 'zod';
import { idParams } from './common.js';
import { giveInstructionBody, instruction, leaderItem, newInstructionBody } from './instructions.js';
import { defineRoute } from './route.js';

export const instructionRoutes = {
  give: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/instructions',
    params: idParams,
    body: giveInstructionBody,
    status: 201,
    response: instruction,
  }),
  /** A 批示 that starts a new item (not on an existing one). */
  issue: defineRoute({ method: 'POST', path: '/api/instructions', body: newInstructionBody, status: 201, response: instruction }),
  ofTask: defineRoute({ method: 'GET', path: '/api/tasks/:id/instructions', params: idParams, response: z.array(instruction) }),
  mine: defineRoute({ method: 'GET', path: '/api/instructions/mine', response: z.array(instruction) }),
  /** Every item where the leader is the 分管领导 or instructed, with its live status. */
  myItems: defineRoute({ method: 'GET', path: '/api/instructions/my-items', response: z.array(leaderItem) }),
};
