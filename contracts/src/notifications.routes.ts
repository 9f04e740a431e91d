/** Routes of notifications: the own centre and preferences, the administrator's deliveries, and units' group bots. */
import { idParams, okBody } from './common.js';
import {
  createWebhookBody,
  deliveryListQuery,
  deliveryPage,
  notification,
  notificationDelivery,
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  readAllResult,
  unreadCount,
  updateNotificationPreferencesBody,
  webhookEndpoint,
  webhookEndpointList,
} from './notifications.js';
import { defineRoute } from './route.js';

export const notificationRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/notifications', query: notificationListQuery, response: notificationPage }),
  unreadCount: defineRoute({ method: 'GET', path: '/api/notifications/unread-count', response: unreadCount }),
  markRead: defineRoute({ method: 'POST', path: '/api/notifications/:id/read', params: idParams, response: notification }),
  markAllRead: defineRoute({ method: 'POST', path: '/api/notifications/read-all', response: readAllResult }),
  preferences: defineRoute({ method: 'GET', path: '/api/notifications/preferences', response: notificationPreferences }),
  updatePreferences: defineRoute({
    method: 'PUT',
    path: '/api/notifications/preferences',
    body: updateNotificationPreferencesBody,
    response: notificationPreferences,
  }),
  deliveries: defineRoute({ method: 'GET', path: '/api/notification-deliveries', query: deliveryListQuery, response: deliveryPage }),
  retryDelivery: defineRoute({
    method: 'POST',
    path: '/api/notification-deliveries/:id/retry',
    params: idParams,
    response: notificationDelivery,
  }),
  webhooks: defineRoute({ method: 'GET', path: '/api/units/:id/webhooks', params: idParams, response: webhookEndpointList }),
  createWebhook: defineRoute({
    method: 'POST',
    path: '/api/units/:id/webhooks',
    params: idParams,
    body: createWebhookBody,
    status: 201,
    response: webhookEndpoint,
  }),
  deleteWebhook: defineRoute({ method: 'DELETE', path: '/api/webhook-endpoints/:id', params: idParams, response: okBody }),
};
