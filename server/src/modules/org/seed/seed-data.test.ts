import { describe, expect, it } from 'vitest';
import calendarJson from '../../../platform/calendar/calendar-seed.json' with { type: 'json' };
import {
  demoMaxUnits,
  demoNameCount,
  demoPeopleForUnit,
  demoPeopleTemplates,
  demoPersonName,
  provincialLeaders,
  unitLeaderTitle,
} from '../../../demo/demo-people.js';
import departmentsJson from './provincial-departments.json' with { type: 'json' };
import divisionsJson from './yunnan-divisions.json' with { type: 'json' };

type DivisionLevel = 'province' | 'prefecture' | 'county';
interface DivisionSeed {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}
interface DepartmentSeed {
  name: string;
  shortName: string;
}
interface CalendarSeedEntry {
  day: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
function isDivision(value: unknown): value is DivisionSeed {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    typeof value.name === 'string' &&
    (value.level === 'province' || value.level === 'prefecture' || value.level === 'county') &&
    (value.parentCode === null || typeof value.parentCode === 'string')
  );
}
function isDepartment(value: unknown): value is DepartmentSeed {
  return isRecord(value) && typeof value.name === 'string' && typeof value.shortName === 'string';
}
function isCalendarEntry(value: unknown): value is CalendarSeedEntry {
  return (
    isRecord(value) &&
    typeof value.day === 'string' &&
    (value.kind === 'holiday' || value.kind === 'makeup_workday') &&
    typeof value.name === 'string'
  );
}
function parseArray<T>(value: unknown, guard: (v: unknown) => v is T, what: string): T[] {
  if (!Array.isArray(value)) throw new Error(`${what}: not an array`);
  return value.map((item: unknown, i) => {
    if (!guard(item)) throw new Error(`${what}[${i}]: unexpected shape ${JSON.stringify(item)}`);
    return item;
  });
}

const divisions = parseArray<DivisionSeed>(divisionsJson, isDivision, 'yunnan-divisions.json');
const departments = parseArray<DepartmentSeed>(departmentsJson, isDepartment, 'provincial-departments.json');
const calendar = parseArray<CalendarSeedEntry>(calendarJson, isCalendarEntry, 'calendar-seed.json');

describe('yunnan-divisions.json', () => {
  const byCode = new Map(divisions.map((d) => [d.code, d]));

  it('has 1 province, 16 prefectures and 129 counties', () => {
    const count = (level: DivisionLevel): number => divisions.filter((d) => d.level === level).length;
    expect(count('province')).toBe(1);
    expect(count('prefecture')).toBe(16);
    expect(count('county')).toBe(129);
    expect(divisions).toHaveLength(146);
  });

  it('has unique 6-digit codes in ascending order', () => {
    for (const d of divisions) expect(d.code).toMatch(/^53\d{4}$/);
    expect(byCode.size).toBe(divisions.length);
    expect(divisions.map((d) => d.code)).toEqual(divisions.map((d) => d.code).sort());
  });

  it('links each level to the level above', () => {
    expect(divisions[0]).toEqual({ code: '530000', name: '云南省', level: 'province', parentCode: null });
    for (const d of divisions.filter((x) => x.level === 'prefecture')) expect(d.parentCode).toBe('530000');
    for (const d of divisions.filter((x) => x.level === 'county')) {
      expect(byCode.get(d.parentCode ?? '')?.level, `${d.code} ${d.name}`).toBe('prefecture');
    }
  });

  it('uses current official names and drops placeholders and stale codes', () => {
    const names = new Set(divisions.map((d) => d.name));
    expect(byCode.get('532302')?.name).toBe('禄丰市');
    expect(names.has('禄丰县')).toBe(false);
    expect(byCode.has('532331')).toBe(false);
    expect(names.has('市辖区')).toBe(false);
    expect(byCode.get('532800')?.name).toBe('西双版纳傣族自治州');
    expect(byCode.get('533400')?.name).toBe('迪庆藏族自治州');
    expect(byCode.get('530102')?.name).toBe('五华区');
    expect(byCode.get('530181')?.name).toBe('安宁市');
  });
});

describe('provincial-departments.json', () => {
  it('lists about 40 departments with unique names and short names', () => {
    expect(departments.length).toBeGreaterThanOrEqual(35);
    expect(departments.length).toBeLessThanOrEqual(45);
    expect(new Set(departments.map((d) => d.name)).size).toBe(departments.length);
    expect(new Set(departments.map((d) => d.shortName)).size).toBe(departments.length);
    for (const d of departments) {
      expect(d.name).toMatch(/^云南省/);
      expect(d.shortName).toMatch(/^省/);
    }
  });

  it('starts with the general office that hosts the 督查室', () => {
    expect(departments[0]).toMatchObject({ name: '云南省人民政府办公厅', shortName: '省政府办公厅' });
  });

  it('has no merged or abolished agencies', () => {
    const names = departments.map((d) => d.name);
    expect(names.some((n) => n.includes('乡村振兴') || n.includes('扶贫'))).toBe(false);
    expect(names.some((n) => n.includes('金融工作'))).toBe(false);
  });
});

describe('demo-people', () => {
  it('has one 省长, one 常务副省长, several 副省长 and one 秘书长', () => {
    const count = (title: string): number => provincialLeaders.filter((l) => l.title === title).length;
    expect(count('省长')).toBe(1);
    expect(count('常务副省长')).toBe(1);
    expect(count('副省长')).toBeGreaterThanOrEqual(4);
    expect(count('省政府秘书长')).toBe(1);
    expect(new Set(provincialLeaders.map((l) => l.name)).size).toBe(provincialLeaders.length);
  });

  it('assigns every department to exactly one leader', () => {
    const shortNames = new Set(departments.map((d) => d.shortName));
    const overseers = new Map<string, string[]>();
    for (const leader of provincialLeaders) {
      for (const shortName of leader.overseesShortNames) {
        expect(shortNames.has(shortName), `${leader.name}: unknown department ${shortName}`).toBe(true);
        overseers.set(shortName, [...(overseers.get(shortName) ?? []), leader.name]);
      }
    }
    for (const d of departments) expect(overseers.get(d.shortName) ?? [], d.shortName).toHaveLength(1);
    const secretaryGeneral = provincialLeaders.find((l) => l.title === '省政府秘书长');
    expect(secretaryGeneral?.overseesShortNames).toContain('省政府办公厅');
  });

  it('generates distinct names that never clash with a leader', () => {
    const generated = Array.from({ length: demoNameCount }, (_, i) => demoPersonName(i));
    expect(new Set(generated).size).toBe(demoNameCount);
    const leaderNames = new Set(provincialLeaders.map((l) => l.name));
    expect(generated.filter((n) => leaderNames.has(n))).toEqual([]);
    expect(() => demoPersonName(demoNameCount)).toThrow(RangeError);
  });

  it('staffs every division and department with distinct, deterministic people', () => {
    expect(demoMaxUnits).toBeGreaterThanOrEqual(divisions.length + departments.length);
    const people = [
      ...divisions.map((d, i) => demoPeopleForUnit('government', i, `${d.name}人民政府`)),
      ...departments.map((d, i) => demoPeopleForUnit('department', divisions.length + i, d.name)),
    ].flat();
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
    expect(demoPeopleForUnit('department', 7, '云南省教育厅')).toEqual(demoPeopleForUnit('department', 7, '云南省教育厅'));
  });

  it('gives each template unique posts with at most one A角 and one B角', () => {
    for (const template of demoPeopleTemplates) {
      const seen = new Set<string>();
      for (const slot of template.slots) {
        const key = `${slot.postName}/${slot.holder}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    const handlers = demoPeopleForUnit('department', 0, '云南省科学技术厅').filter((p) => p.role === 'handler');
    expect(handlers.map((p) => p.holder).sort()).toEqual(['backupHolder', 'primaryHolder']);
  });

  it('derives the unit leader title from the unit name', () => {
    expect(unitLeaderTitle('云南省教育厅')).toBe('厅长');
    expect(unitLeaderTitle('云南省统计局')).toBe('局长');
    expect(unitLeaderTitle('云南省发展和改革委员会')).toBe('主任');
    expect(unitLeaderTitle('云南省人民政府外事办公室')).toBe('主任');
    expect(unitLeaderTitle('云南省人民政府办公厅')).toBe('主任');
  });
});

describe('calendar-seed.json', () => {
  const byDay = new Map(calendar.map((e) => [e.day, e]));
  const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

  it('has unique, valid, sorted days', () => {
    for (const e of calendar) {
      expect(e.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(e.day))).toBe(false);
      expect(e.name).toMatch(/^(元旦|春节|清明节|劳动节|端午节|中秋节|国庆节)(、(中秋节|国庆节))?$/);
    }
    expect(byDay.size).toBe(calendar.length);
    expect(calendar.map((e) => e.day)).toEqual(calendar.map((e) => e.day).sort());
  });

  it('covers 2024, 2025 and 2026', () => {
    const years = new Set(calendar.map((e) => e.day.slice(0, 4)));
    expect([...years].sort()).toEqual(['2024', '2025', '2026']);
  });

  it('only puts make-up workdays on weekends', () => {
    for (const e of calendar.filter((x) => x.kind === 'makeup_workday')) expect([0, 6], e.day).toContain(weekday(e.day));
  });

  it('matches known facts from the 国务院办公厅 notices', () => {
    expect(byDay.get('2025-01-26')).toEqual({ day: '2025-01-26', kind: 'makeup_workday', name: '春节' });
    expect(byDay.get('2024-02-04')?.kind).toBe('makeup_workday');
    expect(byDay.get('2024-02-18')?.kind).toBe('makeup_workday');
    for (let d = 1; d <= 8; d++) {
      const day = `2025-10-0${d}`;
      expect(byDay.get(day), day).toEqual({ day, kind: 'holiday', name: '国庆节、中秋节' });
    }
    for (let d = 15; d <= 23; d++) expect(byDay.get(`2026-02-${d}`)?.kind).toBe('holiday');
    expect(byDay.get('2026-02-14')?.kind).toBe('makeup_workday');
    expect(byDay.get('2026-02-28')?.kind).toBe('makeup_workday');
    expect(byDay.get('2026-02-24')).toBeUndefined();
  });
});
