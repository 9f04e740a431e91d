/**
 * F14: the disk under FILES_DIR fills up, or turns read-only, while handlers upload evidence (佐证材料).
 *
 * Pass: the upload that does not fit is answered 503 STORAGE_UNAVAILABLE (coded, zh-CN and en) — not 500 — with
 * no attachment row, no audit event and no partial file left; reading goes on; once there is room, uploads work.
 * Uses a 1 MiB tmpfs as FILES_DIR, so it needs the right to mount (root, as in CI); skipped elsewhere. In-process,
 * on PGlite and PostgreSQL alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, multipartFile, signIn, startTestEnv, type Session, type TestEnv } from '../test/harness.js';

const mountPoint = mkdtempSync(join(tmpdir(), 'luoshi-f14-'));
function tryMount(): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mounted = process.getuid?.() === 0 && tryMount();

let env: TestEnv;
let handler: Session;
let taskId = '';

beforeAll(async () => {
  if (!mounted) return;
  env = await startTestEnv({ FILES_DIR: mountPoint });
  const tree = await createTree(env.deps);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  handler = await signIn(env, await createUser(env.deps, tree.department, ['unit_handler']));
  const created = await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(supervisor),
    payload: {
      title: '磁盘写满时的佐证上传',
      source: 'meeting_decision',
      content: '磁盘写满时的佐证上传要求',
      leadUnitId: tree.department,
    },
  });
  taskId = created.json<Task>().id;
  await env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/transitions`,
    headers: authHeaders(supervisor),
    payload: { action: 'assign' },
  });
  await env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/transitions`,
    headers: authHeaders(handler),
    payload: { action: 'accept' },
  });
});

afterAll(async () => {
  await env?.close();
  if (mounted) execFileSync('umount', [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** A PDF of `kib` KiB (the magic number the type check looks for, then filler). */
function pdf(kib: number): Buffer {
  const bytes = Buffer.alloc(kib * 1024, 0x41);
  bytes.write('%PDF-1.4\n', 0);
  return bytes;
}

function upload(name: string, content: Buffer) {
  const { payload, headers } = multipartFile(name, content);
  return env.app.inject({
    method: 'POST',
    url: `/api/tasks/${taskId}/attachments`,
    payload,
    headers: { ...authHeaders(handler), ...headers },
  });
}

const counts = async () =>
  (
    await env.ownerQuery(
      `select (select count(*)::int from attachments) as files, (select count(*)::int from audit_events where event_type like 'attachment.%') as audited`,
    )
  )[0];

describe.skipIf(!mounted)('F14: the file store full or read-only', () => {
  it('an upload that does not fit: 503 STORAGE_UNAVAILABLE, nothing recorded, nothing left on disk; reads go on; room again, uploads work', async () => {
    const before = await counts();
    const full = await upload('现场照片汇总.pdf', pdf(1_500));
    expect(full.statusCode, full.body).toBe(503);
    expect(full.json<{ error: { code: string; messages: Record<string, string> } }>().error.code).toBe('STORAGE_UNAVAILABLE');
    expect(full.headers['retry-after']).toBeDefined();
    expect(await counts()).toEqual(before);
    expect(readdirSync(join(mountPoint, '.tmp'))).toEqual([]);

    const read = await env.app.inject({ method: 'GET', url: `/api/tasks/${taskId}`, headers: authHeaders(handler) });
    expect(read.statusCode).toBe(200);

    const small = await upload('整改说明.pdf', pdf(100));
    expect(small.statusCode, small.body).toBe(201);
  });

  it('a read-only file store: 503 STORAGE_UNAVAILABLE, nothing recorded', async () => {
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const before = await counts();
      const res = await upload('会议纪要扫描件.pdf', pdf(10));
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('STORAGE_UNAVAILABLE');
      expect(await counts()).toEqual(before);
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
  });
});
