/**
 * Uploaded files on local disk, the same for PGlite and PostgreSQL: content-addressed as `<root>/<sha256>`, so the
 * same bytes are stored once and a file's name is also its integrity check. An upload is first streamed to
 * `<root>/.tmp/` while it is hashed and counted; it becomes visible only when committed (an atomic rename on the
 * same file system), and a refused upload leaves nothing behind.
 *
 * The root is `FILES_DIR`, default `<DATA_DIR>/files`. It is not part of `luoshi backup` (which covers the
 * database): back it up alongside.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Env } from './env.js';

/** How many leading bytes are kept for file-type checks (magic numbers). */
export const HEAD_BYTES = 64;

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function filesRoot(env: Pick<Env, 'DATA_DIR' | 'FILES_DIR'>): string {
  return resolve(env.FILES_DIR ?? join(env.DATA_DIR, 'files'));
}

/** An upload written to the temporary area, not yet visible under its hash. */
export interface StagedFile {
  tmpPath: string;
  sha256: string;
  size: number;
  /** The first HEAD_BYTES bytes (fewer for a smaller file). */
  head: Buffer;
}

/** Streams `source` into a temporary file under `root`, hashing and counting as it goes. */
export async function stageFile(root: string, source: Readable): Promise<StagedFile> {
  const tmpDir = join(root, '.tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          yield chunk;
        }
      },
      createWriteStream(tmpPath, { flags: 'wx' }),
    );
  } catch (error) {
    await unlink(tmpPath).catch(() => undefined);
    throw error;
  }
  return { tmpPath, sha256: hash.digest('hex'), size, head };
}

/** Makes a staged file visible as `<root>/<sha256>`; identical bytes already stored are kept as they are. */
export async function commitFile(root: string, staged: StagedFile): Promise<void> {
  const target = pathOf(root, staged.sha256);
  if (await exists(target)) {
    await discardFile(staged);
    return;
  }
  await rename(staged.tmpPath, target);
}

export async function discardFile(staged: StagedFile): Promise<void> {
  await unlink(staged.tmpPath).catch(() => undefined);
}

/** The stored bytes of `sha256`; throws when the file is missing (the database and the files directory disagree). */
export async function openStoredFile(root: string, sha256: string): Promise<ReadStream> {
  const path = pathOf(root, sha256);
  if (!(await exists(path))) throw new Error(`stored file ${sha256} is missing from ${root}`);
  return createReadStream(path);
}

function pathOf(root: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
  return join(root, sha256);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * `Content-Disposition` for a download with the original (often Chinese) name: an ASCII fallback for old clients and
 * the exact name as RFC 5987 `filename*` (UTF-8, percent-encoded).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
