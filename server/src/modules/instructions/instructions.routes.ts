/** HTTP for 领导批示 and 我的批示. */
import { errorBody, giveInstructionBody, idParams, instruction } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import * as instructions from './instructions.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export function registerInstructionRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  app.post(
    '/tasks/:id/instructions',
    {
      config: { scope: 'subtree', roles: ['government_leader'] },
      schema: {
        tags,
        summary: '领导批示 Give an instruction on an item',
        params: idParams,
        body: giveInstructionBody,
        response: { 201: instruction, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await instructions.giveInstruction(deps, request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/tasks/:id/instructions',
    {
      config: { scope: 'subtree' },
      schema: {
        tags,
        summary: '事项的领导批示 Instructions on an item',
        params: idParams,
        response: { 200: z.array(instruction), ...errors },
      },
    },
    (request) => instructions.listTaskInstructions(deps, request.ctx, request.params.id),
  );
  app.get(
    '/instructions/mine',
    {
      config: { roles: ['government_leader'] },
      schema: { tags, summary: '我的批示 My instructions with live status', response: { 200: z.array(instruction), ...errors } },
    },
    (request) => instructions.listMyInstructions(deps, request.ctx),
  );
}
