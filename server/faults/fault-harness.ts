/**
 * What the fault suite (`npm run test:faults`, docs/OPERATIONS.md) needs to break a running Luoshi the way
 * production breaks: the real CLI as a child process on a fresh PostgreSQL database, plain HTTP on loopback (a new
 * connection per request, as a retrying client after a crash has), and the database owner's connection to look at
 * what survived.
 *
 * Why child processes and not the in-process test app: `kill -9`, a dying database and a killed migration only mean
 * something to a process that can really die; the in-process app would die with the test.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/seed-demo.js';

export { createPostgresDatabase, isPostgres } from '../test/harness.js';

/** `FAULTS=full` runs every fault at full length; otherwise each runs its short CI form. */
export const fullSuite = process.env.FAULTS === 'full';

const cli = resolve(import.meta.dirname, '../../bin/luoshi.js');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, for at most `ms`; the last check's answer. */
export async function until(check: () => boolean | Promise<boolean>, ms: number, everyMs = 50): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(everyMs)) if (await check()) return true;
  return check();
}

/** A scratch folder removed by `cleanup`; `shared`: writable by the PostgreSQL user too (backups, WAL archive). */
export function scratchDir(prefix: string, shared = false): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `luoshi-fault-${prefix}-`));
  if (shared) chmodSync(path, 0o777);
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export interface Cli {
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far (stdout and stderr). */
  out: () => string;
  exited: () => Promise<number | null>;
}

/** Runs `luoshi <args>` with the environment on top of this process's. */
export function runCli(args: string[], env: Record<string, string>): Cli {
  const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => output, exited: () => exit };
}

/** `luoshi serve` until it says it is running. */
export async function startServer(port: number, env: Record<string, string>, extra: string[] = []): Promise<Cli> {
  const server = runCli(['serve', ...extra, '--port', String(port)], env);
  const up = await until(() => server.out().includes('is running') || server.child.exitCode !== null, 90_000, 100);
  if (!up || server.child.exitCode !== null) throw new Error(`serve did not start:\n${server.out()}`);
  return server;
}

/** A loopback port unlikely to be taken (the e2e suite uses 4318, the bench 4400+). */
export function freePort(): number {
  return 21_000 + Math.floor(Math.random() * 20_000);
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Answer {
  /** 0 = no HTTP answer (refused, reset, timed out). */
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  error?: string;
  ms: number;
}

/** One request on a connection of its own; never rejects. */
export function call(
  port: number,
  method: string,
  path: string,
  options: { session?: Session; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolvePromise) => {
    let settled = false;
    const finish = (answer: Omit<Answer, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolvePromise({ ...answer, ms: performance.now() - started });
    };
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.session ? { cookie: options.session.cookie, 'x-csrf-token': options.session.csrf } : {}),
          ...options.headers,
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => finish({ status: response.statusCode ?? 0, body, headers: response.headers }));
        response.on('error', (error) => finish({ status: 0, body, headers: {}, error: error.message }));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => finish({ status: 0, body: '', headers: {}, error: error.message }));
    request.end(payload);
  });
}

/** Signs a demo account in (`serve --demo`). */
export async function signIn(port: number, username: string): Promise<Session> {
  const answer = await call(port, 'POST', '/api/auth/sign-in', { body: { username, password: DEMO_PASSWORD } });
  if (answer.status !== 200) throw new Error(`sign-in ${username}: ${answer.status} ${answer.body}`);
  const body = JSON.parse(answer.body) as { csrfToken: string };
  const cookie = String(answer.headers['set-cookie']?.[0]?.split(';')[0]);
  return { cookie, csrf: body.csrfToken };
}

/** The error code of a coded answer, or null. */
export function codeOf(answer: Answer): string | null {
  try {
    return (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? null;
  } catch {
    return null;
  }
}

/** The database owner's connection, to look at what survived. */
export async function ownerConnection(url: string): Promise<{
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  end: () => Promise<void>;
}> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('error', () => undefined); // the database may be the thing that is being killed
  return {
    sql: async <T>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as T[],
    end: () => client.end().catch(() => undefined),
  };
}

/** The environment of a server on `url` with its files in `dir`. */
export function serverEnv(url: string, dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: url,
    DATA_DIR: join(dir, 'data'),
    AUDIT_CHECKPOINT_FILE: join(dir, 'audit-checkpoints.jsonl'),
    AUDIT_CHECKPOINT_KEY_FILE: join(dir, 'audit-checkpoint-key.pem'),
    SIGN_IN_RATE_PER_MINUTE: '1000',
    ...extra,
  };
}

export interface OwnCluster {
  url: string;
  port: number;
  dataDir: string;
  /** `pg_ctl stop` in the given mode (`immediate` = a crash: no checkpoint, recovery on the next start). */
  stop: (mode: 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  /** Runs a PostgreSQL program as the cluster's owner. */
  run: (program: string, args: string[]) => Promise<{ code: number | null; out: string }>;
  /** Runs a shell command as the cluster's owner (copying a data folder, writing its settings). */
  sh: (command: string) => Promise<{ code: number | null; out: string }>;
  cleanup: () => Promise<void>;
}

const pgBin = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Whether this machine can make a throwaway PostgreSQL cluster (the binaries are there). */
export function canMakeCluster(): boolean {
  try {
    return statSync(join(pgBin, 'initdb')).isFile();
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL cluster of its own on a free port, for the faults that stop the database or replay its WAL — never
 * the machine's shared cluster. As root it runs as the `postgres` user (initdb refuses root).
 */
export async function makeCluster(name: string, settings: string[] = []): Promise<OwnCluster> {
  const dir = mkdtempSync(join(tmpdir(), `luoshi-pg-${name}-`));
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
  const exec = (file: string, args: string[]) =>
    new Promise<{ code: number | null; out: string }>((resolvePromise) => {
      const child = spawn(asRoot ? 'runuser' : file, asRoot ? ['-u', 'postgres', '--', file, ...args] : args, { cwd: dir });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('exit', (code) => resolvePromise({ code, out }));
    });
  const run = (program: string, args: string[]) => exec(join(pgBin, program), args);
  const sh = (command: string) => exec('/bin/bash', ['-c', command]);
  const port = 22_000 + Math.floor(Math.random() * 18_000);
  const dataDir = join(dir, 'data');
  const init = await run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  if (init.code !== 0) throw new Error(`initdb: ${init.out}`);
  const options = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...settings.flatMap((s) => ['-c', s])].join(' ');
  const start = async () => {
    const started = await run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
    if (started.code !== 0) throw new Error(`pg_ctl start: ${started.out}`);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop,
    start,
    run,
    sh,
    cleanup: async () => {
      await stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
