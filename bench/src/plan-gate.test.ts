/**
 * Plan gate (issue 6): the SQL of every hot request — the ledger's first page (a), the ledger with a keyword (b),
 * every call of the item page (c), the cockpit (e) and a progress report with its audit event (d) — must reach
 * `tasks`, `progress_reports`, `task_events` and `audit_events` through an index. The statements are captured from
 * the product itself on the county-scale bench set (PGlite, or PostgreSQL with TEST_DATABASE_URL) and explained
 * with sequential scans disabled, so a Seq Scan in a plan means no index can serve the statement — on a small set
 * the planner would rightly prefer reading a few pages, at a million items it is seconds per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEnv, type TestEnv } from '../../server/test/harness.js';
import { prepareData } from '../../server/src/runtime.js';
import { generateBenchData } from './generate.js';
import { bigTableSeqScans, explain, isExplainable, planOutline } from './plans/explain.js';
import { captureHotRequests, pickHotItems, type CapturedRequest } from './plans/hot-requests.js';
import { scales } from './scale.js';

let env: TestEnv;
let captured: CapturedRequest[];

beforeAll(async () => {
  env = await startTestEnv();
  await prepareData(env.deps, false);
  await generateBenchData({ deps: env.deps, exec: env.ownerQuery, close: () => Promise.resolve() }, scales.county);
  captured = await captureHotRequests(env.deps, await pickHotItems(env.ownerQuery));
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('plan gate', () => {
  it('answers every hot request', () => {
    expect(captured.map((c) => `${c.request.name} ${c.status}`)).toEqual(
      captured.map((c) => `${c.request.name} ${c.request.method === 'POST' ? 201 : 200}`),
    );
  });

  it('reads the big tables of every hot request through an index (no sequential scan with enable_seqscan off)', async () => {
    const problems: string[] = [];
    await env.ownerQuery('set enable_seqscan = off');
    try {
      for (const { request, statements } of captured) {
        for (const statement of statements.filter((s) => isExplainable(s.text))) {
          const { plan } = await explain(env.ownerQuery, statement);
          const scans = bigTableSeqScans(plan);
          if (scans.length === 0) continue;
          problems.push(
            `${request.name}: Seq Scan on ${scans.join(', ')} in\n  ${statement.text.replace(/\s+/g, ' ').slice(0, 300)}\n  plan:\n    ${planOutline(plan).join('\n    ')}`,
          );
        }
      }
    } finally {
      await env.ownerQuery('reset enable_seqscan');
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
});
