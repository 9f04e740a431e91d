/** The traffic model's pure parts: the per-second mix, the ledger filter sampler, keywords, and the user sample. */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../bulk.js';
import { worstStatus } from './paced.js';
import { TRAFFIC_KEYWORDS } from './traffic-keywords.js';
import { ACTIONS_PER_SECOND_AT_100, FILTER_SHARES, PAGE_DEPTHS, pickKeyword, sampleLedgerWalk, secondOfActions } from './traffic-model.js';
import {
  DEFAULT_QUOTAS,
  STRATA,
  countByStratum,
  pickWriter,
  scaleQuotas,
  stratifiedSample,
  stratumOf,
  type CandidateRow,
  type Stratum,
} from './traffic-users.js';

describe('the per-second mix', () => {
  it('holds every kind at its rate, interleaved', () => {
    const second = secondOfActions(100);
    expect(second).toHaveLength(74);
    for (const [kind, count] of Object.entries(ACTIONS_PER_SECOND_AT_100)) expect(second.filter((k) => k === kind)).toHaveLength(count);
    // No burst: each half-second carries about half of the writes.
    const firstHalfWrites = second.slice(0, 37).filter((k) => k === 'write').length;
    expect(firstHalfWrites).toBeGreaterThanOrEqual(14);
    expect(firstHalfWrites).toBeLessThanOrEqual(16);
    expect(secondOfActions(200)).toHaveLength(148);
  });
});

describe('the ledger filter sampler', () => {
  const ctx = { sources: ['meeting_decision', 'document'], unitIds: ['u1', 'u2', 'u3'], today: '2026-12-07' };
  const random = seededRandom(1);
  const walks = Array.from({ length: 20_000 }, () => sampleLedgerWalk(random, ctx, false));
  const share = (test: (p: Record<string, string>) => boolean) => walks.filter((w) => test(w.params)).length / walks.length;

  it('draws each filter at its stated share', () => {
    expect(share((p) => 'source' in p)).toBeCloseTo(FILTER_SHARES.source, 1);
    expect(share((p) => 'status' in p)).toBeCloseTo(FILTER_SHARES.status, 1);
    expect(share((p) => 'warning' in p)).toBeCloseTo(FILTER_SHARES.light, 1);
    expect(share((p) => 'leadUnitId' in p)).toBeCloseTo(FILTER_SHARES.unit, 1);
    expect(share((p) => 'createdFrom' in p || 'deadlineFrom' in p)).toBeCloseTo(FILTER_SHARES.period, 1);
    expect(share((p) => 'q' in p)).toBe(0);
    expect(share((p) => !('sort' in p))).toBeCloseTo(0.4, 1);
  });

  it('keeps values inside what the API and the user know', () => {
    for (const { params, depth } of walks) {
      expect(params.limit).toBe('50');
      if (params.leadUnitId) expect(ctx.unitIds).toContain(params.leadUnitId);
      if (params.source) expect(ctx.sources).toContain(params.source);
      if (params.sort) expect(['deadline', 'warningLevel', 'createdAt', 'serialNumber']).toContain(params.sort);
      if (params.createdFrom && params.createdTo) expect(params.createdFrom <= params.createdTo).toBe(true);
      for (const key of ['createdFrom', 'createdTo', 'deadlineFrom', 'deadlineTo'])
        if (params[key]) expect(params[key]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(depth).toBeGreaterThanOrEqual(1);
      expect(depth).toBeLessThanOrEqual(20);
    }
    const firstPageOnly = walks.filter((w) => w.depth === 1).length / walks.length;
    expect(firstPageOnly).toBeCloseTo((PAGE_DEPTHS[0]?.[1] ?? 0) / 100, 1);
    expect(walks.some((w) => w.depth === 20)).toBe(true);
  });

  it('puts a keyword on keyword walks only, from the 200 terms, the popular ones most', () => {
    expect(new Set(TRAFFIC_KEYWORDS).size).toBe(200);
    expect(TRAFFIC_KEYWORDS).toEqual(expect.arrayContaining(['欠薪', '滇池', '医保']));
    const keywordWalk = sampleLedgerWalk(seededRandom(2), ctx, true);
    expect(TRAFFIC_KEYWORDS).toContain(keywordWalk.params.q);
    const r = seededRandom(3);
    const picks = Array.from({ length: 10_000 }, () => pickKeyword(r));
    const top = picks.filter((k) => k === TRAFFIC_KEYWORDS[0]).length;
    const last = picks.filter((k) => k === TRAFFIC_KEYWORDS[199]).length;
    expect(top).toBeGreaterThan(20 * Math.max(1, last));
    expect(picks.filter((k) => k.length === 2).length / picks.length).toBeGreaterThan(0.5);
  });
});

describe('the user sample', () => {
  const row = (
    username: string,
    roles: string[],
    scopeKind: string,
    scopeLevel: string,
    scopeUnitId = `${username}-unit`,
  ): CandidateRow => ({
    username,
    roles,
    scopeKind,
    scopeLevel,
    scopeUnitId,
  });

  it('puts every account kind in its level', () => {
    expect(stratumOf(row('a', ['supervisor'], 'government', 'province'))).toBe('province_office');
    expect(stratumOf(row('b', ['supervisor'], 'government', 'prefecture'))).toBe('prefecture_office');
    expect(stratumOf(row('c', ['supervisor'], 'government', 'county'))).toBe('county_office');
    expect(stratumOf(row('d', ['unit_handler'], 'department', 'province'))).toBe('province_department');
    expect(stratumOf(row('e', ['unit_leader'], 'internal_division', 'province'))).toBe('province_department');
    expect(stratumOf(row('f', ['unit_handler'], 'department', 'county'))).toBe('county_department');
    expect(stratumOf(row('g', ['unit_handler'], 'government', 'township'))).toBe('township');
    expect(stratumOf(row('h', ['government_leader'], 'government', 'prefecture'))).toBe('prefecture_leader');
    expect(stratumOf(row('i', ['unit_handler'], 'government', 'prefecture'))).toBe('prefecture_government');
    expect(stratumOf(row('j', ['unit_handler'], 'government', 'county'))).toBe('county_government');
    expect(stratumOf(row('k', ['security_admin'], 'government', 'province'))).toBeNull();
  });

  it('meets each quota with ≥ 500 users, spread over units before doubling up', () => {
    const rows: CandidateRow[] = [];
    // 200 township units with 3 users each, 30 county offices with 1, plenty of everything else.
    for (let u = 0; u < 200; u++)
      for (let k = 0; k < 3; k++) rows.push(row(`t${u}-${k}`, ['unit_handler'], 'government', 'township', `town${u}`));
    for (let u = 0; u < 30; u++) rows.push(row(`c${u}`, ['supervisor'], 'government', 'county', `county${u}`));
    const others: [Stratum, string[], string, string][] = [
      ['province_office', ['supervisor'], 'government', 'province'],
      ['prefecture_office', ['supervisor'], 'government', 'prefecture'],
      ['province_department', ['unit_handler'], 'department', 'province'],
      ['county_department', ['unit_handler'], 'department', 'county'],
      ['province_leader', ['government_leader'], 'government', 'province'],
      ['prefecture_leader', ['government_leader'], 'government', 'prefecture'],
      ['county_leader', ['government_leader'], 'government', 'county'],
      ['prefecture_government', ['unit_handler'], 'government', 'prefecture'],
      ['county_government', ['unit_handler'], 'government', 'county'],
    ];
    for (const [name, roles, kind, level] of others)
      for (let i = 0; i < 300; i++) rows.push(row(`${name}${i}`, roles, kind, level, `${name}-u${i % 40}`));
    const sample = stratifiedSample(rows, DEFAULT_QUOTAS, seededRandom(4));
    const counts = countByStratum(sample);
    expect(counts.township).toBeGreaterThanOrEqual(DEFAULT_QUOTAS.township);
    // Every township user from a different township (there are 200).
    expect(new Set(sample.filter((u) => u.stratum === 'township').map((u) => u.scopeUnitId)).size).toBe(counts.township);
    // Only 30 county offices exist: all of them, once each; the 40 missing are taken from the other strata.
    expect(counts.county_office).toBe(30);
    expect(sample).toHaveLength(STRATA.reduce((n, s) => n + DEFAULT_QUOTAS[s], 0));
    // 120 + top-up provincial department users over 40 units: never two more in one unit than in another.
    const perUnit = new Map<string, number>();
    for (const u of sample.filter((x) => x.stratum === 'province_department'))
      perUnit.set(u.scopeUnitId, (perUnit.get(u.scopeUnitId) ?? 0) + 1);
    expect(Math.max(...perUnit.values()) - Math.min(...perUnit.values())).toBeLessThanOrEqual(1);
    expect(counts.province_department).toBeGreaterThanOrEqual(DEFAULT_QUOTAS.province_department);
    expect(new Set(sample.map((u) => u.username)).size).toBe(sample.length);
    expect(STRATA.reduce((n, s) => n + DEFAULT_QUOTAS[s], 0)).toBeGreaterThanOrEqual(500);
  });

  it('scales quotas and shares writes between the writing levels', () => {
    expect(scaleQuotas(520)).toEqual(DEFAULT_QUOTAS);
    expect(Object.values(scaleQuotas(1)).every((n) => n === 1)).toBe(true);
    expect(scaleQuotas(1040).township).toBe(2 * DEFAULT_QUOTAS.township);
    const writers = [
      { stratum: 'province_department' as const, name: 'p' },
      { stratum: 'county_government' as const, name: 'g' },
    ];
    const r = seededRandom(5);
    const picks = Array.from({ length: 10_000 }, () => pickWriter(r, writers).name);
    // 40 : 12.5 between the two strata present.
    expect(picks.filter((p) => p === 'g').length / picks.length).toBeCloseTo(12.5 / 52.5, 1);
  });

  it('rates an action by its worst call', () => {
    expect(worstStatus([200, 200, 503, 404])).toBe(503);
    expect(worstStatus([200, 0, 503])).toBe(0);
    expect(worstStatus([201])).toBe(201);
    expect(worstStatus([200, 404])).toBe(404);
  });
});
