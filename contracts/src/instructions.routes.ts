/** Routes of 领导批示 and 我的批示. */
import { z } from 'zod';
import { idParams } from './common.js';
import { giveInstructionBody, instruction } from './instructions.js';
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
  ofTask: defineRoute({ method: 'GET', path: '/api/tasks/:id/instructions', params: idParams, response: z.array(instruction) }),
  mine: defineRoute({ method: 'GET', path: '/api/instructions/mine', response: z.array(instruction) }),
};
