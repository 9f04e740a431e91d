/**
 * Anchors the end of the audit log outside the database (X2, issue 14): a checkpoint is the 64 shard chain heads
 * (shard, sequence, hash) and the time, signed with a key the database never holds, appended as one JSON line to a
 * file. The hash chains alone cannot show that the newest events were deleted and the heads rewound consistently —
 * whoever can write the database can do both; a signed checkpoint written earlier still names the sequence and hash
 * each shard had reached, so `verifyAuditChain` can tell the tail was cut or rewritten.
 *
 * The file is append-only by contract: keep it on storage the database administrator cannot rewrite (chattr +a,
 * another host, a WORM share) and the private key where they cannot read it. The public key beside the private key
 * is enough to check checkpoints.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { canonicalJson, digestHex, generateSigningKeyPair, publicKeyOf, signText, verifyText, type SignatureAlgorithm } from './crypto.js';
import type { Database } from './db.js';

export interface AuditCheckpointConfig {
  /** The append-only file of checkpoint lines. */
  file: string;
  /** PKCS#8 PEM private key; created (mode 0600) on first use. */
  keyFile: string;
  /** SPKI PEM public key, written beside the private key; what verification uses. */
  publicKeyFile: string;
  alg: SignatureAlgorithm;
}

export interface ShardHead {
  shard: number;
  seq: number;
  hash: string;
}

/** One line of the checkpoint file. `sig` signs the canonical JSON of every other field. */
export interface AuditCheckpoint {
  v: 1;
  at: string;
  alg: SignatureAlgorithm;
  /** First 16 hex digits of the SHA-256 of the public key PEM: which key signed it. */
  keyId: string;
  /** Every shard that has events, in shard order. */
  heads: ShardHead[];
  sig: string;
}

/** Where checkpoints and keys live, from the environment (defaults under DATA_DIR). */
export function auditCheckpointConfig(env: {
  DATA_DIR: string;
  AUDIT_CHECKPOINT_FILE?: string | undefined;
  AUDIT_CHECKPOINT_KEY_FILE?: string | undefined;
}): AuditCheckpointConfig {
  const keyFile = resolve(env.AUDIT_CHECKPOINT_KEY_FILE ?? join(env.DATA_DIR, 'audit-checkpoint-key.pem'));
  return {
    file: resolve(env.AUDIT_CHECKPOINT_FILE ?? join(env.DATA_DIR, 'audit-checkpoints.jsonl')),
    keyFile,
    publicKeyFile: `${keyFile.replace(/\.pem$/, '')}.pub.pem`,
    alg: 'ed25519',
  };
}

function keyIdOf(publicKeyPem: string): string {
  return digestHex('sha256', publicKeyPem.trim()).slice(0, 16);
}

/** The signing key, created with its public half on first use. Concurrent first uses agree on one key ('wx'). */
function loadOrCreateSigningKey(config: AuditCheckpointConfig): { privateKeyPem: string; publicKeyPem: string } {
  if (!existsSync(config.keyFile)) {
    mkdirSync(dirname(config.keyFile), { recursive: true });
    const pair = generateSigningKeyPair(config.alg);
    try {
      writeFileSync(config.keyFile, pair.privateKeyPem, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateKeyPem = readFileSync(config.keyFile, 'utf8');
  const publicKeyPem = publicKeyOf(privateKeyPem);
  if (!existsSync(config.publicKeyFile)) writeFileSync(config.publicKeyFile, publicKeyPem, { mode: 0o644 });
  return { privateKeyPem, publicKeyPem };
}

/** The committed head of every shard that has events. */
export async function readShardHeads(database: Database): Promise<ShardHead[]> {
  const rows = await database.query<{ shard: number; seq: number | string; hash: string }>(
    'select shard, seq, hash from audit_chain_heads order by shard',
  );
  return rows.map((r) => ({ shard: Number(r.shard), seq: Number(r.seq), hash: r.hash }));
}

function signedPart(c: Omit<AuditCheckpoint, 'sig'>): string {
  return canonicalJson({ v: c.v, at: c.at, alg: c.alg, keyId: c.keyId, heads: c.heads });
}

export interface WriteCheckpointOptions {
  /** The scheduled job: skip when no shard moved since the newest checkpoint (a quiet night adds no lines). */
  onlyIfChanged?: boolean;
}

/** Reads the heads, signs them and appends one line. Resolves to the checkpoint, or null when skipped. */
export async function writeAuditCheckpoint(
  database: Database,
  config: AuditCheckpointConfig,
  now: Date,
  options: WriteCheckpointOptions = {},
): Promise<AuditCheckpoint | null> {
  const heads = await readShardHeads(database);
  if (options.onlyIfChanged) {
    if (sameHeads(readNewestCheckpointLine(config.file), heads)) return null;
  }
  const key = loadOrCreateSigningKey(config);
  const unsigned = { v: 1 as const, at: now.toISOString(), alg: config.alg, keyId: keyIdOf(key.publicKeyPem), heads };
  const checkpoint: AuditCheckpoint = { ...unsigned, sig: signText(config.alg, key.privateKeyPem, signedPart(unsigned)) };
  mkdirSync(dirname(config.file), { recursive: true });
  // A line cut short by a crash must not swallow the next one.
  const prefix = endsWithoutNewline(config.file) ? '\n' : '';
  appendFileSync(config.file, `${prefix}${JSON.stringify(checkpoint)}\n`, { mode: 0o644 });
  return checkpoint;
}

/** Whether `line` is a checkpoint of exactly these heads (an unreadable line is not: a new one follows it). */
function sameHeads(line: string | null, heads: ShardHead[]): boolean {
  if (line === null) return false;
  try {
    return canonicalJson((JSON.parse(line) as { heads?: unknown }).heads ?? null) === canonicalJson(heads);
  } catch {
    return false;
  }
}

function endsWithoutNewline(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** The complete lines in the last `maxBytes` of the file (read from its end: the file grows for years), oldest first. */
function readTailLines(file: string, maxBytes: number): string[] {
  if (!existsSync(file)) return [];
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    // The first piece may be the end of a line cut by the read window.
    if (length < size) lines.shift();
    return lines.map((l) => l.trim()).filter(Boolean);
  } finally {
    closeSync(fd);
  }
}

/** The last non-empty line of the file, or null. A checkpoint of 64 shards is about 6 KB; 256 KB holds a whole one. */
function readNewestCheckpointLine(file: string): string | null {
  return readTailLines(file, 256 * 1024).at(-1) ?? null;
}

function publicKeyFor(config: AuditCheckpointConfig): string | null {
  if (existsSync(config.publicKeyFile)) return readFileSync(config.publicKeyFile, 'utf8');
  return existsSync(config.keyFile) ? publicKeyOf(readFileSync(config.keyFile, 'utf8')) : null;
}

/** A line whose signature verifies with `publicKeyPem`, or why not. */
function parseSigned(line: string, publicKeyPem: string): AuditCheckpoint | 'unreadable' | 'bad-signature' {
  let parsed: AuditCheckpoint;
  try {
    parsed = JSON.parse(line) as AuditCheckpoint;
    if (parsed.v !== 1 || typeof parsed.sig !== 'string' || !Array.isArray(parsed.heads)) return 'unreadable';
  } catch {
    return 'unreadable';
  }
  const heads = parsed.heads.map((h) => ({ shard: Number(h.shard), seq: Number(h.seq), hash: String(h.hash) }));
  const signed = signedPart({ v: 1, at: String(parsed.at), alg: parsed.alg, keyId: String(parsed.keyId), heads });
  return verifyText(parsed.alg, publicKeyPem, signed, parsed.sig) ? { ...parsed, heads } : 'bad-signature';
}

export type NewestCheckpoint =
  { status: 'none' } | { status: 'valid'; checkpoint: AuditCheckpoint } | { status: 'invalid'; problem: string };

/**
 * The newest checkpoint, its signature checked with the public key. 'none' when no checkpoint was ever written
 * (a new installation: no file and no key); 'invalid' names, in zh-CN and English, why the newest line cannot be
 * trusted.
 */
export function readNewestCheckpoint(config: AuditCheckpointConfig): NewestCheckpoint {
  const line = readNewestCheckpointLine(config.file);
  if (line === null) {
    // The key is made by the first checkpoint: a key without any line means the lines were removed.
    if (!existsSync(config.keyFile)) return { status: 'none' };
    return {
      status: 'invalid',
      problem:
        `检查点文件 ${config.file} 缺失或为空，但签名密钥 ${config.keyFile} 已存在：检查点可能被删除 / ` +
        `the checkpoint file ${config.file} is missing or empty although its signing key ${config.keyFile} exists: checkpoints may have been deleted`,
    };
  }
  const publicKeyPem = publicKeyFor(config);
  if (publicKeyPem === null) {
    return {
      status: 'invalid',
      problem: `找不到用于校验检查点签名的公钥 ${config.publicKeyFile} / no public key at ${config.publicKeyFile} to check the checkpoint signatures`,
    };
  }
  const checked = parseSigned(line, publicKeyPem);
  if (checked === 'unreadable') {
    return {
      status: 'invalid',
      problem: `检查点文件 ${config.file} 的最后一行不是可读的检查点 / the newest line of ${config.file} is not a readable checkpoint`,
    };
  }
  if (checked === 'bad-signature') {
    const at = /"at":"([^"]*)"/.exec(line)?.[1] ?? '?';
    return {
      status: 'invalid',
      problem:
        `${at} 的检查点签名无效：检查点文件被改动，或不是用 ${config.publicKeyFile} 对应的密钥签名 / ` +
        `the signature of the checkpoint of ${at} does not verify: the checkpoint file was altered, or it was not signed with the key of ${config.publicKeyFile}`,
    };
  }
  return { status: 'valid', checkpoint: checked };
}

/**
 * The signed checkpoints of the last few days (the file's last 4 MB, about 650 checkpoints), newest first; lines
 * that do not verify are left out. Only read when a shard's end was rewritten, to narrow down where.
 */
export function readRecentCheckpoints(config: AuditCheckpointConfig): AuditCheckpoint[] {
  const publicKeyPem = publicKeyFor(config);
  if (publicKeyPem === null) return [];
  const found: AuditCheckpoint[] = [];
  for (const line of readTailLines(config.file, 4 * 1024 * 1024).reverse()) {
    const checked = parseSigned(line, publicKeyPem);
    if (typeof checked !== 'string') found.push(checked);
  }
  return found;
}
