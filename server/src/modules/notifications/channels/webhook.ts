/**
 * Group bots. Each platform's documented scheme:
 * - 钉钉 / 政务钉钉 加签: sign = urlencode(base64(HMAC-SHA256(key = secret, "timestamp\nsecret"))), timestamp in
 *   milliseconds; both go in the query string. Body: { msgtype: 'markdown', markdown: { title, text } }.
 * - 企业微信: the URL's `key` is the credential, no signature. Body: { msgtype: 'markdown', markdown: { content } }.
 * - 飞书 签名校验: sign = base64(HMAC-SHA256(key = "timestamp\nsecret", empty message)), timestamp in seconds;
 *   both go in the JSON body with { msg_type: 'text', content: { text } }.
 * All three answer HTTP 200 with a non-zero errcode/code on refusal; that counts as a failure.
 */
import { createHmac } from 'node:crypto';
import type { ChannelSender, ComposedMessage, DeliveryTarget } from './channel.js';

export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('', 'utf8').digest('base64');
}

/** The request a platform expects for a message. `nowMs` is the wall clock (the platforms check it). */
export function botRequest(target: Extract<DeliveryTarget, { channel: 'webhook' }>, message: ComposedMessage, nowMs: number) {
  const url = new URL(target.url);
  if (target.platform === 'dingtalk') {
    if (target.secret) {
      url.searchParams.set('timestamp', String(nowMs));
      url.searchParams.set('sign', dingtalkSign(nowMs, target.secret));
    }
    return { url, body: { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } } };
  }
  if (target.platform === 'wecom') {
    return { url, body: { msgtype: 'markdown', markdown: { content: message.markdown } } };
  }
  const seconds = Math.floor(nowMs / 1000);
  const signed = target.secret ? { timestamp: String(seconds), sign: feishuSign(seconds, target.secret) } : {};
  return { url, body: { ...signed, msg_type: 'text', content: { text: message.text } } };
}

/**
 * `isAllowed` re-checks WEBHOOK_ALLOWED_HOSTS at send time, so narrowing the list stops bots created before.
 */
export function webhookSender(isAllowed: (url: string) => boolean, now: () => number = Date.now): ChannelSender {
  return {
    unavailable: () => null,
    async send(target: DeliveryTarget, message: ComposedMessage, timeoutMs: number) {
      if (target.channel !== 'webhook') throw new Error('webhook sender got a non-webhook target');
      if (!isAllowed(target.url))
        throw new Error(`主机不在允许范围内（WEBHOOK_ALLOWED_HOSTS）/ host not allowed: ${new URL(target.url).hostname}`);
      const { url, body } = botRequest(target, message, now());
      await postJson(url, body, timeoutMs);
    },
  };
}

/** POSTs JSON; throws on a non-2xx answer, a timeout, or a platform error code in the answer. */
export async function postJson(url: URL, body: unknown, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new Error(
      timedOut ? `超时（${timeoutMs} ms）未响应 / timed out` : `无法连接 / ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const answer = (await res.text()).slice(0, 300);
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${answer}`);
  const code = platformCode(answer);
  if (code) throw new Error(`平台拒绝 / refused: ${answer}`);
}

/** errcode (钉钉, 企业微信) or code (飞书) other than 0 in a JSON answer. */
function platformCode(answer: string): number | null {
  try {
    const parsed = JSON.parse(answer) as { errcode?: unknown; code?: unknown; StatusCode?: unknown };
    const code = parsed.errcode ?? parsed.code;
    return typeof code === 'number' && code !== 0 ? code : null;
  } catch {
    return null;
  }
}
