/**
 * F11 and F12, the recovery drills of docs/OPERATIONS.md, run as an operator would on PostgreSQL's own tools, each
 * on throwaway clusters (never the machine's shared one):
 *
 * F11 — `pg_dump -Fc` of a working Luoshi database, `pg_restore` into a fresh cluster. Pass: every table has the
 * same rows (counts and an ordered checksum of each table), `luoshi audit verify` passes on the copy, and the
 * restore time (RTO for this size) is reported.
 *
 * F12 — point-in-time recovery: WAL archived to a folder, a base backup taken, items registered, the time T
 * noted, then a table dropped "by mistake". Recovering the base backup with `recovery_target_time = T` gives the
 * database as it was at T: the dropped table is back with its rows, every item registered before T is there, and
 * the audit chain verifies.
 *
 * Only with `FAULTS=full` (`npm run test:faults`): each drill builds clusters and takes half a minute.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  call,
  canMakeCluster,
  fullSuite,
  isPostgres,
  makeCluster,
  ownerConnection,
  runCli,
  scratchDir,
  serverEnv,
  signIn,
  sleep,
  startServer,
  type OwnCluster,
} from './fault-harness.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Serves the demo on the cluster's `luoshi` database and registers `count` items through the API. */
async function workingDatabase(
  cluster: OwnCluster,
  dir: string,
  tag: string,
  count: number,
): Promise<{ url: string; env: Record<string, string> }> {
  const admin = await ownerConnection(cluster.url);
  await admin.sql('create database luoshi');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/luoshi');
  const env = serverEnv(url, dir);
  const port = 23_000 + Math.floor(Math.random() * 10_000);
  const server = await startServer(port, env, ['--demo']);
  try {
    await register(port, url, tag, 0, count);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited();
  }
  return { url, env };
}

async function register(port: number, url: string, tag: string, from: number, count: number): Promise<void> {
  const session = await signIn(port, 'ducha');
  const owner = await ownerConnection(url);
  const leadUnitId = String((await owner.sql(`select id from units where name = '云南省教育厅'`))[0]?.id);
  await owner.end();
  for (let i = from; i < from + count; i++) {
    const answer = await call(port, 'POST', '/api/tasks', {
      session,
      body: { title: `${tag}-${i}`, source: 'meeting_decision', content: `${tag}-${i} 的具体要求`, leadUnitId },
    });
    expect(answer.status, answer.body).toBe(201);
  }
}

/** Row count and an ordered checksum of every table of the public schema. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const owner = await ownerConnection(url);
  try {
    const tables = await owner.sql<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await owner.sql<{ n: number; sum: string | null }>(
        `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as sum from "${name}" t`,
      );
      result[name] = `${row?.n ?? 0}:${row?.sum ?? ''}`;
    }
    return result;
  } finally {
    await owner.end();
  }
}

describe.skipIf(!isPostgres || !canMakeCluster() || !fullSuite)('F11, F12: recovery drills', { timeout: 300_000 }, () => {
  it('F11: pg_dump -Fc into a fresh cluster gives the same rows, and the audit log verifies there', { timeout: 120_000 }, async () => {
    const dir = scratchDir('f11', true);
    cleanups.push(dir.cleanup);
    const source = await makeCluster('f11a');
    cleanups.push(source.cleanup);
    const { url } = await workingDatabase(source, dir.path, `F11-${randomUUID().slice(0, 6)}`, 20);
    const dump = join(dir.path, 'luoshi.dump');
    const dumped = await source.run('pg_dump', ['-Fc', '-f', dump, url]);
    expect(dumped.code, dumped.out).toBe(0);

    const target = await makeCluster('f11b');
    cleanups.push(target.cleanup);
    const admin = await ownerConnection(target.url);
    await admin.sql('create database luoshi');
    await admin.end();
    const targetUrl = target.url.replace(/\/postgres$/, '/luoshi');
    const startedAt = performance.now();
    const restored = await target.run('pg_restore', ['-d', targetUrl, '--no-owner', '--no-acl', dump]);
    const rtoMs = Math.round(performance.now() - startedAt);
    expect(restored.code, restored.out).toBe(0);

    expect(await fingerprint(targetUrl)).toEqual(await fingerprint(url));
    const verify = runCli(['audit', 'verify'], serverEnv(targetUrl, dir.path));
    expect(await verify.exited(), verify.out()).toBe(0);
    console.info(
      `F11: pg_dump -Fc → pg_restore into a fresh cluster: every table equal (counts and ordered checksums); restore ${rtoMs} ms; audit verify intact`,
    );
  });

  it('F12: point-in-time recovery to just before a table was dropped by mistake', { timeout: 120_000 }, async () => {
    const dir = scratchDir('f12', true);
    cleanups.push(dir.cleanup);
    const archive = join(dir.path, 'wal-archive');
    mkdirSync(archive);
    chmodSync(archive, 0o777); // the archiver runs as the PostgreSQL user
    const cluster = await makeCluster('f12', [
      'wal_level=replica',
      'archive_mode=on',
      `archive_command='cp %p ${archive}/%f'`,
      'archive_timeout=60',
    ]);
    cleanups.push(cluster.cleanup);
    const tag = `F12-${randomUUID().slice(0, 6)}`;
    const { url, env } = await workingDatabase(cluster, dir.path, tag, 5);

    // The nightly base backup.
    const base = join(dir.path, 'base');
    const backedUp = await cluster.run('pg_basebackup', ['-d', cluster.url, '-D', base, '-X', 'none', '--checkpoint=fast']);
    expect(backedUp.code, backedUp.out).toBe(0);

    // The day's work after it, then T, then the mistake.
    const port = 23_000 + Math.floor(Math.random() * 10_000);
    const server = await startServer(port, env, ['--demo']);
    await register(port, url, tag, 5, 5);
    server.child.kill('SIGTERM');
    await server.exited();
    const owner = await ownerConnection(url);
    const before = await fingerprint(url);
    const [{ t } = { t: '' }] = await owner.sql<{ t: string }>(
      `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as t`,
    );
    await sleep(1_100);
    await owner.sql('drop table unit_aliases cascade');
    await owner.sql('select pg_switch_wal()');
    await owner.end();
    await sleep(1_500); // the archiver copies the switched segment
    await cluster.stop('fast');

    // Recover: the base backup, the archive, and the target time.
    const recovered = await makeCluster('f12r');
    cleanups.push(recovered.cleanup);
    await recovered.stop('fast');
    const wiped = await recovered.sh(`rm -rf ${recovered.dataDir}/* && cp -a ${base}/. ${recovered.dataDir}/`);
    expect(wiped.code, wiped.out).toBe(0);
    const settings = join(dir.path, 'recovery.conf');
    writeFileSync(
      settings,
      [
        `restore_command = 'cp ${archive}/%f %p'`,
        `recovery_target_time = '${t}'`,
        `recovery_target_action = 'promote'`,
        `archive_mode = off`,
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    const written = await recovered.sh(
      `cat ${settings} >> ${recovered.dataDir}/postgresql.auto.conf && touch ${recovered.dataDir}/recovery.signal`,
    );
    expect(written.code, written.out).toBe(0);
    await recovered.start();
    const recoveredUrl = recovered.url.replace(/\/postgres$/, '/luoshi');
    const after = await fingerprint(recoveredUrl);
    expect(after.unit_aliases, 'the dropped table is back').toBe(before.unit_aliases);
    expect(after.tasks).toBe(before.tasks);
    expect(after).toEqual(before);
    const verify = runCli(['audit', 'verify'], serverEnv(recoveredUrl, dir.path));
    expect(await verify.exited(), verify.out()).toBe(0);
    console.info(
      `F12: recovered to ${t}: unit_aliases back, all ${Object.keys(after).length} tables equal to their state at T, audit verify intact`,
    );
  });
});
