/**
 * Appends audit events in the caller's transaction and verifies the hash chains.
 *
 * Chain design: 64 shards. An event's shard is derived from the object it concerns (or the actor, for events
 * without an object), so concurrent writes to unrelated objects lock different head rows and do not serialise.
 * Each event stores its shard, its sequence number in that shard, the previous event's hash and its own hash
 * over all its fields; altering, removing or inserting an event breaks verification. Deleting the newest events and
 * rewinding the heads to match is caught only against a signed checkpoint kept outside the database
 * (platform/audit-checkpoint.ts).
 */
import type { AuditEventType, AuditVerifyResult } from '@luoshi/contracts';
import { sql } from 'drizzle-orm';
import { auditEvents } from '../db/schema/index.js';
import type { RequestContext } from './context.js';
import { readNewestCheckpoint, readRecentCheckpoints, type AuditCheckpoint, type AuditCheckpointConfig } from './audit-checkpoint.js';
import { canonicalJson, digestHex, type HashAlgorithm } from './crypto.js';
import { executeRows, type Database, type Db } from './db.js';

export const AUDIT_SHARDS = 64;
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  eventType: AuditEventType;
  outcome?: 'success' | 'failure';
  objectType?: string;
  objectId?: string;
  before?: unknown;
  after?: unknown;
  /** Actor name for events without a signed-in actor (e.g. a failed sign-in names the attempted login). */
  actorUsername?: string;
}

interface HashedFields {
  shard: number;
  seq: number;
  prevHash: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorUnitId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  eventType: string;
  outcome: string;
  objectType: string | null;
  objectId: string | null;
  before: unknown;
  after: unknown;
  alg: HashAlgorithm;
}

export function shardFor(key: string): number {
  return Number.parseInt(digestHex('sha256', key).slice(0, 8), 16) % AUDIT_SHARDS;
}

export function hashEvent(fields: HashedFields): string {
  return digestHex(fields.alg, canonicalJson({ v: 1, ...fields }));
}

/** Dates become ISO strings and undefined disappears, exactly as jsonb will give them back. */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Writes one event in `tx`. Call it inside the same transaction as the change it records, so that both commit or
 * neither does.
 */
export async function appendAuditEvent(tx: Db, ctx: RequestContext, alg: HashAlgorithm, entry: AuditEntry): Promise<void> {
  const actorKey = ctx.actor?.userId ?? entry.actorUsername ?? 'system';
  const shard = shardFor(entry.objectId ? `${entry.objectType ?? ''}:${entry.objectId}` : `actor:${actorKey}`);
  const head = await executeRows<{ seq: number | string; hash: string }>(
    tx,
    sql`
    insert into audit_chain_heads (shard, seq, hash) values (${shard}, 1, ${GENESIS_HASH})
    on conflict (shard) do update set seq = audit_chain_heads.seq + 1
    returning seq, hash`,
  );
  const row = head[0];
  if (!row) throw new Error('audit chain head missing');
  const fields: HashedFields = {
    shard,
    seq: Number(row.seq),
    prevHash: row.hash,
    occurredAt: ctx.clock.now().toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? entry.actorUsername ?? null,
    actorUnitId: ctx.actor?.unitId ?? null,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
    requestId: ctx.request.id,
    eventType: entry.eventType,
    outcome: entry.outcome ?? 'success',
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    before: toJsonValue(entry.before),
    after: toJsonValue(entry.after),
    alg,
  };
  const hash = hashEvent(fields);
  await tx.execute(sql`update audit_chain_heads set hash = ${hash} where shard = ${shard}`);
  await tx.insert(auditEvents).values({
    occurredAt: new Date(fields.occurredAt),
    actorUserId: fields.actorUserId,
    actorUsername: fields.actorUsername,
    actorUnitId: fields.actorUnitId,
    ip: fields.ip,
    userAgent: fields.userAgent,
    requestId: fields.requestId,
    eventType: fields.eventType,
    outcome: fields.outcome,
    objectType: fields.objectType,
    objectId: fields.objectId,
    before: fields.before,
    after: fields.after,
    chainShard: shard,
    chainSeq: fields.seq,
    prevHash: fields.prevHash,
    hash,
    hashAlg: alg,
  });
}

interface StoredEvent extends Record<string, unknown> {
  id: number | string;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_unit_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  event_type: string;
  outcome: string;
  object_type: string | null;
  object_id: string | null;
  before: unknown;
  after: unknown;
  chain_shard: number;
  chain_seq: number | string;
  prev_hash: string;
  hash: string;
  hash_alg: string;
}

interface Problem {
  eventId: number | null;
  shard: number;
  problem: string;
}

export interface VerifyAuditOptions {
  /** Also check the chains against the newest signed checkpoint in this place (the CLI; the worker's file). */
  checkpoints?: AuditCheckpointConfig;
}

/** What `verifyAuditChain` says about the checkpoint, when asked to check one. */
export type CheckpointVerdict = { status: 'none' } | { status: 'invalid' } | { status: 'checked'; at: string; shards: number };

export interface AuditChainReport extends AuditVerifyResult {
  /** Present when `options.checkpoints` was given. */
  checkpoint?: CheckpointVerdict;
}

/**
 * The newest earlier checkpoint whose sequence in `shard` (below `below`) still holds the hash it recorded: the
 * rewritten part of the shard starts after it.
 */
async function lastIntactMark(
  database: Database,
  config: AuditCheckpointConfig,
  shard: number,
  below: number,
): Promise<{ seq: number; at: string } | null> {
  for (const older of readRecentCheckpoints(config)) {
    const mark = older.heads.find((h) => h.shard === shard);
    if (!mark || mark.seq >= below) continue;
    const [row] = await database.query<{ hash: string }>('select hash from audit_events where chain_shard = $1 and chain_seq = $2', [
      shard,
      mark.seq,
    ]);
    if (!row) return null;
    if (row.hash === mark.hash) return { seq: mark.seq, at: older.at };
  }
  return null;
}

/**
 * A shard's tail against the checkpoint: the chain must still reach the checkpointed sequence with the same hash
 * there. `hashAtCheckpoint` is undefined when the event at that sequence was not seen. Returns a zh-CN / English
 * problem, or null. `narrow` finds the last earlier checkpointed sequence that is intact, to bound a rewritten part.
 */
async function tailProblem(
  shard: number,
  mark: { seq: number; hash: string } | undefined,
  at: string,
  walked: { lastSeq: number; anchorSeq: number; hashAtCheckpoint: string | undefined },
  narrow: () => Promise<{ seq: number; at: string } | null>,
): Promise<string | null> {
  if (!mark || mark.seq === 0) return null;
  if (walked.lastSeq < mark.seq) {
    const from = walked.lastSeq + 1;
    return (
      `分片 ${shard} 的末尾被截断：${at} 的检查点记录到序号 ${mark.seq}，现在只到序号 ${walked.lastSeq}，自序号 ${from} 起的事件被删除 / ` +
      `shard ${shard}: the log's end was cut: the checkpoint of ${at} recorded sequence ${mark.seq}, the chain now ends at ${walked.lastSeq}; events from sequence ${from} on were removed`
    );
  }
  // Purged by retention since the checkpoint: nothing left to compare.
  if (mark.seq < walked.anchorSeq) return null;
  if (walked.hashAtCheckpoint !== mark.hash) {
    const intact = await narrow();
    const zhFrom = intact ? `自序号 ${intact.seq + 1} 至 ${mark.seq} 之间的某一序号起` : `最迟自序号 ${mark.seq} 起`;
    const enFrom = intact
      ? `events from a sequence between ${intact.seq + 1} and ${mark.seq} on were replaced (sequence ${intact.seq} still matches the checkpoint of ${intact.at})`
      : `events from sequence ${mark.seq} or earlier were replaced`;
    return (
      `分片 ${shard} 的末尾被改写：序号 ${mark.seq} 的事件与 ${at} 的检查点不符，${zhFrom}的事件被替换 / ` +
      `shard ${shard}: the log's end was rewritten: the event at sequence ${mark.seq} differs from the checkpoint of ${at}; ${enFrom}`
    );
  }
  return null;
}

/**
 * Walks every shard's chain in order and reports the earliest broken event: an altered row (hash mismatch), a
 * removed or inserted row (sequence or link mismatch), or a truncated tail (head ahead of the last event). With
 * `options.checkpoints`, also checks the newest signed checkpoint and that every shard still reaches it — which
 * catches newest events deleted together with their chain heads.
 */
export async function verifyAuditChain(database: Database, options: VerifyAuditOptions = {}): Promise<AuditChainReport> {
  const problems: Problem[] = [];
  let checkpoint: AuditCheckpoint | null = null;
  let verdict: CheckpointVerdict | undefined;
  if (options.checkpoints) {
    const newest = readNewestCheckpoint(options.checkpoints);
    if (newest.status === 'valid') checkpoint = newest.checkpoint;
    else if (newest.status === 'invalid') problems.push({ eventId: null, shard: -1, problem: newest.problem });
    verdict =
      newest.status === 'valid'
        ? { status: 'checked', at: newest.checkpoint.at, shards: newest.checkpoint.heads.length }
        : { status: newest.status };
  }
  const marks = new Map((checkpoint?.heads ?? []).map((h) => [h.shard, h]));
  const anchors = new Map<number, { seq: number; hash: string }>();
  for (const a of await database.query<{ shard: number; seq: number | string; hash: string }>(
    'select shard, seq, hash from audit_chain_anchors',
  )) {
    anchors.set(Number(a.shard), { seq: Number(a.seq), hash: a.hash });
  }
  const heads = new Map<number, { seq: number; hash: string }>();
  for (const h of await database.query<{ shard: number; seq: number | string; hash: string }>(
    'select shard, seq, hash from audit_chain_heads',
  )) {
    heads.set(Number(h.shard), { seq: Number(h.seq), hash: h.hash });
  }
  let checked = 0;
  for (let shard = 0; shard < AUDIT_SHARDS; shard++) {
    const anchor = anchors.get(shard);
    const mark = marks.get(shard);
    let expectedSeq = (anchor?.seq ?? 0) + 1;
    let expectedPrev = anchor?.hash ?? GENESIS_HASH;
    let lastSeq = anchor?.seq ?? 0;
    let lastHash = expectedPrev;
    let hashAtCheckpoint = anchor && mark && anchor.seq === mark.seq ? anchor.hash : undefined;
    let afterSeq = 0;
    let shardBroken = false;
    for (;;) {
      const batch = await database.query<StoredEvent>(
        `select * from audit_events where chain_shard = $1 and chain_seq > $2 order by chain_seq limit 2000`,
        [shard, afterSeq],
      );
      for (const e of batch) {
        checked++;
        const id = Number(e.id);
        const seq = Number(e.chain_seq);
        afterSeq = seq;
        if (shardBroken) continue;
        const recomputed = hashEvent({
          shard,
          seq,
          prevHash: e.prev_hash,
          occurredAt: new Date(e.occurred_at).toISOString(),
          actorUserId: e.actor_user_id,
          actorUsername: e.actor_username,
          actorUnitId: e.actor_unit_id,
          ip: e.ip,
          userAgent: e.user_agent,
          requestId: e.request_id,
          eventType: e.event_type,
          outcome: e.outcome,
          objectType: e.object_type,
          objectId: e.object_id,
          before: e.before ?? null,
          after: e.after ?? null,
          alg: e.hash_alg === 'sm3' ? 'sm3' : 'sha256',
        });
        if (seq !== expectedSeq) {
          problems.push({ eventId: id, shard, problem: `event(s) missing before #${id}: expected sequence ${expectedSeq}, found ${seq}` });
          shardBroken = true;
        } else if (e.prev_hash !== expectedPrev) {
          problems.push({ eventId: id, shard, problem: `event #${id} does not link to its predecessor` });
          shardBroken = true;
        } else if (recomputed !== e.hash) {
          problems.push({ eventId: id, shard, problem: `event #${id} was altered: its content does not match its hash` });
          shardBroken = true;
        }
        if (mark && seq === mark.seq) hashAtCheckpoint = e.hash;
        expectedSeq = seq + 1;
        expectedPrev = e.hash;
        lastSeq = seq;
        lastHash = e.hash;
      }
      if (batch.length < 2000) break;
    }
    const head = heads.get(shard);
    if (!shardBroken && head && (head.seq !== lastSeq || head.hash !== lastHash)) {
      problems.push({ eventId: null, shard, problem: `shard ${shard}: the newest event(s) after sequence ${lastSeq} were removed` });
    } else if (!shardBroken && checkpoint && options.checkpoints) {
      const place = options.checkpoints;
      const walked = { lastSeq, anchorSeq: anchor?.seq ?? 0, hashAtCheckpoint };
      const problem = await tailProblem(shard, mark, checkpoint.at, walked, () => lastIntactMark(database, place, shard, mark?.seq ?? 0));
      if (problem) problems.push({ eventId: null, shard, problem });
    }
  }
  const first = problems.filter((p) => p.eventId !== null).sort((a, b) => (a.eventId ?? 0) - (b.eventId ?? 0))[0] ?? problems[0];
  return {
    isIntact: problems.length === 0,
    checkedCount: checked,
    firstBrokenEventId: first?.eventId ?? null,
    problem: first?.problem ?? null,
    ...(verdict ? { checkpoint: verdict } : {}),
  };
}

/** `appendAuditEvent` with the configured hash algorithm — what services call. */
export async function recordAudit(
  deps: { env: { AUDIT_HASH: HashAlgorithm } },
  tx: Db,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  await appendAuditEvent(tx, ctx, deps.env.AUDIT_HASH, entry);
}
