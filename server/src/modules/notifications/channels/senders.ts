/** The senders for a configuration: e-mail (SMTP), SMS (HTTP gateway) and group bots. */
import type { Env } from '../../../platform/env.js';
import { hostAllowed } from '../notifications.rules.js';
import type { Senders } from './channel.js';
import { emailSender } from './email.js';
import { smsSender } from './sms.js';
import { webhookSender } from './webhook.js';

export function sendersFor(env: Env): Senders {
  return { email: emailSender(env), sms: smsSender(env), webhook: webhookSender((url) => hostAllowed(url, env.WEBHOOK_ALLOWED_HOSTS)) };
}
