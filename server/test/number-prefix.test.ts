/**
 * Item numbers that identify (issue 13 item 5): every government of Yunnan numbers its items with its own prefix by
 * default (昆督〔2026〕1号), so two items of different governments with the same running number never read alike.
 */
import { defaultNumberPattern, formatItemNumber, governmentNumberPrefix } from '@luoshi/contracts';
import { describe, expect, it } from 'vitest';
import divisions from '../src/modules/org/seed/yunnan-divisions.json' with { type: 'json' };

const governments = divisions
  .filter((d) => ['province', 'prefecture', 'county'].includes(d.level))
  .map((d) => ({ name: `${d.name}人民政府`, level: d.level }));

describe('government number prefix', () => {
  it('abbreviates the province, a 州市 and counties the way 督查 documents do', () => {
    expect(governmentNumberPrefix('云南省人民政府', 'province')).toBe('云');
    expect(governmentNumberPrefix('昆明市人民政府', 'prefecture')).toBe('昆');
    expect(governmentNumberPrefix('西双版纳傣族自治州人民政府', 'prefecture')).toBe('西');
    expect(governmentNumberPrefix('五华区人民政府', 'county')).toBe('五华');
    expect(governmentNumberPrefix('石林彝族自治县人民政府', 'county')).toBe('石林');
    expect(governmentNumberPrefix('双江拉祜族佤族布朗族傣族自治县人民政府', 'county')).toBe('双江');
    expect(formatItemNumber(defaultNumberPattern, { year: 2026, seq: 1, short: '批', unit: '昆' })).toBe('昆督〔2026〕1号');
  });

  it('gives each of the province, the 16 州市 and the 129 县市区 a prefix of its own', () => {
    expect(governments.length).toBe(146);
    const prefixes = governments.map((g) => governmentNumberPrefix(g.name, g.level));
    expect(prefixes.every((p) => p.length > 0)).toBe(true);
    const repeated = prefixes.filter((p, i) => prefixes.indexOf(p) !== i);
    expect(repeated).toEqual([]);
  });
});
