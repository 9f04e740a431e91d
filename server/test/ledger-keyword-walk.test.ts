/**
 * The ledger finds a keyword page in one of two ways (ledger.repository `keywordByWalk`): through the trigram
 * indexes, or by walking the sort index and testing each row. Which one is a matter of speed only — the pages, in
 * every sort and across keyset pages, must be the same rows in the same order.
 */
import { grantScope } from '../src/platform/scope.js';
import { ledgerSortValues, type LedgerSort } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cursorValuesOf, sortKeys } from '../src/modules/ledger/ledger.rules.js';
import { bigramQuery, countByWarning, listLedgerRows, type LedgerConditions } from '../src/modules/ledger/ledger.repository.js';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type TestEnv } from './harness.js';

let env: TestEnv;
let scopePath: string;
let scopeUnit: string;
beforeAll(async () => {
  env = await startTestEnv();
  const tree = await createTree(env.deps);
  const supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
  const rows = await env.ownerQuery('select path from units where id = $1', [tree.root]);
  scopePath = String(rows[0]?.path);
  scopeUnit = tree.root;
  const deadlines = ['2026-04-01', '2026-04-01', '2026-05-10', null, '2026-03-20', null, '2026-06-30', '2026-04-01'];
  for (const [i, deadline] of deadlines.entries()) {
    const onTitle = i % 2 === 0;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: authHeaders(supervisor),
      payload: {
        title: onTitle ? `推进高标准农田建设第${i}项` : `水利设施改造第${i}项`,
        source: 'meeting_decision',
        content: onTitle ? '按期完成' : `配套实施高标准农田灌溉工程（第${i}项）`,
        leadUnitId: tree.department,
        ...(deadline ? { deadline } : {}),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // A Latin keyword: upper and lower case must not matter, either way.
  await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(supervisor),
    payload: { title: '上线政务ERP系统', source: 'meeting_decision', content: '完成 Erp 对接', leadUnitId: tree.department },
  });
  // An item without the keyword between them, which neither way may return.
  await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(supervisor),
    payload: { title: '其他事项', source: 'meeting_decision', content: '无关内容', leadUnitId: tree.department, deadline: '2026-04-01' },
  });
});
afterAll(async () => {
  await env.close();
});

async function allPages(conditions: LedgerConditions, sort: LedgerSort, order: 'asc' | 'desc'): Promise<string[]> {
  const keys = sortKeys(sort, order);
  const ids: string[] = [];
  let cursor = null;
  for (let i = 0; i < 20; i++) {
    const rows = await listLedgerRows(env.deps.database.db, conditions, keys, cursor, 3);
    ids.push(...rows.map((r) => r.id));
    const last = rows.at(-1);
    if (rows.length < 3 || !last) return ids;
    cursor = cursorValuesOf(keys, last);
  }
  return ids;
}

describe('ledger keyword pages', () => {
  it('are the same rows in the same order whether found through the trigram indexes or by walking the sort index', async () => {
    const conditions: LedgerConditions = { scope: grantScope(scopeUnit, scopePath), reachUnitId: scopeUnit, q: '高标准农田' };
    for (const sort of ledgerSortValues) {
      for (const order of ['asc', 'desc'] as const) {
        const byIndex = await allPages(conditions, sort, order);
        const byWalk = await allPages({ ...conditions, keywordByWalk: true }, sort, order);
        expect(byIndex, `${sort} ${order}`).toHaveLength(8);
        expect(byWalk, `${sort} ${order}`).toEqual(byIndex);
      }
    }
  });

  it('match a Latin keyword whatever its case, either way', async () => {
    for (const q of ['erp', 'ERP', 'eRp']) {
      const byIndex = await allPages({ scope: grantScope(scopeUnit, scopePath), reachUnitId: scopeUnit, q }, 'deadline', 'asc');
      const byWalk = await allPages(
        { scope: grantScope(scopeUnit, scopePath), reachUnitId: scopeUnit, q, keywordByWalk: true },
        'deadline',
        'asc',
      );
      expect(byIndex, q).toHaveLength(1);
      expect(byWalk, q).toEqual(byIndex);
    }
  });

  it('find two-character keywords (no trigram) through the character-pair index, the same rows either way', async () => {
    expect(bigramQuery('农田')).toBe("'农田'");
    expect(bigramQuery("a'")).toBe("'a'''");
    expect(bigramQuery('高标准')).toBeNull();
    for (const [q, n] of [
      ['农田', 8],
      ['Er', 1],
      ['无关', 1],
    ] as const) {
      const conditions: LedgerConditions = { scope: grantScope(scopeUnit, scopePath), reachUnitId: scopeUnit, q };
      const byIndex = await allPages(conditions, 'deadline', 'asc');
      expect(byIndex, q).toHaveLength(n);
      expect(await allPages({ ...conditions, keywordByWalk: true }, 'deadline', 'asc'), q).toEqual(byIndex);
      const counted = await countByWarning(env.deps.database.db, conditions);
      expect(
        [...counted.values()].reduce((a, b) => a + b, 0),
        q,
      ).toBe(n);
    }
  });
});
