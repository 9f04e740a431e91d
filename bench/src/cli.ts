/**
 * `npm run bench:data -- --scale province|county [--fresh]`: loads the benchmark dataset into DATABASE_URL
 * (default postgres://root@127.0.0.1:5432/luoshi_bench, created if missing) or, with `--pglite`, into the PGlite
 * directory DATA_DIR. Prints the time of each phase and the final counts.
 */
import { parseArgs } from 'node:util';
import { generateBenchData } from './generate.js';
import { scaleNamed } from './scale.js';
import { DEFAULT_BENCH_DATABASE_URL, dropPostgresDatabase, openBenchTarget } from './target.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'county' },
    fresh: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
  },
});

const scale = scaleNamed(values.scale);
const databaseUrl = values.pglite ? undefined : (process.env.DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL);
const where = databaseUrl ? databaseUrl.replace(/\/\/[^@]*@/, '//…@') : `PGlite ${process.env.DATA_DIR ?? './data'}`;
console.log(`Luoshi bench data: scale ${scale.name} → ${where}`);
const started = Date.now();
if (values.fresh && databaseUrl) await dropPostgresDatabase(databaseUrl);
const target = await openBenchTarget({ databaseUrl });
try {
  const { timings, summary } = await generateBenchData(target, scale, (line) => console.log(line));
  console.log('\nPhase timings (s):');
  for (const t of timings) console.log(`  ${t.phase.padEnd(18)} ${t.seconds.toFixed(1).padStart(8)}`);
  console.log(`  ${'total'.padEnd(18)} ${((Date.now() - started) / 1000).toFixed(1).padStart(8)}`);
  console.log('\nRows:');
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(18)} ${n.toLocaleString('en-US').padStart(12)}`);
  console.log(`\nsub-items ${summary.subItems}, max depth ${summary.maxDepth}`);
  console.log(`red ${(summary.redShare * 100).toFixed(1)} %, yellow ${(summary.yellowShare * 100).toFixed(1)} %`);
  console.log(
    `top-level items held by the 5 busiest lead units: ${(summary.top5LeadShare * 100).toFixed(1)} %, by the busiest 1 % of units: ${(summary.topPercentLeadShare * 100).toFixed(1)} %`,
  );
  console.log(`statuses ${JSON.stringify(summary.statuses)}`);
  console.log(`years ${JSON.stringify(summary.years)}`);
} finally {
  await target.close();
}
