import { describe, expect, it } from 'vitest';
import { tallyCache, type CacheTally } from './paced.js';
import { cacheRows } from './traffic-results.js';

describe('cache outcomes in the traffic results', () => {
  it('reports the share of ledger pages the server really served from memory, and figures per outcome', () => {
    const tally: CacheTally = {};
    tallyCache(tally, 'ledger', 'page-hit');
    tallyCache(tally, 'ledger', 'page-miss, figures-fresh');
    tallyCache(tally, 'ledger', 'page-joined, figures-stale');
    tallyCache(tally, 'ledger', 'page-hit');
    tallyCache(tally, 'item', undefined);
    expect(tally.ledger?.answers).toBe(4);
    const rows = cacheRows(tally);
    // The item calls consulted no cache: no row that would read as 0 % hits.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toBe('| ledger | 4 | 50 % | 50 % (1) | 50 % / 50 % / 0 % (0) |');
  });
});
