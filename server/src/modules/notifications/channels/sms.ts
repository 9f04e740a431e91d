/**
 * SMS through any provider's HTTP API: SMS_GATEWAY_TEMPLATE is the JSON body with {{phone}} and {{text}}
 * placeholders, POSTed to SMS_GATEWAY_URL. Placeholders are filled inside parsed JSON strings, so a message with
 * quotes or newlines can never break the body.
 */
import type { Env } from '../../../platform/env.js';
import type { ChannelSender, ComposedMessage, DeliveryTarget } from './channel.js';
import { postJson } from './webhook.js';

/** SMS are short: the title and the link, never the whole body. */
export function smsText(message: ComposedMessage): string {
  const link = /(https?:\/\/\S+|\/tasks\/\S+)/.exec(message.text)?.[0];
  return `【落实】${message.title}${link ? ` ${link}` : ''}`;
}

export function fillTemplate(template: unknown, values: Record<string, string>): unknown {
  if (typeof template === 'string') return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
  if (Array.isArray(template)) return template.map((v) => fillTemplate(v, values));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, values)]));
  }
  return template;
}

export function smsSender(env: Env): ChannelSender {
  return {
    unavailable: () =>
      env.SMS_GATEWAY_URL && env.SMS_GATEWAY_TEMPLATE
        ? null
        : '未配置短信网关（SMS_GATEWAY_URL、SMS_GATEWAY_TEMPLATE），短信暂不能发送 / SMS gateway not configured',
    async send(target: DeliveryTarget, message: ComposedMessage, timeoutMs: number) {
      if (target.channel !== 'sms' || !env.SMS_GATEWAY_URL || !env.SMS_GATEWAY_TEMPLATE) throw new Error('sms sender not usable');
      const body = fillTemplate(JSON.parse(env.SMS_GATEWAY_TEMPLATE), { phone: target.phone, text: smsText(message) });
      await postJson(new URL(env.SMS_GATEWAY_URL), body, timeoutMs);
    },
  };
}
