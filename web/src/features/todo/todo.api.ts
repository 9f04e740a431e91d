/**
 * Reads and writes of the 待办/已办 centre and of "who acts for the lead unit". Keyed under ['tasks'] so that any
 * lifecycle step (which invalidates ['tasks']) refreshes them; a batch refreshes every item list and the desk.
 */
import { deskRoutes, type BatchBody } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import { taskQuery } from '../tasks/tasks.api';

/** `GET /api/desk/todo`: the desk's groups across all items. */
export function todoQuery() {
  return queryOptions({ queryKey: ['tasks', 'todo'], queryFn: () => call(deskRoutes.todo), refetchOnMount: 'always' });
}

/** `GET /api/desk/done`: the items the reader acted on. */
export function doneQuery() {
  return queryOptions({ queryKey: ['tasks', 'done'], queryFn: () => call(deskRoutes.done), refetchOnMount: 'always' });
}

/** `GET /api/tasks/:id/who-acts`, under the item's key (a 指定承办人 refreshes it). */
export function whoActsQuery(taskId: string) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'who-acts'],
    queryFn: () => call(deskRoutes.whoActs, { params: { id: taskId } }),
  });
}

/** `POST /api/desk/batch`: 批量签收 / 批量催办. */
export function useBatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BatchBody) => call(deskRoutes.batch, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
