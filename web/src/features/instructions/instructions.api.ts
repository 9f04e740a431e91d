/**
 * Reads and writes of 领导批示. The item's list lives under the item's query key; 我的批示 has its own key. A new
 * 批示 refreshes the item (时间线), the lists (a spawned item is new there) and 我的批示.
 */
import { instructionRoutes, type giveInstructionBody, type newInstructionBody } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { taskQuery } from '../tasks/tasks.api';

/** `GET /api/tasks/:id/instructions`, newest first. */
export function taskInstructionsQuery(taskId: string) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'instructions'],
    queryFn: () => call(instructionRoutes.ofTask, { params: { id: taskId } }),
  });
}

/** `GET /api/instructions/mine`: everything the signed-in leader instructed, with each item's live status. */
export function myInstructionsQuery() {
  return queryOptions({
    queryKey: ['instructions', 'mine'],
    queryFn: () => call(instructionRoutes.mine),
  });
}

/** `POST /api/tasks/:id/instructions` (批示; government leaders only). */
export function useGiveInstruction(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof giveInstructionBody>) => call(instructionRoutes.give, { params: { id: taskId }, body }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: taskQuery(taskId).queryKey }),
        client.invalidateQueries({ queryKey: ['tasks', 'list'] }),
        client.invalidateQueries({ queryKey: ['instructions'] }),
      ]),
  });
}

/** `GET /api/instructions/my-items`: items where the leader is the 分管领导 or instructed, with live status. */
export function myLeaderItemsQuery() {
  return queryOptions({
    queryKey: ['instructions', 'my-items'],
    queryFn: () => call(instructionRoutes.myItems),
  });
}

/** `POST /api/instructions`: a 批示 that starts a new item (拟办) for the 督查室. */
export function useIssueInstruction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof newInstructionBody>) => call(instructionRoutes.issue, { body }),
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: ['tasks'] }), client.invalidateQueries({ queryKey: ['instructions'] })]),
  });
}
