/** The administrator's side of notifications: deliveries (retry those given up on) and units' group bots. */
import { notificationRoutes, type CreateWebhookBody, type DeliveryStatus } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';

/** `GET /api/notification-deliveries?status=`: the newest 100 (a failing channel shows in the first rows). */
export function deliveriesQuery(status: DeliveryStatus | undefined) {
  return queryOptions({
    queryKey: ['notification-deliveries', status ?? 'all'],
    queryFn: () => call(notificationRoutes.deliveries, { query: { status, limit: 100 } }),
  });
}

export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(notificationRoutes.retryDelivery, { params: { id }, body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ['notification-deliveries'] }),
  });
}

export function webhooksQuery(unitId: string) {
  return queryOptions({
    queryKey: ['webhooks', unitId],
    queryFn: () => call(notificationRoutes.webhooks, { params: { id: unitId } }),
  });
}

export function useCreateWebhook(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) => call(notificationRoutes.createWebhook, { params: { id: unitId }, body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['webhooks', unitId] }),
  });
}

export function useDeleteWebhook(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(notificationRoutes.deleteWebhook, { params: { id } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['webhooks', unitId] }),
  });
}
