/**
 * Reads and writes of 督办事项. Query keys start with `tasks`, so one invalidation refreshes lists and details. The two
 * writes carry an `Idempotency-Key` (see `app/api/idempotency.ts`): a double click or a retry never does the work twice.
 */
import { taskRoutes, type RouteBodyInput, type taskDetail, type TaskStatus } from '@luoshi/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';

/** An item with its 时间线, as `GET /api/tasks/:id` and every transition return it. */
export type TaskDetail = ReturnType<typeof taskDetail.parse>;
/** One 时间线 entry. */
export type TaskEvent = TaskDetail['timeline'][number];

/** Filters of `GET /api/tasks`; `inbox` is 我的待办 (items waiting for the caller). */
export type TaskFilter = { status?: TaskStatus; q?: string; inbox: boolean };

const pageSize = 30;

const firstPage: string | null = null;

/** Keyset-paged list: "加载更多" passes the previous page's `nextCursor` back. */
export function tasksQuery(filter: TaskFilter) {
  return infiniteQueryOptions({
    queryKey: ['tasks', 'list', filter],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) =>
      call(taskRoutes.list, {
        query: { status: filter.status, q: filter.q, inbox: filter.inbox, limit: pageSize, cursor: pageParam },
      }),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** One item with its 时间线; `version` goes back as `If-Match` with the next transition. */
export function taskQuery(id: string) {
  return queryOptions({
    queryKey: ['tasks', 'detail', id],
    queryFn: () => call(taskRoutes.get, { params: { id } }),
  });
}

/** Open items that look like `text` (可能重复的督办事项); only asked for from 4 characters on. */
export function similarTasksQuery(text: string) {
  return queryOptions({
    queryKey: ['tasks', 'similar', text],
    queryFn: () => call(taskRoutes.similar, { query: { text } }),
    enabled: text.length >= 4,
    staleTime: 60_000,
  });
}

/** `POST /api/tasks` (登记). */
export function useCreateTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RouteBodyInput<typeof taskRoutes.create>; idempotencyKey: string }) =>
      call(taskRoutes.create, { body, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tasks'] }),
  });
}

/** `POST /api/tasks/:id/transitions`: the answer is the whole item, which replaces the cached detail at once. */
export function useTaskTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      body,
      version,
      idempotencyKey,
    }: {
      body: RouteBodyInput<typeof taskRoutes.transition>;
      version: number;
      idempotencyKey: string;
    }) => call(taskRoutes.transition, { params: { id }, body, version, idempotencyKey }),
    onSuccess: (detail) => {
      client.setQueryData(taskQuery(id).queryKey, detail);
      void client.invalidateQueries({ queryKey: ['tasks', 'list'] });
    },
  });
}

/** 子事项 of `parentId` (`GET /api/tasks?parentId=`), keyset-paged like the list; "加载更多" for large breakdowns. */
export function subtasksQuery(parentId: string) {
  return infiniteQueryOptions({
    queryKey: ['tasks', 'list', { parentId }],
    initialPageParam: firstPage,
    queryFn: ({ pageParam }) => call(taskRoutes.list, { query: { parentId, limit: 50, cursor: pageParam } }),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/**
 * `POST /api/tasks/:id/subtasks` (分解子事项). Afterwards everything under `tasks` is refreshed: the parent (its
 * timeline, counts and roll-up), its sub-item list, and the lists the new items appear in.
 */
export function useBreakDown(parentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RouteBodyInput<typeof taskRoutes.breakDown>; idempotencyKey: string }) =>
      call(taskRoutes.breakDown, { params: { id: parentId }, body, idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
