/**
 * The log's end anchored outside the database (issue 14, X2): a superuser who deletes the newest audit events and
 * rewinds the chain heads to match passes the hash chains, but not the signed checkpoint written before; a
 * checkpoint line altered in the file fails its signature; an untouched log passes.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCheckpointConfig, writeAuditCheckpoint, type AuditCheckpointConfig } from '../src/platform/audit-checkpoint.js';
import { appendAuditEvent, shardFor, verifyAuditChain } from '../src/platform/audit-log.js';
import { systemContext } from '../src/platform/context.js';
import { startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
let folder: string;
let place: AuditCheckpointConfig;
beforeAll(async () => {
  env = await startTestEnv();
  folder = mkdtempSync(join(tmpdir(), 'luoshi-checkpoint-'));
  place = auditCheckpointConfig({ DATA_DIR: folder });
});
afterAll(async () => {
  await env.close();
  rmSync(folder, { recursive: true, force: true });
});

/** `count` events about one object: all in that object's shard, consecutive sequence numbers. */
async function writeEvents(objectId: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await env.deps.database.db.transaction((tx) =>
      appendAuditEvent(tx, systemContext(env.clock, 'test'), 'sha256', {
        eventType: 'unit.updated',
        objectType: 'unit',
        objectId,
        after: { step: i },
      }),
    );
  }
}

/** As the database owner with triggers off: deletes the newest event of `shard` and moves its head back to match. */
async function rewindNewest(shard: number): Promise<number> {
  const [head] = await env.ownerQuery('select seq from audit_chain_heads where shard = $1', [shard]);
  const seq = Number(head?.seq);
  await env.ownerQuery('set session_replication_role = replica');
  try {
    const [gone] = await env.ownerQuery('delete from audit_events where chain_shard = $1 and chain_seq = $2 returning prev_hash', [
      shard,
      seq,
    ]);
    await env.ownerQuery('update audit_chain_heads set seq = $2, hash = $3 where shard = $1', [shard, seq - 1, gone?.prev_hash]);
  } finally {
    await env.ownerQuery('set session_replication_role = origin');
  }
  return seq;
}

const verify = () => verifyAuditChain(env.deps.database, { checkpoints: place });

describe('audit checkpoints', () => {
  it('says so when no checkpoint was written yet, and passes', async () => {
    await writeEvents('checkpoint-first', 1);
    const result = await verify();
    expect(result.isIntact).toBe(true);
    expect(result.checkpoint).toEqual({ status: 'none' });
  });

  it('signs the heads with a key kept outside the database, and a log that only grew passes', async () => {
    await writeEvents('checkpoint-grows', 2);
    const written = await writeAuditCheckpoint(env.deps.database, place, env.clock.now());
    expect(written?.heads.find((h) => h.shard === shardFor('unit:checkpoint-grows'))?.seq).toBeGreaterThanOrEqual(2);
    expect(statSync(place.keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(place.publicKeyFile, 'utf8')).toContain('BEGIN PUBLIC KEY');
    const line = readFileSync(place.file, 'utf8').trim();
    expect(JSON.parse(line)).toMatchObject({ v: 1, alg: 'ed25519', heads: written?.heads, sig: written?.sig });
    // The key never reaches the database.
    const keyBody = readFileSync(place.keyFile, 'utf8').split('\n')[1] ?? '';
    const leaked = await env.ownerQuery(`select count(*)::int as n from audit_events where after::text like $1`, [`%${keyBody}%`]);
    expect(leaked[0]?.n).toBe(0);
    await writeEvents('checkpoint-grows', 1);
    const result = await verify();
    expect(result.isIntact).toBe(true);
    expect(result.checkpoint).toMatchObject({ status: 'checked', at: written?.at });
  });

  it('the scheduled job adds a line only when the log moved', async () => {
    const lines = () => readFileSync(place.file, 'utf8').trim().split('\n').length;
    await writeAuditCheckpoint(env.deps.database, place, env.clock.now(), { onlyIfChanged: true });
    const before = lines();
    expect(await writeAuditCheckpoint(env.deps.database, place, env.clock.now(), { onlyIfChanged: true })).toBeNull();
    expect(lines()).toBe(before);
  });

  it('fails on a checkpoint line altered in the file, or on an emptied file', async () => {
    const original = readFileSync(place.file, 'utf8');
    const newest = JSON.parse(original.trim().split('\n').at(-1) ?? '{}') as { heads: { seq: number }[] };
    newest.heads[0]!.seq -= 1;
    writeFileSync(place.file, `${original}${JSON.stringify(newest)}\n`);
    const result = await verify();
    expect(result.isIntact).toBe(false);
    expect(result.problem).toMatch(/签名无效.*signature of the checkpoint of .* does not verify/);
    // Removing the file does not help either: the key shows checkpoints were written.
    writeFileSync(place.file, '');
    expect((await verify()).problem).toContain('checkpoints may have been deleted');
    writeFileSync(place.file, original);
    expect((await verify()).isIntact).toBe(true);
  });

  it('names the shard and sequence when the newest events are deleted and the heads rewound', async () => {
    const objectId = 'checkpoint-rewound';
    const shard = shardFor(`unit:${objectId}`);
    await writeEvents(objectId, 2);
    const earlier = await writeAuditCheckpoint(env.deps.database, place, new Date(env.clock.now().getTime() - 600_000));
    const intactSeq = earlier?.heads.find((h) => h.shard === shard)?.seq ?? 0;
    await writeEvents(objectId, 3);
    await writeAuditCheckpoint(env.deps.database, place, env.clock.now());
    const removed = await rewindNewest(shard);
    expect(removed).toBe(intactSeq + 3);
    // The hash chains alone cannot see it: that is why the checkpoint exists.
    expect((await verifyAuditChain(env.deps.database)).isIntact).toBe(true);
    const cut = await verify();
    expect(cut.isIntact).toBe(false);
    expect(cut.firstBrokenEventId).toBeNull();
    expect(cut.problem).toContain(`分片 ${shard} 的末尾被截断`);
    expect(cut.problem).toContain(`shard ${shard}: the log's end was cut`);
    expect(cut.problem).toContain(`events from sequence ${removed} on were removed`);

    // New events written over the rewound end: the sequence is reached again, with other content.
    await writeEvents(objectId, 2);
    expect((await verifyAuditChain(env.deps.database)).isIntact).toBe(true);
    const rewritten = await verify();
    expect(rewritten.isIntact).toBe(false);
    expect(rewritten.problem).toContain(`分片 ${shard} 的末尾被改写`);
    expect(rewritten.problem).toContain(`shard ${shard}: the log's end was rewritten: the event at sequence ${removed} differs`);
    // The earlier checkpoint still matches: the rewritten part lies after it.
    expect(rewritten.problem).toContain(
      `events from a sequence between ${intactSeq + 1} and ${removed} on were replaced (sequence ${intactSeq} still matches the checkpoint of ${earlier?.at}`,
    );
  });
});
