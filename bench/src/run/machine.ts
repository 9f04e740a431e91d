/** The machine a run was measured on: cores, memory, load, Node and PostgreSQL versions. */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  loadAverageAtStart: number[];
  node: string;
  postgres: string;
  platform: string;
}

export async function describeMachine(databaseUrl: string): Promise<MachineInfo> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const version = await client.query<{ server_version: string }>('show server_version');
    return {
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
      postgres: version.rows[0]?.server_version ?? 'unknown',
      platform: `${os.type()} ${os.release()}`,
    };
  } finally {
    await client.end();
  }
}

/** CPU seconds so far: the whole machine's busy and total time (/proc/stat), this process's, and a process tree's. */
export interface CpuSnapshot {
  busy: number;
  total: number;
  client: number;
  server: number;
  /** PostgreSQL backends connected to the bench database (by pid, as they come and go). */
  database: Map<number, number>;
}

const TICKS_PER_SECOND = 100;

function processCpuSeconds(pid: number): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th (1-based from `state`).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds of each PostgreSQL backend serving `databaseName` (its process title names the database). */
function backendCpu(databaseName: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      // e.g. "postgres: 15/main: root luoshi_bench 127.0.0.1(50750) idle"
      if (title.startsWith('postgres: ') && title.includes(` ${databaseName} `)) found.set(Number(entry), processCpuSeconds(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

export function cpuSnapshot(serverPids: readonly number[], databaseName: string): CpuSnapshot {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const usage = process.cpuUsage();
  return {
    busy: (total - idle) / TICKS_PER_SECOND,
    total: total / TICKS_PER_SECOND,
    client: (usage.user + usage.system) / 1e6,
    server: serverPids.reduce((s, pid) => s + processCpuSeconds(pid), 0),
    database: backendCpu(databaseName),
  };
}

/**
 * What the machine did between two snapshots: how busy its cores were (0–100 % of all of them), and the CPU
 * seconds of the load generator, the server and the bench database's backends (those alive at the end; a backend
 * that ended meanwhile is not counted); the rest of the busy time is everything else that ran on the machine — on a
 * shared machine, other people's work.
 */
export function cpuBetween(
  from: CpuSnapshot,
  to: CpuSnapshot,
): { busyPercent: number; clientSeconds: number; serverSeconds: number; databaseSeconds: number; otherSeconds: number } {
  const busy = to.busy - from.busy;
  const total = to.total - from.total;
  const clientSeconds = to.client - from.client;
  const serverSeconds = to.server - from.server;
  let databaseSeconds = 0;
  for (const [pid, seconds] of to.database) databaseSeconds += seconds - (from.database.get(pid) ?? 0);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    busyPercent: total > 0 ? r((busy / total) * 100) : 0,
    clientSeconds: r(clientSeconds),
    serverSeconds: r(serverSeconds),
    databaseSeconds: r(databaseSeconds),
    otherSeconds: r(busy - clientSeconds - serverSeconds - databaseSeconds),
  };
}
