/**
 * Reads and writes of the notification centre. The bell refetches the unread count when the live event stream says
 * `notification.created`, and polls slowly in case the stream is down; reading a notification refreshes the count and the lists. The route
 * definitions come through `contractsModule` because the bell is part of the frame every page shows.
 */
import type { NotificationKind, UpdateNotificationPreferencesBody } from '@luoshi/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, contractsModule } from '../../app/api/client';

const routes = contractsModule.then((m) => m.notificationRoutes);

/** How often the bell asks for the unread count anyway (the live stream normally tells it at once). */
export const UNREAD_POLL_MS = 5 * 60_000;

export type NotificationFilter = { unread?: boolean; kind?: NotificationKind };

/** `GET /api/notifications/unread-count`: refetched on `notification.created` (live), and polled slowly as a fallback. */
export function unreadCountQuery() {
  return queryOptions({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => call(routes.then((r) => r.unreadCount)),
    refetchInterval: UNREAD_POLL_MS,
  });
}

/** The newest few, for the bell's dropdown. */
export function latestNotificationsQuery(limit = 8) {
  return queryOptions({
    queryKey: ['notifications', 'latest', limit],
    queryFn: () =>
      call(
        routes.then((r) => r.list),
        { query: { limit } },
      ),
  });
}

/** Keyset-paged list for the 消息通知 page. */
export function notificationsQuery(filter: NotificationFilter) {
  return infiniteQueryOptions({
    queryKey: ['notifications', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        routes.then((r) => r.list),
        { query: { unread: filter.unread ? 'true' : undefined, kind: filter.kind, limit: 20, cursor: pageParam } },
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function preferencesQuery() {
  return queryOptions({
    queryKey: ['notifications', 'preferences'],
    queryFn: () => call(routes.then((r) => r.preferences)),
  });
}

function useRefreshNotifications() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['notifications'] });
}

/** `POST /api/notifications/:id/read`. */
export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (id: string) =>
      call(
        routes.then((r) => r.markRead),
        { params: { id }, body: {} },
      ),
    onSettled: refresh,
  });
}

/** `POST /api/notifications/read-all`. */
export function useMarkAllRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: () =>
      call(
        routes.then((r) => r.markAllRead),
        { body: {} },
      ),
    onSettled: refresh,
  });
}

/** `PUT /api/notifications/preferences`. */
export function useUpdatePreferences() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) =>
      call(
        routes.then((r) => r.updatePreferences),
        { body },
      ),
    onSettled: refresh,
  });
}
