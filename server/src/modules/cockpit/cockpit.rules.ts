/**
 * Pure parts of the 领导驾驶舱: the month windows of "completion over time" (Asia/Shanghai calendar months), and
 * folding the grouped counts the repository returns into the figures the page shows.
 */
import {
  cockpitCompletedStatuses,
  cockpitCountedStatuses,
  cockpitDepartmentsMax,
  cockpitOpenStatuses,
  taskStatusValues,
  type CockpitArea,
  type CockpitDepartment,
  type CockpitSummary,
  type TaskStatus,
} from '@luoshi/contracts';

/** China has kept UTC+8 all year since 1991, so Shanghai month boundaries are fixed offsets from UTC. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface MonthWindow {
  /** 'YYYY-MM' */
  month: string;
  /** First instant of the month in Asia/Shanghai. */
  from: Date;
  /** First instant of the next month. */
  to: Date;
}

function shanghaiMonthStart(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex, 1) - SHANGHAI_OFFSET_MS);
}

/** The `count` calendar months up to and including the current one, oldest first. */
export function monthWindows(now: Date, count: number): MonthWindow[] {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const windows: MonthWindow[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const from = shanghaiMonthStart(year, month - back);
    const to = shanghaiMonthStart(year, month - back + 1);
    const label = new Date(from.getTime() + SHANGHAI_OFFSET_MS);
    windows.push({ month: `${label.getUTCFullYear()}-${String(label.getUTCMonth() + 1).padStart(2, '0')}`, from, to });
  }
  return windows;
}

/** One group of items as the repository counts them: same depth-1 ancestor of the lead unit, status and light. */
export interface GroupedCount {
  /** The lead unit's ancestor directly under the tree root (a 州市 government or a provincial department); null when
   * the lead unit is the root itself. */
  topUnitId: string | null;
  status: string;
  warningLevel: number;
  count: number;
}

/** Items 交办 and 办结 in one Shanghai month ('YYYY-MM'). */
export interface MonthCount {
  month: string;
  assigned: number;
  completed: number;
}

/** A depth-1 unit (州市 government, provincial department) with what the page needs to name it. */
export interface TopUnit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  sortOrder: number;
  divisionCode: string;
  divisionName: string;
  divisionLevel: string;
}

export interface SummaryInput {
  today: string;
  rows: GroupedCount[];
  /** Depth-1 units named by the rows, plus the 州市 governments in the reader's scope. */
  topUnits: TopUnit[];
  /** 州市 governments in the reader's scope (shown on the map even without items). */
  prefecturesInScope: string[];
  /** Whether the 省直部门 group belongs to the reader's view even when empty (their scope is the whole province). */
  scopeIsProvince: boolean;
  windows: MonthWindow[];
  months: MonthCount[];
}

const openSet = new Set<string>(cockpitOpenStatuses);
const completedSet = new Set<string>(cockpitCompletedStatuses);
const countedSet = new Set<string>(cockpitCountedStatuses);
const PROVINCIAL_DEPARTMENTS_NAME = '省直部门';

type Counts = Pick<CockpitArea, 'total' | 'open' | 'yellow' | 'red' | 'completed'>;
const emptyCounts = (): Counts => ({ total: 0, open: 0, yellow: 0, red: 0, completed: 0 });

function addTo(counts: Counts, row: GroupedCount): void {
  if (countedSet.has(row.status)) counts.total += row.count;
  if (completedSet.has(row.status)) counts.completed += row.count;
  if (openSet.has(row.status)) {
    counts.open += row.count;
    if (row.warningLevel === 1) counts.yellow += row.count;
    if (row.warningLevel >= 2) counts.red += row.count;
  }
}

/** Folds the grouped counts into the cockpit figures. */
export function summarise(input: SummaryInput): CockpitSummary {
  const units = new Map(input.topUnits.map((u) => [u.id, u]));
  const isPrefecture = (u: TopUnit | undefined) => u?.kind === 'government';
  const byStatus = new Map<string, number>(taskStatusValues.map((s) => [s, 0]));
  const byWarning = { green: 0, yellow: 0, red: 0 };
  const prefectures = new Map<string, Counts>(input.prefecturesInScope.map((id) => [id, emptyCounts()]));
  const departments = new Map<string, Counts>();
  const provincial = emptyCounts();
  let provincialSeen = false;
  const counted = new Map(input.months.map((m) => [m.month, m]));
  const months = input.windows.map((w) => ({
    month: w.month,
    assigned: counted.get(w.month)?.assigned ?? 0,
    completed: counted.get(w.month)?.completed ?? 0,
  }));
  // The windows always reach back to January: the current year is at most 12 months long so far.
  const year = input.today.slice(0, 4);
  const completedThisYear = months.filter((m) => m.month.startsWith(year)).reduce((sum, m) => sum + m.completed, 0);
  let total = 0;
  let open = 0;

  for (const row of input.rows) {
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + row.count);
    if (countedSet.has(row.status)) total += row.count;
    if (openSet.has(row.status)) {
      open += row.count;
      if (row.warningLevel >= 2) byWarning.red += row.count;
      else if (row.warningLevel === 1) byWarning.yellow += row.count;
      else byWarning.green += row.count;
    }
    const top = row.topUnitId ? units.get(row.topUnitId) : undefined;
    if (top && isPrefecture(top)) {
      const counts = prefectures.get(top.id) ?? emptyCounts();
      addTo(counts, row);
      prefectures.set(top.id, counts);
      continue;
    }
    provincialSeen = true;
    addTo(provincial, row);
    if (top?.kind === 'department') {
      const counts = departments.get(top.id) ?? emptyCounts();
      addTo(counts, row);
      departments.set(top.id, counts);
    }
  }

  /** The organisation's own order (sort_order), then the name as in a Chinese index. */
  const inUnitOrder = (a: TopUnit | undefined, b: TopUnit | undefined) =>
    (a?.sortOrder ?? 0) - (b?.sortOrder ?? 0) || (a?.name ?? '').localeCompare(b?.name ?? '', 'zh-CN');
  const byArea: CockpitArea[] = [...prefectures.entries()]
    .filter(([id]) => units.has(id))
    .sort(([a], [b]) => inUnitOrder(units.get(a), units.get(b)))
    .map(([id, counts]) => {
      const unit = units.get(id) as TopUnit;
      const isDivision = unit.divisionLevel === 'prefecture';
      return {
        kind: 'prefecture',
        unitId: id,
        name: isDivision ? unit.divisionName : (unit.shortName ?? unit.name),
        divisionCode: isDivision ? unit.divisionCode : null,
        ...counts,
      };
    });
  if (provincialSeen || input.scopeIsProvince) {
    byArea.push({ kind: 'provincial_departments', unitId: null, name: PROVINCIAL_DEPARTMENTS_NAME, divisionCode: null, ...provincial });
  }

  const byDepartment: CockpitDepartment[] = [...departments.entries()]
    .map(([id, counts]) => {
      const unit = units.get(id) as TopUnit;
      return { unitId: id, name: unit.name, shortName: unit.shortName, ...counts, sortOrder: unit.sortOrder };
    })
    .sort((a, b) => b.open - a.open || b.total - a.total || a.sortOrder - b.sortOrder)
    .slice(0, cockpitDepartmentsMax)
    .map(({ sortOrder: _sortOrder, ...department }) => department);

  return {
    today: input.today,
    total,
    open,
    completedThisYear,
    byStatus: taskStatusValues.map((status: TaskStatus) => ({ status, count: byStatus.get(status) ?? 0 })),
    byWarning,
    byArea,
    byDepartment,
    byMonth: months,
  };
}
