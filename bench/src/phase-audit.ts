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
import { GENESIS_HASH } from '../../server/src/platform/audit-log.js';
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

export async function insertAuditEvents(exec: OwnerQuery): Promise<void> {
  const objectType = `case when e.type = 'report_submitted' then 'progress_report' else 'task' end`;
  const objectId = `case when e.type = 'report_submitted' then e.data->>'reportId' else e.task_id::text end`;
  await exec(`insert into audit_events (occurred_at, actor_user_id, actor_username, actor_unit_id, ip, user_agent, request_id, event_type,
      outcome, object_type, object_id, before, after, chain_shard, chain_seq, prev_hash, hash, hash_alg)
    select e.at, e.actor_user_id, u.username, e.actor_unit_id,
      '10.53.' || (e.n % 200) || '.' || (e.n % 251 + 1), 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36', null,
      case when e.type = 'report_submitted' then 'report.submitted' else 'task.' || e.type end, 'success', e.object_type, e.object_id,
      case when e.from_status is not null then jsonb_build_object('status', e.from_status) end,
      case when e.to_status is not null then jsonb_build_object('status', e.to_status) else e.data end,
      e.shard, e.base_seq + e.rn,
      case when e.rn = 1 then e.base_hash else ${standInHash('e.shard', '(e.base_seq + e.rn - 1)')} end,
      ${standInHash('e.shard', '(e.base_seq + e.rn)')}, 'sha256'
    from (select e.*, coalesce(h.seq, 0) as base_seq, coalesce(h.hash, ${sqlText(GENESIS_HASH)}) as base_hash,
            row_number() over (partition by e.shard order by e.at, e.id) as rn
          from (select e.*, e.id as n, ${objectType} as object_type, ${objectId} as object_id,
                  ${shardOf(`${objectType} || ':' || ${objectId}`)} as shard
                -- offset 0 keeps this subquery from being flattened, so sha256 runs once per row, not in every clause
                from task_events e offset 0) e
          left join audit_chain_heads h on h.shard = e.shard) e
    left join users u on u.id = e.actor_user_id
    order by e.at, e.id`);
  // Each shard's head is its newest event, seed or generated: the product's next append links to it.
  await exec(`insert into audit_chain_heads (shard, seq, hash)
    select distinct on (chain_shard) chain_shard, chain_seq, hash from audit_events order by chain_shard, chain_seq desc
    on conflict (shard) do update set seq = excluded.seq, hash = excluded.hash`);
}
