/** The administrator's side of notifications: deliveries (retry those given up on) and units' group bots. */
import {
  deliveryPage,
  notificationDelivery,
  okBody,
  webhookEndpoint,
  webhookEndpointList,
  type CreateWebhookBody,
  type DeliveryStatus,
} from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';

/** `GET /api/notification-deliveries?status=`: the newest 100 (a failing channel shows in the first rows). */
export function deliveriesQuery(status: DeliveryStatus | undefined) {
  return queryOptions({
    queryKey: ['notification-deliveries', status ?? 'all'],
    queryFn: () => apiRequest('GET', '/api/notification-deliveries', { schema: deliveryPage, query: { status, limit: 100 } }),
  });
}

export function useRetryDelivery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest('POST', `/api/notification-deliveries/${encodeURIComponent(id)}/retry`, { schema: notificationDelivery, body: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: ['notification-deliveries'] }),
  });
}

export function webhooksQuery(unitId: string) {
  return queryOptions({
    queryKey: ['webhooks', unitId],
    queryFn: () => apiRequest('GET', `/api/units/${encodeURIComponent(unitId)}/webhooks`, { schema: webhookEndpointList }),
  });
}

export function useCreateWebhook(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookBody) =>
      apiRequest('POST', `/api/units/${encodeURIComponent(unitId)}/webhooks`, { schema: webhookEndpoint, body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['webhooks', unitId] }),
  });
}

export function useDeleteWebhook(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/webhook-endpoints/${encodeURIComponent(id)}`, { schema: okBody }),
    onSettled: () => client.invalidateQueries({ queryKey: ['webhooks', unitId] }),
  });
}
