/**
 * Reads and writes of 延期申请. The list lives under the item's query key, so refreshing the item (after any action
 * here, or elsewhere on the page) refreshes the list too; an approval moves the item's 办结时限, which the header and
 * the 督办事项 list then show.
 */
import { extensionRoutes, type decideExtensionBody, type requestExtensionBody } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { taskQuery } from '../tasks/tasks.api';

/** `GET /api/tasks/:id/extensions`: the requests, whether the caller may ask now, and which one they may decide. */
export function taskExtensionsQuery(taskId: string) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'extensions'],
    queryFn: () => call(extensionRoutes.list, { params: { id: taskId } }),
  });
}

/** Refreshes the item (header, 时间线) with every section below its key, and the lists that show its 办结时限. */
function refreshItem(client: QueryClient, taskId: string) {
  void client.invalidateQueries({ queryKey: taskQuery(taskId).queryKey });
  void client.invalidateQueries({ queryKey: ['tasks', 'list'] });
}

/** `POST /api/tasks/:id/extensions` (申请延期), idempotent per submission. */
export function useRequestExtension(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BodyOf<typeof requestExtensionBody>; idempotencyKey: string }) =>
      call(extensionRoutes.request, { params: { id: taskId }, body, idempotencyKey }),
    onSettled: () => refreshItem(client, taskId),
  });
}

/** `POST /api/extensions/:id/decision` (批准 / 不批准 the current step). */
export function useDecideExtension(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ extensionId, body }: { extensionId: string; body: BodyOf<typeof decideExtensionBody> }) =>
      call(extensionRoutes.decide, { params: { id: extensionId }, body }),
    onSettled: () => refreshItem(client, taskId),
  });
}
