/**
 * The ledger's page cache (platform/page-cache.ts) as a reader sees it: a page is sent again as kept, and a change to
 * an item in the reader's scope — made through the product, which announces it — brings the new page at once.
 */
import { randomUUID } from 'node:crypto';
import type { LedgerPage, Task } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv, type TestTree } from './harness.js';

let env: TestEnv;
let tree: TestTree;
let supervisor: Session;
beforeAll(async () => {
  env = await startTestEnv({ PAGE_CACHE_ENTRIES: '300' });
  tree = await createTree(env.deps);
  supervisor = await signIn(env, await createUser(env.deps, tree.root, ['supervisor']));
});
afterAll(async () => {
  await env.close();
});

async function ledger(query: string): Promise<{ page: LedgerPage; body: string; cache: string | undefined }> {
  const res = await env.app.inject({ method: 'GET', url: `/api/ledger?${query}`, headers: authHeaders(supervisor) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const cache = res.headers['x-luoshi-cache'];
  return { page: res.json<LedgerPage>(), body: res.body, cache: typeof cache === 'string' ? cache : undefined };
}

async function register(title: string): Promise<Task> {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/tasks',
    headers: authHeaders(supervisor),
    payload: { title, source: 'meeting_decision', content: `${title}的具体要求`, leadUnitId: tree.department },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

/** Reads until `accept` holds (the change notification travels asynchronously), for at most two seconds. */
async function ledgerUntil(query: string, accept: (page: LedgerPage) => boolean): Promise<LedgerPage> {
  let last: LedgerPage | null = null;
  for (let i = 0; i < 40; i++) {
    last = (await ledger(query)).page;
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return last as LedgerPage;
}

describe('ledger page cache', () => {
  it('sends a kept page until an item in scope changes through the product, then the new page', async () => {
    const tag = randomUUID().slice(0, 8);
    const query = `q=${encodeURIComponent(tag)}&limit=50`;
    const first = await register(`${tag}第一项`);
    const titles = (page: LedgerPage) => page.items.map((r) => r.title).sort();
    expect(titles(await ledgerUntil(query, (p) => p.items.length === 1))).toEqual([`${tag}第一项`]);

    // A change behind the product's back (no notification) is not seen: the page is the kept one, byte for byte.
    const kept = await ledger(query);
    await env.ownerQuery('update tasks set title = $2 where id = $1', [first.id, `${tag}改名`]);
    const again = await ledger(query);
    expect(again.body).toBe(kept.body);
    // The answer says where it came from, so the benchmark can report the share really served from memory.
    expect(again.cache).toBe('page-hit');

    // A change through the product is announced when it commits, and the next pages show it.
    await register(`${tag}第二项`);
    const fresh = await ledgerUntil(query, (p) => p.items.length === 2);
    expect(titles(fresh)).toEqual([`${tag}第二项`, `${tag}改名`].sort());
    expect(fresh.counts.total).toBe(2);
    // Page 1 after the change was computed again: a reader right after a change is not served from memory.
    expect((await ledger(`${query}&sort=createdAt`)).cache).toMatch(/^page-miss\b/);
  });

  it('keeps readers of other scopes apart: a county reader never gets the province page', async () => {
    const tag = randomUUID().slice(0, 8);
    await register(`${tag}省级事项`);
    const query = `q=${encodeURIComponent(tag)}&limit=50`;
    expect((await ledgerUntil(query, (p) => p.items.length === 1)).items).toHaveLength(1);
    const county = await signIn(env, await createUser(env.deps, tree.countyA1, ['supervisor']));
    const res = await env.app.inject({ method: 'GET', url: `/api/ledger?${query}`, headers: authHeaders(county) });
    expect(res.statusCode).toBe(200);
    expect(res.json<LedgerPage>().items).toHaveLength(0);
  });
});
