/**
 * Phase 6 — the audit log. Every timeline event has its audit event, as the product writes them in the same
 * transaction (`task.<action>`, `report.submitted`), with the object's real shard (`shardFor('task:<id>')`, computed
 * in SQL with sha256 exactly like platform/audit-log.ts).
 *
 * NOT chain-valid: hashing millions of events one after another in JavaScript would take longer than the whole load,
 * so each generated event carries a stand-in hash (`md5 ‖ md5` of shard and sequence, 64 hex digits) and links to its
 * predecessor's stand-in; `verify-audit` reports the first generated event of each shard as altered. What matters for
 * the benchmark does hold: sequences are gap-free per shard and continue the seed's events, and `audit_chain_heads`
 * holds each shard's last sequence and hash, so the product appends new events to every shard as usual.
 */
import { AUDIT_SHARDS, GENESIS_HASH } from '../../server/src/platform/audit-log.js';
import { sqlText } from './bulk.js';
import type { OwnerQuery } from './target.js';

/** The stand-in hash of a generated event. */
function standInHash(shard: string, seq: string): string {
  return `(md5('luoshi-bench:' || ${shard} || ':' || ${seq}) || md5('luoshi-bench:' || ${seq} || ':' || ${shard}))`;
}

/** `shardFor(key)`: the first 32 bits of sha256(key), modulo 64. */
function shardOf(key: string): string {
  return `((('x' || substr(encode(sha256(convert_to(${key}, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint % 64)::smallint)`;
}

/**
 * One temporary sequence per shard, starting after the shard's head: numbering events per shard with `nextval` as
 * they stream by avoids sorting millions of rows twice (a window `row_number()` by shard, then back into time order).
 */
async function createShardSequences(exec: OwnerQuery): Promise<Map<number, { seq: number; hash: string }>> {
  const heads = new Map<number, { seq: number; hash: string }>();
  for (const h of await exec('select shard, seq, hash from audit_chain_heads'))
    heads.set(Number(h.shard), { seq: Number(h.seq), hash: String(h.hash) });
  for (let shard = 0; shard < AUDIT_SHARDS; shard++) {
    await exec(`create temp sequence bench_audit_seq_${shard} start with ${(heads.get(shard)?.seq ?? 0) + 1}`);
  }
  return heads;
}

export async function insertAuditEvents(exec: OwnerQuery): Promise<void> {
  const heads = await createShardSequences(exec);
  const objectType = `case when e.type = 'report_submitted' then 'progress_report' else 'task' end`;
  const objectId = `case when e.type = 'report_submitted' then e.data->>'reportId' else e.task_id::text end`;
  const nextSeq = `case e.shard ${Array.from({ length: AUDIT_SHARDS }, (_, s) => `when ${s} then nextval('bench_audit_seq_${s}')`).join(' ')} end`;
  const firstOfShard = Array.from({ length: AUDIT_SHARDS }, (_, s) => {
    const head = heads.get(s);
    return `when e.shard = ${s} and e.seq = ${(head?.seq ?? 0) + 1} then ${sqlText(head?.hash ?? GENESIS_HASH)}`;
  }).join(' ');
  // task_events was written in time order (id order) and is read in that order, so each shard's sequence follows
  // time and the audit ids do too. Each "offset 0" keeps a subquery from being flattened, so sha256 and nextval run
  // once per row rather than once per reference.
  await exec(`insert into audit_events (occurred_at, actor_user_id, actor_username, actor_unit_id, ip, user_agent, request_id, event_type,
      outcome, object_type, object_id, before, after, chain_shard, chain_seq, prev_hash, hash, hash_alg)
    select e.at, e.actor_user_id, u.username, e.actor_unit_id,
      '10.53.' || (e.id % 200) || '.' || (e.id % 251 + 1), 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36', null,
      case when e.type = 'report_submitted' then 'report.submitted' else 'task.' || e.type end, 'success', e.object_type, e.object_id,
      case when e.from_status is not null then jsonb_build_object('status', e.from_status) end,
      case when e.to_status is not null then jsonb_build_object('status', e.to_status) else e.data end,
      e.shard, e.seq,
      case ${firstOfShard} else ${standInHash('e.shard', '(e.seq - 1)')} end,
      ${standInHash('e.shard', 'e.seq')}, 'sha256'
    from (select e.*, ${nextSeq} as seq
          from (select e.*, ${objectType} as object_type, ${objectId} as object_id, ${shardOf(`${objectType} || ':' || ${objectId}`)} as shard
                from task_events e offset 0) e
          offset 0) e
    left join users u on u.id = e.actor_user_id`);
  // Each shard's head is its newest event, seed or generated: the product's next append links to it.
  await exec(`insert into audit_chain_heads (shard, seq, hash)
    select distinct on (chain_shard) chain_shard, chain_seq, hash from audit_events order by chain_shard, chain_seq desc
    on conflict (shard) do update set seq = excluded.seq, hash = excluded.hash`);
  for (let shard = 0; shard < AUDIT_SHARDS; shard++) await exec(`drop sequence bench_audit_seq_${shard}`);
}
