/**
 * Reads and writes of the notification centre. The bell refetches the unread count when the live event stream says
 * `notification.created`, and polls slowly in case the stream is down; reading a notification refreshes the count and the lists. Schemas come
 * through `contractsModule` because the bell is part of the frame every page shows.
 */
import type { NotificationKind, UpdateNotificationPreferencesBody } from '@luoshi/contracts';
import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, contractsModule } from '../../app/api/client';

const schemas = {
  page: contractsModule.then((m) => m.notificationPage),
  count: contractsModule.then((m) => m.unreadCount),
  one: contractsModule.then((m) => m.notification),
  readAll: contractsModule.then((m) => m.readAllResult),
  preferences: contractsModule.then((m) => m.notificationPreferences),
};

/** How often the bell asks for the unread count anyway (the live stream normally tells it at once). */
export const UNREAD_POLL_MS = 5 * 60_000;

export type NotificationFilter = { unread?: boolean; kind?: NotificationKind };

/** `GET /api/notifications/unread-count`: refetched on `notification.created` (live), and polled slowly as a fallback. */
export function unreadCountQuery() {
  return queryOptions({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => apiRequest('GET', '/api/notifications/unread-count', { schema: schemas.count }),
    refetchInterval: UNREAD_POLL_MS,
  });
}

/** The newest few, for the bell's dropdown. */
export function latestNotificationsQuery(limit = 8) {
  return queryOptions({
    queryKey: ['notifications', 'latest', limit],
    queryFn: () => apiRequest('GET', '/api/notifications', { schema: schemas.page, query: { limit } }),
  });
}

/** Keyset-paged list for the 消息通知 page. */
export function notificationsQuery(filter: NotificationFilter) {
  return infiniteQueryOptions({
    queryKey: ['notifications', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      apiRequest('GET', '/api/notifications', {
        schema: schemas.page,
        query: { unread: filter.unread ? 'true' : undefined, kind: filter.kind, limit: 20, cursor: pageParam },
      }),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function preferencesQuery() {
  return queryOptions({
    queryKey: ['notifications', 'preferences'],
    queryFn: () => apiRequest('GET', '/api/notifications/preferences', { schema: schemas.preferences }),
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
    mutationFn: (id: string) => apiRequest('POST', `/api/notifications/${encodeURIComponent(id)}/read`, { schema: schemas.one, body: {} }),
    onSettled: refresh,
  });
}

/** `POST /api/notifications/read-all`. */
export function useMarkAllRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: () => apiRequest('POST', '/api/notifications/read-all', { schema: schemas.readAll, body: {} }),
    onSettled: refresh,
  });
}

/** `PUT /api/notifications/preferences`. */
export function useUpdatePreferences() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) =>
      apiRequest('PUT', '/api/notifications/preferences', { schema: schemas.preferences, body }),
    onSettled: refresh,
  });
}
