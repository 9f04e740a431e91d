/** The pure reading rules of a 分工方案: names as documents write them, leaders by title, 时限 and 备注 in words. */
import { describe, expect, it } from 'vitest';
import { matchLeader, parseLeaderEntry } from './ledger.import.leaders.js';
import { collectiveOf, parseDeadline, parseFrequency, splitNames, withoutNumbering } from './ledger.import.rules.js';

describe('splitNames', () => {
  it('splits on 、，； but never inside a bracket or a collective name, and drops 牵头/配合 words', () => {
    expect(splitNames('省发展改革委、省财政厅，省教育厅')).toEqual(['省发展改革委', '省财政厅', '省教育厅']);
    expect(splitNames('各县（市、区）人民政府、省住建厅')).toEqual(['各县（市、区）人民政府', '省住建厅']);
    expect(splitNames('省发改委牵头，各州、市人民政府配合')).toEqual(['省发改委', '各州（市）人民政府']);
    expect(splitNames('省财政厅（牵头）、省直各委、办、厅、局')).toEqual(['省财政厅', '省直各有关部门']);
  });

  it('knows the collective subjects and nothing else as collective', () => {
    expect(['各州（市）人民政府', '各州市人民政府', '各州(市)政府'].map(collectiveOf)).toEqual([
      'prefectures',
      'prefectures',
      'prefectures',
    ]);
    expect(['各县（市、区）人民政府', '各县市区'].map(collectiveOf)).toEqual(['counties', 'counties']);
    expect(['省直各有关部门', '省级有关部门', '各有关单位'].map(collectiveOf)).toEqual(['departments', 'departments', 'departments']);
    expect(['省发改委', '曲靖市', '部门'].map(collectiveOf)).toEqual([null, null, null]);
  });
});

describe('leaders by title', () => {
  const leaders = [
    { id: 'a', name: '苏建华', title: '常务副省长', oversightAreas: '分管发展改革、财政方面工作' },
    { id: 'b', name: '龙国栋', title: '副省长', oversightAreas: '分管工业和信息化、交通运输、商务方面工作' },
    { id: 'c', name: '邹晓梅', title: '副省长', oversightAreas: '分管教育、科技、卫生健康方面工作' },
  ];
  it('matches a name, a name with its title, a title with its 分管 area, and a title held once', () => {
    expect(matchLeader(parseLeaderEntry('邹晓梅'), leaders)).toMatchObject({ kind: 'found', leader: { id: 'c' }, byTitle: false });
    expect(matchLeader(parseLeaderEntry('邹晓梅（副省长）'), leaders)).toMatchObject({ leader: { id: 'c' } });
    expect(matchLeader(parseLeaderEntry('龙国栋副省长'), leaders)).toMatchObject({ leader: { id: 'b' } });
    expect(matchLeader(parseLeaderEntry('副省长（分管交通运输）'), leaders)).toMatchObject({ leader: { id: 'b' }, byTitle: true });
    expect(matchLeader(parseLeaderEntry('常务副省长'), leaders)).toMatchObject({ leader: { id: 'a' }, byTitle: true });
  });
  it('says “title only” when the title cannot settle it, and “unknown” for a name not among the leaders', () => {
    expect(matchLeader(parseLeaderEntry('副省长'), leaders)).toEqual({ kind: 'title_only' });
    expect(matchLeader(parseLeaderEntry('分管副省长'), leaders)).toEqual({ kind: 'title_only' });
    expect(matchLeader(parseLeaderEntry('副省长（分管农业农村）'), leaders)).toEqual({ kind: 'title_only' });
    expect(matchLeader(parseLeaderEntry('王大明'), leaders)).toEqual({ kind: 'unknown', name: '王大明' });
  });
});

describe('时限, numbering and 备注 in words', () => {
  it('reads 年底前, 6月底前 and 持续推进 against the current year', () => {
    expect(parseDeadline('年底前', 2026)).toEqual({ kind: 'date', date: '2026-12-31' });
    expect(parseDeadline('2026年6月底前', 2026)).toEqual({ kind: 'date', date: '2026-06-30' });
    expect(parseDeadline('9月底前', 2026)).toEqual({ kind: 'date', date: '2026-09-30' });
    expect(parseDeadline('持续推进', 2026)).toEqual({ kind: 'ongoing', date: '2026-12-31', text: '持续推进' });
    expect(parseDeadline('尽快', 2026)).toMatchObject({ kind: 'invalid' });
  });
  it('strips the numbering documents put before a task', () => {
    expect(['1. 推进', '（一）推进', '一、推进', '(3)推进', '12、推进'].map(withoutNumbering)).toEqual([
      '推进',
      '推进',
      '推进',
      '推进',
      '推进',
    ]);
  });
  it('reads a reporting frequency from a remark, and says when the product has none for it', () => {
    expect(parseFrequency('每月报送一次')).toEqual({ kind: 'set', frequency: 'monthly' });
    expect(parseFrequency('每季度报送进展情况')).toEqual({ kind: 'set', frequency: 'quarterly' });
    expect(parseFrequency('每周五前报送')).toEqual({ kind: 'set', frequency: 'weekly' });
    expect(parseFrequency('每半月报送')).toEqual({ kind: 'set', frequency: 'half_monthly' });
    expect(parseFrequency('每半年报送一次')).toEqual({ kind: 'unsupported' });
    expect(parseFrequency('重点督办')).toBeNull();
  });
});
