/**
 * Idempotent writes (`Idempotency-Key` header): the same key and body twice → one effect, the stored answer twice;
 * the same key with another body → 422. The key is claimed inside the write's own transaction, so a crash or a
 * refusal leaves no claim behind and the retry simply runs again; a concurrent duplicate waits on the claim's row
 * lock and then answers from it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { idempotencyKeys } from '../db/schema/index.js';
import type { RequestContext } from './context.js';
import { canonicalJson, digestHex } from './crypto.js';
import type { Db } from './db.js';
import { AppError } from './errors.js';

export interface StoredAnswer<T> {
  statusCode: number;
  body: T;
}

/**
 * Runs `work` once per (user, key). Without a key it just runs `work` in a transaction.
 * `scope` distinguishes endpoints (e.g. 'POST /tasks') so one key cannot replay another route's answer.
 */
export async function idempotent<T>(
  db: Db,
  ctx: RequestContext,
  key: string | undefined,
  scope: string,
  request: unknown,
  work: (tx: Db) => Promise<StoredAnswer<T>>,
): Promise<StoredAnswer<T>> {
  if (!key) return db.transaction((tx) => work(tx));
  const userId = ctx.actor?.userId;
  if (!userId) throw new AppError('UNAUTHENTICATED');
  const requestHash = digestHex('sha256', `${scope}\n${canonicalJson(request)}`);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId, key, requestHash, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [previous] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
      if (!previous || previous.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      return { statusCode: previous.statusCode ?? 200, body: previous.response as T };
    }
    const answer = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ statusCode: answer.statusCode, response: sql`${JSON.stringify(answer.body)}::jsonb` })
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    return answer;
  });
}
