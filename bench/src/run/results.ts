/** Writes a run's figures: bench/results/<date>.json (everything) and <date>.md (the table people read). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fixtures } from './fixtures.js';
import type { MachineInfo } from './machine.js';
import type { BenchOptions } from './options.js';
import type { RunResults, TargetRow } from './targets.js';

export interface RunRecord {
  date: string;
  startedAt: string;
  finishedAt: string;
  commit: string;
  quick: boolean;
  options: Omit<BenchOptions, 'databaseUrl'> & { database: string };
  machine: MachineInfo;
  dataset: Fixtures['counts'];
  serverEnv: Record<string, string>;
  targets: TargetRow[];
  results: RunResults;
}

function markdown(record: RunRecord): string {
  const m = record.machine;
  const d = record.dataset;
  const passed = record.targets.filter((t) => t.pass).length;
  const lines = [
    `# Luoshi benchmark — ${record.date}${record.quick ? ' (quick run: shortened phases, not a published result)' : ''}`,
    '',
    `Commit \`${record.commit}\`, ${record.startedAt} → ${record.finishedAt}. ${passed} of ${record.targets.length} targets met.`,
    '',
    `Machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, ${m.platform}, Node ${m.node}, PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    '',
    `Dataset (${record.options.database}): ${d.tasks.toLocaleString('en-US')} items, ${d.progressReports.toLocaleString('en-US')} progress reports, ${d.taskEvents.toLocaleString('en-US')} timeline events, ${d.auditEvents.toLocaleString('en-US')} audit events, ${d.units.toLocaleString('en-US')} units, ${d.users.toLocaleString('en-US')} users.`,
    '',
    '| | scenario | target | measured | |',
    '| --- | --- | --- | --- | --- |',
    ...record.targets.map((t) => `| ${t.id} | ${t.what} | ${t.target} | ${t.measured} | ${t.pass ? 'pass' : '**FAIL**'} |`),
    '',
    `Server: \`node bin/luoshi.js serve\` (production mode, PostgreSQL, ${Object.entries(record.serverEnv)
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ', ',
      )}), driven over loopback from the same machine. Latencies are of successful answers, in ms, from the moment a request was sent (closed loop, autocannon) or was due (fixed-rate open loop).`,
    '',
  ];
  return lines.join('\n');
}

export function writeResults(outDir: string, record: RunRecord): { json: string; md: string } {
  mkdirSync(outDir, { recursive: true });
  const suffix = record.quick ? '-quick' : '';
  const json = join(outDir, `${record.date}${suffix}.json`);
  const md = join(outDir, `${record.date}${suffix}.md`);
  writeFileSync(json, `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(md, markdown(record));
  return { json, md };
}
