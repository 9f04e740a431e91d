/** HTTP for notifications: the own centre and preferences, the administrator's deliveries, and units' group bots. */
import { notificationRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as admin from './notifications.admin.service.js';
import * as centre from './notifications.service.js';

export function registerNotificationRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['notifications'];
  const routes = notificationRoutes;
  addRoute(app, routes.list, { tags, summary: '我的通知 My notifications (newest first)' }, (request) =>
    centre.listNotifications(deps, request.ctx, request.query),
  );
  addRoute(app, routes.unreadCount, { tags, summary: '未读通知数 Unread count' }, (request) => centre.unreadCount(deps, request.ctx));
  addRoute(app, routes.markRead, { tags, summary: '标记已读 Mark read' }, (request) =>
    centre.markRead(deps, request.ctx, request.params.id),
  );
  addRoute(app, routes.markAllRead, { tags, summary: '全部标记已读 Mark all read' }, (request) => centre.markAllRead(deps, request.ctx));
  addRoute(app, routes.preferences, { tags, summary: '通知设置 My notification settings' }, (request) =>
    centre.getPreferences(deps, request.ctx),
  );
  addRoute(app, routes.updatePreferences, { tags, summary: '修改通知设置 Change my notification settings' }, (request) =>
    centre.updatePreferences(deps, request.ctx, request.body),
  );

  const adminConfig = { roles: ['system_admin'], scope: 'subtree' } as const;
  addRoute(
    app,
    routes.deliveries,
    { config: adminConfig, tags, summary: '通知投递记录 Deliveries to users in scope (e.g. ?status=dead)' },
    (request) => admin.listDeliveries(deps, request.ctx, request.query),
  );
  addRoute(app, routes.retryDelivery, { config: adminConfig, tags, summary: '重试投递 Retry a delivery given up on' }, (request) =>
    admin.retryDelivery(deps, request.ctx, request.params.id),
  );

  const botConfig = { roles: ['system_admin', 'unit_leader'], scope: 'subtree' } as const;
  addRoute(app, routes.webhooks, { config: botConfig, tags, summary: '单位群机器人 Group bots of a unit' }, (request) =>
    admin.listWebhooks(deps, request.ctx, request.params.id),
  );
  addRoute(
    app,
    routes.createWebhook,
    { config: botConfig, tags, summary: '新增群机器人 Add a group bot (钉钉/企业微信/飞书)' },
    (request) => admin.createWebhook(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, routes.deleteWebhook, { config: botConfig, tags, summary: '删除群机器人 Remove a group bot' }, (request) =>
    admin.deleteWebhook(deps, request.ctx, request.params.id),
  );
}
