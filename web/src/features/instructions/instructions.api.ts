/**
 * Reads and writes of 领导批示. The item's list lives under the item's query key; 我的批示 has its own key. A new
 * 批示 refreshes the item (时间线), the lists (a spawned item is new there) and 我的批示.
 */
import { instruction, type giveInstructionBody } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { taskQuery } from '../tasks/tasks.api';

const instructions = instruction.array();

/** `GET /api/tasks/:id/instructions`, newest first. */
export function taskInstructionsQuery(taskId: string) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'instructions'],
    queryFn: () => apiRequest('GET', `/api/tasks/${encodeURIComponent(taskId)}/instructions`, { schema: instructions }),
  });
}

/** `GET /api/instructions/mine`: everything the signed-in leader instructed, with each item's live status. */
export function myInstructionsQuery() {
  return queryOptions({
    queryKey: ['instructions', 'mine'],
    queryFn: () => apiRequest('GET', '/api/instructions/mine', { schema: instructions }),
  });
}

/** `POST /api/tasks/:id/instructions` (批示; government leaders only). */
export function useGiveInstruction(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof giveInstructionBody>) =>
      apiRequest('POST', `/api/tasks/${encodeURIComponent(taskId)}/instructions`, { schema: instruction, body }),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: taskQuery(taskId).queryKey }),
        client.invalidateQueries({ queryKey: ['tasks', 'list'] }),
        client.invalidateQueries({ queryKey: ['instructions'] }),
      ]),
  });
}
