/**
 * `npm run bench:explain`: the SQL of each hot request on the bench database (DATABASE_URL, default luoshi_bench),
 * with EXPLAIN ANALYZE timings and any sequential scan of a big table — the tool used to find what to tune.
 * Writes (INSERT/UPDATE of the report path) are explained without ANALYZE, so nothing runs twice. `--plans` prints
 * each plan's outline.
 */
import { parseArgs } from 'node:util';
import { openBenchTarget, DEFAULT_BENCH_DATABASE_URL } from '../target.js';
import { bigTableFullScans, explain, isExplainable, planOutline } from './explain.js';
import { captureHotRequests, pickHotItems } from './hot-requests.js';

const { values } = parseArgs({ options: { plans: { type: 'boolean', default: false } } });
const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const target = await openBenchTarget({ databaseUrl });
try {
  const items = await pickHotItems(target.exec);
  const captured = await captureHotRequests(target.deps, items);
  for (const { request, status, statements } of captured) {
    console.log(`\n${request.name}  ${request.method} ${request.url} → ${status}`);
    for (const statement of statements.filter((s) => isExplainable(s.text))) {
      const isRead = /^\s*(\(?\s*select|with)\b/i.test(statement.text) && !/\bfor update\b/i.test(statement.text);
      const result = await explain(target.exec, statement, { analyze: isRead });
      const scans = bigTableFullScans(result.plan);
      const ms =
        result.executionMs === undefined
          ? '          (plan)'
          : `${result.executionMs.toFixed(1).padStart(8)} ms +${(result.planningMs ?? 0).toFixed(1).padStart(5)}`;
      console.log(`  ${ms}${scans.length ? `  FULL SCAN: ${scans.join('; ')}` : ''}  ${statement.text.replace(/\s+/g, ' ').slice(0, 110)}`);
      if (values.plans) for (const line of planOutline(result.plan)) console.log(`              ${line}`);
    }
  }
} finally {
  await target.close();
}
