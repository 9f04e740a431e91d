/** The standard short forms: derived from the official names, never shared by two units, never a unit's own name. */
import { describe, expect, it } from 'vitest';
import { placeOfAutonomous, standardAliases } from './unit-aliases.rules.js';

describe('standardAliases', () => {
  it('finds the place of an autonomous prefecture or county', () => {
    expect(placeOfAutonomous('西双版纳傣族自治州')).toBe('西双版纳');
    expect(placeOfAutonomous('红河哈尼族彝族自治州')).toBe('红河');
    expect(placeOfAutonomous('双江拉祜族佤族布朗族傣族自治县')).toBe('双江');
    expect(placeOfAutonomous('曲靖市')).toBeNull();
  });

  it('derives the forms documents use, drops a form two units share and a form that is a unit’s name', () => {
    const units = [
      { id: 'qj', name: '曲靖市人民政府', shortName: null, kind: 'government', level: 'prefecture' },
      { id: 'dl', name: '大理白族自治州人民政府', shortName: null, kind: 'government', level: 'prefecture' },
      { id: 'sl', name: '石林彝族自治县人民政府', shortName: null, kind: 'government', level: 'county' },
      { id: 'fg', name: '云南省发展和改革委员会', shortName: '省发展改革委', kind: 'department', level: 'province', extra: ['省发改委'] },
      { id: 'x1', name: '甲县人民政府', shortName: null, kind: 'government', level: 'county', extra: ['同名'] },
      { id: 'x2', name: '乙县人民政府', shortName: '甲县', kind: 'government', level: 'county', extra: ['同名'] },
    ];
    const byAlias = Object.fromEntries(standardAliases(units).map((a) => [a.alias, a.unitId]));
    expect(byAlias).toMatchObject({
      曲靖市: 'qj',
      曲靖市政府: 'qj',
      大理白族自治州: 'dl',
      大理州: 'dl',
      大理州人民政府: 'dl',
      石林县: 'sl',
      省发改委: 'fg',
      发展改革委: 'fg',
      省发展和改革委员会: 'fg',
    });
    expect(byAlias).not.toHaveProperty('同名'); // two units: no guess
    expect(byAlias).not.toHaveProperty('甲县'); // a unit's short name resolves directly
  });
});
