/** The machine a run was measured on: cores, memory, load, Node and PostgreSQL versions. */
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
