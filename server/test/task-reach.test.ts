/**
 * The reach rows and the kept counts (db/schema/task-reach.ts, migration 0018) must equal what they summarise after
 * any sequence of writes — items registered alone or many in one statement, statuses, lights, deadlines, lead units
 * and parents changed, cooperating units added and removed, items deleted — and after the deltas are folded. A wrong
 * reach row is a leak (a reader sees another subtree's item) or a loss (a unit's own item missing from its ledger);
 * a wrong tally is a wrong number on a leader's cockpit. The triggers are exercised directly with SQL here, so every
 * write path of the product (which all end in these statements) is covered at once.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTree, startTestEnv, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
let tree: TestTree;
let units: string[];
beforeAll(async () => {
  env = await startTestEnv();
  tree = await createTree(env.deps);
  units = [tree.root, tree.prefectureA, tree.prefectureB, tree.countyA1, tree.countyA2, tree.countyB1, tree.department];
});
afterAll(async () => {
  await env.close();
});

const q = (text: string, params: unknown[] = []) => env.ownerQuery(text, params);
const statuses = ['draft', 'assigned', 'accepted', 'in_progress', 'completed', 'closed'] as const;
let serial = 0;

async function insertItems(count: number, supervising: string, lead: string, parentId: string | null = null): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const values = ids.map((id) => {
    serial += 1;
    return `('${id}', 'T-${serial}', 2026, ${serial}, '事项${serial}', 'meeting_decision', '{}'::jsonb, '内容', 'assigned', 'normal',
      'monthly', '2026-06-${String((serial % 28) + 1).padStart(2, '0')}', '${supervising}', '${lead}', ${parentId ? `'${parentId}'` : 'null'},
      ${parentId ? 1 : 0}, now() - interval '${serial} hours', now(), now() - interval '${serial % 90} days')`;
  });
  await q(`insert into tasks (id, serial_number, serial_year, serial_seq, title, source, source_ref, content, status, urgency,
      reporting_frequency, deadline, supervising_unit_id, lead_unit_id, parent_id, depth, created_at, updated_at, assigned_at)
    values ${values.join(', ')}`);
  return ids;
}

/** Rows that differ between what is kept and what it summarises (0 when exact). */
async function drift(): Promise<Record<string, number>> {
  const n = async (text: string) => Number((await q(`select count(*) as n from (${text}) d`))[0]?.n);
  const want = `select * from luoshi_reach_of(array(select id from tasks))`;
  const reach = await n(
    `(select unit_id, task_id from task_reach except ${want}) union all (${want} except select unit_id, task_id from task_reach)`,
  );
  const copied = await n(`select 1 from task_reach r join tasks t on t.id = r.task_id
    where (r.source, r.status, r.warning_level, r.top_level, r.deadline, r.created_at, r.serial_year, r.serial_seq)
      is distinct from (t.source, t.status, t.warning_level, t.parent_id is null, t.deadline, t.created_at, t.serial_year, t.serial_seq)`);
  const diff = (kept: string, truth: string) =>
    n(
      `(select * from (${kept}) k except select * from (${truth}) t) union all (select * from (${truth}) t except select * from (${kept}) k)`,
    );
  const reachTallies = await diff(
    `select unit_id, source, status, warning_level, top_level, sum(n)::int from task_tallies where kind = 'reach' group by 1, 2, 3, 4, 5 having sum(n) <> 0`,
    `select unit_id, source, status, warning_level, top_level, count(*)::int from task_reach group by 1, 2, 3, 4, 5`,
  );
  const leadTallies = await diff(
    `select unit_id, status, warning_level, sum(n)::int from task_tallies where kind = 'lead' group by 1, 2, 3 having sum(n) <> 0`,
    `select a.u, status, warning_level, count(*)::int from tasks cross join lateral luoshi_unit_and_ancestors(lead_unit_id) a(u) group by 1, 2, 3`,
  );
  const monthTallies = await diff(
    `select kind, unit_id, month, sum(n)::int from task_tallies where kind in ('assigned', 'completed') group by 1, 2, 3 having sum(n) <> 0`,
    `select 'assigned', a.u, luoshi_shanghai_month(assigned_at), count(*)::int from tasks cross join lateral luoshi_unit_and_ancestors(lead_unit_id) a(u)
       where assigned_at is not null group by 1, 2, 3
     union all
     select 'completed', a.u, luoshi_shanghai_month(completed_at), count(*)::int from tasks cross join lateral luoshi_unit_and_ancestors(lead_unit_id) a(u)
       where completed_at is not null group by 1, 2, 3`,
  );
  return { reach, copied, reachTallies, leadTallies, monthTallies };
}

const exact = { reach: 0, copied: 0, reachTallies: 0, leadTallies: 0, monthTallies: 0 };

describe('task reach and kept counts', () => {
  it('give a county exactly the items its subtree supervises, leads or cooperates on — and nothing of its sibling', async () => {
    const [ownLed] = await insertItems(1, tree.prefectureA, tree.countyA1);
    const [siblingLed] = await insertItems(1, tree.prefectureA, tree.countyA2);
    const [cooperated] = await insertItems(1, tree.root, tree.department);
    await q(`insert into task_cooperations (task_id, unit_id) values ($1, $2)`, [cooperated, tree.countyA1]);
    const seen = async (unit: string) =>
      (await q('select task_id from task_reach where unit_id = $1', [unit])).map((r) => String(r.task_id));
    const county = await seen(tree.countyA1);
    expect(county).toEqual(expect.arrayContaining([ownLed, cooperated]));
    expect(county).not.toContain(siblingLed);
    // The prefecture sees both of its counties' items, the province everything.
    expect(await seen(tree.prefectureA)).toEqual(expect.arrayContaining([ownLed, siblingLed, cooperated]));
    expect(await seen(tree.root)).toEqual(expect.arrayContaining([ownLed, siblingLed, cooperated]));
    // The cooperation withdrawn: the county no longer sees the item, the prefecture neither.
    await q(`delete from task_cooperations where task_id = $1`, [cooperated]);
    expect(await seen(tree.countyA1)).not.toContain(cooperated);
    expect(await seen(tree.prefectureA)).not.toContain(cooperated);
    expect(await drift()).toEqual(exact);
  });

  it('stay exact through any sequence of writes, and after the deltas are folded', async () => {
    const base = await insertItems(12, tree.root, tree.department);
    base.push(...(await insertItems(8, tree.prefectureA, tree.countyA1)));
    base.push(...(await insertItems(2, tree.prefectureA, tree.countyA2, base[12])));
    const pick = fc.integer({ min: 0, max: base.length - 1 });
    const unit = fc.integer({ min: 0, max: units.length - 1 });
    const write = fc.oneof(
      fc.record({ op: fc.constant('status' as const), i: pick, s: fc.constantFrom(...statuses) }),
      fc.record({ op: fc.constant('light' as const), i: pick, level: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ op: fc.constant('deadline' as const), i: pick, day: fc.option(fc.integer({ min: 1, max: 28 })) }),
      fc.record({ op: fc.constant('lead' as const), i: pick, u: unit }),
      fc.record({ op: fc.constant('cooperate' as const), i: pick, u: unit }),
      fc.record({ op: fc.constant('uncooperate' as const), i: pick }),
      fc.record({ op: fc.constant('batchLight' as const), level: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ op: fc.constant('complete' as const), i: pick }),
      fc.record({ op: fc.constant('bulkInsert' as const), u: unit }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        for (const w of writes) {
          const id = 'i' in w ? base[w.i] : undefined;
          switch (w.op) {
            case 'status':
              await q('update tasks set status = $2 where id = $1', [id, w.s]);
              break;
            case 'light':
              await q('update tasks set warning_level = $2 where id = $1', [id, w.level]);
              break;
            case 'deadline':
              await q('update tasks set deadline = $2 where id = $1', [
                id,
                w.day === null ? null : `2026-07-${String(w.day).padStart(2, '0')}`,
              ]);
              break;
            case 'lead':
              await q('update tasks set lead_unit_id = $2 where id = $1', [id, units[w.u]]);
              break;
            case 'cooperate':
              await q('insert into task_cooperations (task_id, unit_id) values ($1, $2) on conflict do nothing', [id, units[w.u]]);
              break;
            case 'uncooperate':
              await q('delete from task_cooperations where task_id = $1', [id]);
              break;
            case 'batchLight':
              // Many items in one statement, as the daily light refresh writes them.
              await q('update tasks set warning_level = $1 where id = any($2::uuid[])', [w.level, base.slice(0, 10)]);
              break;
            case 'complete':
              await q(`update tasks set status = 'completed', completed_at = now() - interval '40 days' where id = $1`, [id]);
              break;
            case 'bulkInsert': {
              const fresh = await insertItems(3, tree.root, units[w.u] ?? tree.department);
              await q('delete from tasks where id = any($1::uuid[])', [fresh.slice(1)]);
              break;
            }
          }
        }
        expect(await drift()).toEqual(exact);
      }),
      { numRuns: 15, seed: 20261207 },
    );
    await q('select luoshi_compact_task_tallies()');
    expect(await drift()).toEqual(exact);
    const rows = Number((await q('select count(*) as n from task_tallies'))[0]?.n);
    const keys = Number(
      (
        await q(
          'select count(*) as n from (select distinct kind, unit_id, source, status, warning_level, top_level, month from task_tallies) k',
        )
      )[0]?.n,
    );
    expect(rows).toBe(keys);
  });

  it('are rebuilt from the items alone (after a bulk load with triggers off) to the same state', async () => {
    await q('select luoshi_rebuild_task_reach()');
    expect(await drift()).toEqual(exact);
  });
});
