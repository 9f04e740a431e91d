/**
 * The seam between the delivery worker and the outside world: one sender per channel. A sender either says why it
 * cannot send at all (not configured — the delivery waits), or sends and throws on any failure (the delivery is
 * retried with back-off). Messages are composed once, in Chinese, with a link back to the item.
 */
import type { WebhookPlatform } from '@luoshi/contracts';

export interface ComposedMessage {
  /** Subject line / bot card title. */
  title: string;
  /** Plain text, including the absolute link(s). */
  text: string;
  /** Markdown for the group bots. */
  markdown: string;
  /** The deliveries this message carries (used as an idempotency hint for receivers). */
  deliveryIds: string[];
}

export type DeliveryTarget =
  | { channel: 'email'; address: string }
  | { channel: 'sms'; phone: string }
  | { channel: 'webhook'; platform: WebhookPlatform; url: string; secret: string | null };

export interface ChannelSender {
  /** Why this channel cannot send at all right now (e.g. "SMTP_HOST is not set"), or null when it can. */
  unavailable(): string | null;
  /** Sends or throws; the error's message is kept as the delivery's last_error. */
  send(target: DeliveryTarget, message: ComposedMessage, timeoutMs: number): Promise<void>;
}

export type Senders = Record<DeliveryTarget['channel'], ChannelSender>;

export interface NotificationContent {
  title: string;
  body: string;
  link: string | null;
}

/** Absolute link when the public address is configured, else the app path. */
export function absoluteLink(link: string | null, publicBaseUrl: string | undefined): string | null {
  if (!link) return null;
  return publicBaseUrl ? new URL(link, publicBaseUrl).toString() : link;
}

/** One message for one notification, or a digest of several for the same target. */
export function compose(items: readonly NotificationContent[], deliveryIds: string[], publicBaseUrl: string | undefined): ComposedMessage {
  const linked = items.map((i) => ({ ...i, url: absoluteLink(i.link, publicBaseUrl) }));
  const only = linked.length === 1 ? linked[0] : undefined;
  if (only) {
    const detail = only.url ? `\n查看详情：${only.url}` : '';
    const mdLink = only.url ? `\n\n[查看详情](${only.url})` : '';
    return {
      title: only.title,
      text: `${only.title}\n${only.body}${detail}`,
      markdown: `#### ${only.title}\n\n${only.body}${mdLink}`,
      deliveryIds,
    };
  }
  const title = `督查督办提醒（${linked.length} 条）`;
  const lines = linked.map((i, n) => `${n + 1}. ${i.title}${i.url ? `\n   ${i.url}` : ''}`);
  const mdLines = linked.map((i) => `- ${i.url ? `[${i.title}](${i.url})` : i.title}`);
  return { title, text: `${title}\n${lines.join('\n')}`, markdown: `#### ${title}\n\n${mdLines.join('\n')}`, deliveryIds };
}
