/** E-mail over SMTP (nodemailer), configured by SMTP_* variables; without SMTP_HOST it reports itself unavailable. */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../../../platform/env.js';
import type { ChannelSender, ComposedMessage, DeliveryTarget } from './channel.js';

export function emailSender(env: Env): ChannelSender {
  let transport: Transporter | null = null;
  const host = env.SMTP_HOST;
  return {
    unavailable: () => (host ? null : '未配置邮件服务器（SMTP_HOST），邮件暂不能发送 / SMTP_HOST is not set'),
    async send(target: DeliveryTarget, message: ComposedMessage, timeoutMs: number) {
      if (target.channel !== 'email' || !host) throw new Error('email sender got a non-email target');
      transport ??= nodemailer.createTransport({
        host,
        port: env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587),
        secure: env.SMTP_SECURE ?? false,
        auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? '' } : undefined,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
      await transport.sendMail({
        from: env.SMTP_FROM ?? `落实督查督办 <luoshi@${host}>`,
        to: target.address,
        subject: message.title,
        text: message.text,
        // Receivers that de-duplicate by Message-ID drop a resend after a crash between sending and recording it.
        messageId: `<${message.deliveryIds.join('.')}@luoshi>`,
        headers: { 'X-Luoshi-Delivery': message.deliveryIds.join(',') },
      });
    },
  };
}
