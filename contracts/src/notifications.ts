/**
 * Notification contracts (REQUIREMENTS X3, S3 催办): the in-app centre, each user's channel preferences, the
 * administrator's view of deliveries that failed, and the group bots (钉钉 / 企业微信 / 飞书) of a unit.
 */
import { z } from 'zod';
import { limits, pageOf, text } from './common.js';

/** What a notification is about; the web shows the label and may filter by it. */
export const notificationKindValues = [
  'assigned',
  'urged',
  'approval_needed',
  'sent_back',
  'completion_requested',
  'completed',
  'returned',
  'accepted',
  'decided',
  'withdrawn',
  'resumed',
  'report_due',
  'deadline_near',
  'sign_for_overdue',
  'overdue',
  'escalation',
] as const;
export const notificationKindSchema = z.enum(notificationKindValues);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationKindLabels: Record<NotificationKind, { 'zh-CN': string; en: string }> = {
  assigned: { 'zh-CN': '交办', en: 'Assigned' },
  urged: { 'zh-CN': '催办', en: 'Urged' },
  approval_needed: { 'zh-CN': '待审批', en: 'Awaiting approval' },
  sent_back: { 'zh-CN': '退回重办', en: 'Sent back' },
  completion_requested: { 'zh-CN': '申请办结', en: 'Completion requested' },
  completed: { 'zh-CN': '办结', en: 'Completed' },
  returned: { 'zh-CN': '退回', en: 'Returned' },
  accepted: { 'zh-CN': '签收', en: 'Accepted' },
  decided: { 'zh-CN': '审批结果', en: 'Decision' },
  withdrawn: { 'zh-CN': '撤销', en: 'Withdrawn' },
  resumed: { 'zh-CN': '恢复办理', en: 'Resumed' },
  report_due: { 'zh-CN': '进展反馈提醒', en: 'Report due' },
  deadline_near: { 'zh-CN': '临期提醒', en: 'Deadline near' },
  sign_for_overdue: { 'zh-CN': '逾期未签收', en: 'Not accepted in time' },
  overdue: { 'zh-CN': '逾期', en: 'Overdue' },
  escalation: { 'zh-CN': '督办升级', en: 'Escalation' },
};

export const notification = z.object({
  id: z.uuid(),
  taskId: z.uuid().nullable(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  /** Path in the web app, e.g. /tasks/<id>. */
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  /**
   * Set on a notification that asked for a step (签收, 审核, 审批 …) once someone took it since: which step (a
   * timeline event type), who and when — so a reader does not act on what is already done.
   */
  done: z.object({ step: z.string(), actorName: z.string().nullable(), at: z.iso.datetime() }).optional(),
});
export type Notification = z.infer<typeof notification>;

export const notificationListQuery = z.strictObject({
  /** true: unread only. */
  unread: z.enum(['true', 'false']).optional(),
  kind: notificationKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).optional(),
  cursor: z.string().max(80).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationPage = pageOf(notification);
export type NotificationPage = z.infer<typeof notificationPage>;

export const unreadCount = z.object({ count: z.number().int().min(0) });
export const readAllResult = z.object({ marked: z.number().int().min(0) });

/** Channels besides in-app (which is always on). */
export const notificationChannelSchema = z.enum(['email', 'sms']);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const quietHoursSchema = z.object({ from: clockTime, to: clockTime });
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const notificationPreferences = z.object({
  channels: z.array(notificationChannelSchema),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Asia/Shanghai; e-mail and SMS wait until it ends; null = never quiet. */
  quietHours: quietHoursSchema.nullable(),
  /** One message a day (08:30) instead of one per event, for e-mail and SMS. */
  digest: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const updateNotificationPreferencesBody = z.strictObject({
  channels: z.array(notificationChannelSchema).max(2),
  email: z.email().max(254).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d{5,20}$/, 'digits, optionally with a leading +')
    .nullable(),
  quietHours: quietHoursSchema.nullable(),
  digest: z.boolean(),
});
export type UpdateNotificationPreferencesBody = z.infer<typeof updateNotificationPreferencesBody>;

export const deliveryChannelSchema = z.enum(['email', 'sms', 'webhook']);
export const deliveryStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'dead']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const notificationDelivery = z.object({
  id: z.uuid(),
  notificationId: z.uuid(),
  title: z.string(),
  recipientName: z.string(),
  channel: deliveryChannelSchema,
  /** E-mail address, phone or the group bot's platform and unit; never a bot URL or secret. */
  target: z.string(),
  status: deliveryStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type NotificationDelivery = z.infer<typeof notificationDelivery>;

export const deliveryListQuery = z.strictObject({
  status: deliveryStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).optional(),
  cursor: z.string().max(80).optional(),
});
export const deliveryPage = pageOf(notificationDelivery);

export const webhookPlatformSchema = z.enum(['dingtalk', 'wecom', 'feishu']);
export type WebhookPlatform = z.infer<typeof webhookPlatformSchema>;

export const webhookPlatformLabels: Record<WebhookPlatform, { 'zh-CN': string; en: string }> = {
  dingtalk: { 'zh-CN': '钉钉 / 政务钉钉', en: 'DingTalk' },
  wecom: { 'zh-CN': '企业微信', en: 'WeCom' },
  feishu: { 'zh-CN': '飞书', en: 'Feishu' },
};

export const webhookEndpoint = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  platform: webhookPlatformSchema,
  /** The bot URL with its token masked: the full URL is a credential. */
  urlMasked: z.string(),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

export const webhookEndpointList = z.object({ items: z.array(webhookEndpoint) });

export const createWebhookBody = z.strictObject({
  platform: webhookPlatformSchema,
  url: z.url({ protocol: /^https?$/ }).max(limits.shortTextMax),
  /** 钉钉 加签 / 飞书 签名校验 secret. */
  secret: text(200).optional(),
  enabled: z.boolean().optional(),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;
