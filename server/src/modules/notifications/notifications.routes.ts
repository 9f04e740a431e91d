/** HTTP for notifications: the own centre and preferences, the administrator's deliveries, and units' group bots. */
import {
  createWebhookBody,
  deliveryListQuery,
  deliveryPage,
  errorBody,
  idParams,
  notification,
  notificationDelivery,
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  okBody,
  readAllResult,
  unreadCount,
  updateNotificationPreferencesBody,
  webhookEndpoint,
  webhookEndpointList,
} from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context.js';
import * as admin from './notifications.admin.service.js';
import * as centre from './notifications.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody } as const;

export function registerNotificationRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知 My notifications (newest first)',
        querystring: notificationListQuery,
        response: { 200: notificationPage, ...errors },
      },
    },
    (request) => centre.listNotifications(deps, request.ctx, request.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: '未读通知数 Unread count', response: { 200: unreadCount, ...errors } } },
    (request) => centre.unreadCount(deps, request.ctx),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标记已读 Mark read', params: idParams, response: { 200: notification, ...errors } } },
    (request) => centre.markRead(deps, request.ctx, request.params.id),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标记已读 Mark all read', response: { 200: readAllResult, ...errors } } },
    (request) => centre.markAllRead(deps, request.ctx),
  );
  app.get(
    '/notifications/preferences',
    { schema: { tags, summary: '通知设置 My notification settings', response: { 200: notificationPreferences, ...errors } } },
    (request) => centre.getPreferences(deps, request.ctx),
  );
  app.put(
    '/notifications/preferences',
    {
      schema: {
        tags,
        summary: '修改通知设置 Change my notification settings',
        body: updateNotificationPreferencesBody,
        response: { 200: notificationPreferences, ...errors },
      },
    },
    (request) => centre.updatePreferences(deps, request.ctx, request.body),
  );

  const adminConfig = { roles: ['system_admin'], scope: 'subtree' } as const;
  app.get(
    '/notification-deliveries',
    {
      config: adminConfig,
      schema: {
        tags,
        summary: '通知投递记录 Deliveries to users in scope (e.g. ?status=dead)',
        querystring: deliveryListQuery,
        response: { 200: deliveryPage, ...errors },
      },
    },
    (request) => admin.listDeliveries(deps, request.ctx, request.query),
  );
  app.post(
    '/notification-deliveries/:id/retry',
    {
      config: adminConfig,
      schema: {
        tags,
        summary: '重试投递 Retry a delivery given up on',
        params: idParams,
        response: { 200: notificationDelivery, ...errors },
      },
    },
    (request) => admin.retryDelivery(deps, request.ctx, request.params.id),
  );

  const botConfig = { roles: ['system_admin', 'unit_leader'], scope: 'subtree' } as const;
  app.get(
    '/units/:id/webhooks',
    {
      config: botConfig,
      schema: { tags, summary: '单位群机器人 Group bots of a unit', params: idParams, response: { 200: webhookEndpointList, ...errors } },
    },
    (request) => admin.listWebhooks(deps, request.ctx, request.params.id),
  );
  app.post(
    '/units/:id/webhooks',
    {
      config: botConfig,
      schema: {
        tags,
        summary: '新增群机器人 Add a group bot (钉钉/企业微信/飞书)',
        params: idParams,
        body: createWebhookBody,
        response: { 201: webhookEndpoint, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await admin.createWebhook(deps, request.ctx, request.params.id, request.body)),
  );
  app.delete(
    '/webhook-endpoints/:id',
    {
      config: botConfig,
      schema: { tags, summary: '删除群机器人 Remove a group bot', params: idParams, response: { 200: okBody, ...errors } },
    },
    (request) => admin.deleteWebhook(deps, request.ctx, request.params.id),
  );
}
