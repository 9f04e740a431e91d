/**
 * The product's server as a separate process — exactly what an operator runs (`node bin/luoshi.js serve`, production
 * mode, PostgreSQL) — on a loopback port, with its memory read from /proc (VmRSS now, VmHWM the peak).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ServerOptions {
  databaseUrl: string;
  port: number;
  /** Extra environment (e.g. MAX_IN_FLIGHT_REQUESTS); LOG_LEVEL defaults to warn. */
  env?: Record<string, string>;
  /** Where the server's own output goes. */
  logFile: string;
  /**
   * Server processes behind the one port (`serve --workers N`, issue 12 item 7); 1 (the default) starts the plain
   * `serve`, so the runner works whether or not the product has the flag yet.
   */
  workers?: number;
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  /**
   * Resident memory now and the peak since start (or since `resetPeak`), in MiB: of the server process and, with
   * `--workers N`, of its worker processes too (each one's own peak, summed).
   */
  memory(): { rssMiB: number; peakMiB: number };
  /** Sets the peak (VmHWM) back to the current RSS, so the next peak belongs to what runs next. */
  resetPeak(): boolean;
  /** The server process and its worker processes. */
  pids(): number[];
  alive(): boolean;
  stop(): Promise<void>;
}

/** The process and its direct children (the cluster's workers), from /proc. */
function processTree(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

function treeField(pid: number, field: string): number {
  const of = (p: number) => {
    try {
      return statusField(p, field);
    } catch {
      return 0; // a worker that has just exited
    }
  };
  return Math.round(processTree(pid).reduce((sum, p) => sum + of(p), 0) * 10) / 10;
}

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : 0;
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} during start-up`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = createWriteStream(options.logFile, { flags: 'a' });
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where its time goes.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const workers = options.workers && options.workers > 1 ? ['--workers', String(options.workers)] : [];
  const serveArgs = [join(repoRoot, 'bin', 'luoshi.js'), 'serve', '--port', String(options.port), ...workers];
  const child = spawn(process.execPath, [...nodeArgs, ...serveArgs], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...options.env,
      DATABASE_URL: options.databaseUrl,
      HOST: '127.0.0.1',
      LUOSHI_MODE: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the server');
  const baseUrl = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilHealthy(baseUrl, child, 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)} (server output in ${options.logFile})`);
  }
  return {
    baseUrl,
    pid,
    memory: () => ({ rssMiB: treeField(pid, 'VmRSS'), peakMiB: treeField(pid, 'VmHWM') }),
    resetPeak() {
      try {
        // Linux: writing 5 to clear_refs resets the peak resident set size to the current one.
        for (const p of processTree(pid)) writeFileSync(`/proc/${p}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    pids: () => processTree(pid),
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}
