/**
 * Who uses Luoshi in the traffic model: a stratified sample of the generated accounts, so that every level of the
 * province is present with its own scope — the province, 州市 and county 督查室, provincial and county departments,
 * 乡镇, government leaders at three levels, and the handlers of 州市 and county governments (who report on items led
 * by their government). Pure: the rows come from the bench database (traffic-fixtures.ts).
 */
import { pickWeighted, type Weighted } from './traffic-model.js';

export const STRATA = [
  'province_office',
  'prefecture_office',
  'county_office',
  'province_department',
  'county_department',
  'township',
  'province_leader',
  'prefecture_leader',
  'county_leader',
  'prefecture_government',
  'county_government',
] as const;
export type Stratum = (typeof STRATA)[number];

/** Users per stratum in the default sample of 520 (≥ 500, as the issue asks). */
export const DEFAULT_QUOTAS: Readonly<Record<Stratum, number>> = {
  province_office: 20,
  prefecture_office: 40,
  county_office: 70,
  province_department: 120,
  county_department: 80,
  township: 80,
  province_leader: 10,
  prefecture_leader: 20,
  county_leader: 30,
  prefecture_government: 16,
  county_government: 34,
};

/** The strata whose users file progress reports, and each one's share of the 30 reports a second. */
export const WRITER_SHARES: Weighted<Stratum> = [
  ['province_department', 40],
  ['county_department', 20],
  ['township', 15],
  ['prefecture_government', 12.5],
  ['county_government', 12.5],
];

export interface CandidateRow {
  username: string;
  roles: readonly string[];
  scopeUnitId: string;
  /** units.kind of the scope unit (government, department, internal_division, other). */
  scopeKind: string;
  /** divisions.level of the scope unit (province, prefecture, county, township). */
  scopeLevel: string;
}

export interface TrafficUser extends CandidateRow {
  stratum: Stratum;
}

/** The stratum of an account, or null for roles the model leaves out (administrators). */
export function stratumOf(row: CandidateRow): Stratum | null {
  const level = row.scopeLevel;
  if (row.roles.includes('supervisor')) {
    if (level === 'province') return 'province_office';
    if (level === 'prefecture') return 'prefecture_office';
    if (level === 'county') return 'county_office';
    return null;
  }
  if (row.roles.includes('government_leader')) {
    if (level === 'province') return 'province_leader';
    if (level === 'prefecture') return 'prefecture_leader';
    if (level === 'county') return 'county_leader';
    return null;
  }
  if (row.roles.includes('unit_handler') || row.roles.includes('unit_leader')) {
    if (level === 'township') return 'township';
    if (row.scopeKind === 'government') {
      if (level === 'prefecture') return 'prefecture_government';
      if (level === 'county') return 'county_government';
      return null;
    }
    if (level === 'province') return 'province_department';
    if (level === 'county') return 'county_department';
  }
  return null;
}

/** Quotas scaled to a total (at least one user per stratum). */
export function scaleQuotas(total: number, quotas: Readonly<Record<Stratum, number>> = DEFAULT_QUOTAS): Record<Stratum, number> {
  const sum = STRATA.reduce((s, k) => s + quotas[k], 0);
  return Object.fromEntries(STRATA.map((k) => [k, Math.max(1, Math.round((quotas[k] * total) / sum))])) as Record<Stratum, number>;
}

/**
 * Picks each stratum's quota, spread over units: the candidates are shuffled, grouped by scope unit, and taken one
 * unit after another (every unit gets its first user before any unit gets a second), so that a sample of 80 乡镇
 * users is 80 乡镇, not 80 people of the biggest one. A stratum with fewer candidates gives all it has, and the
 * shortfall is taken from the strata that have more (one at a time, in turn), so that the sample keeps its size —
 * the county-scale dataset has a single provincial leader, for instance.
 */
export function stratifiedSample(
  rows: readonly CandidateRow[],
  quotas: Readonly<Record<Stratum, number>>,
  random: () => number,
): TrafficUser[] {
  const byStratum = new Map<Stratum, Map<string, CandidateRow[]>>();
  const shuffled = rows.map((row) => ({ row, key: random() })).sort((a, b) => a.key - b.key);
  for (const { row } of shuffled) {
    const stratum = stratumOf(row);
    if (!stratum) continue;
    const units = byStratum.get(stratum) ?? new Map<string, CandidateRow[]>();
    units.set(row.scopeUnitId, [...(units.get(row.scopeUnitId) ?? []), row]);
    byStratum.set(stratum, units);
  }
  // Each stratum's candidates in taking order: round by round over its units.
  const order = new Map<Stratum, CandidateRow[]>();
  for (const stratum of STRATA) {
    const queues = [...(byStratum.get(stratum)?.values() ?? [])];
    const list: CandidateRow[] = [];
    for (let round = 0; queues.some((q) => q.length > round); round++)
      for (const q of queues) if (q[round]) list.push(q[round] as CandidateRow);
    order.set(stratum, list);
  }
  const taken = Object.fromEntries(STRATA.map((s) => [s, 0])) as Record<Stratum, number>;
  const sample: TrafficUser[] = [];
  const take = (stratum: Stratum): boolean => {
    const row = order.get(stratum)?.[taken[stratum]];
    if (!row) return false;
    sample.push({ ...row, stratum });
    taken[stratum]++;
    return true;
  };
  for (const stratum of STRATA) while (taken[stratum] < quotas[stratum] && take(stratum));
  const size = STRATA.reduce((n, s) => n + quotas[s], 0);
  for (let progress = true; sample.length < size && progress;) {
    progress = false;
    for (const stratum of STRATA) if (sample.length < size && take(stratum)) progress = true;
  }
  return sample;
}

/** Users per stratum (for the results). */
export function countByStratum(users: readonly { stratum: Stratum }[]): Record<Stratum, number> {
  const counts = Object.fromEntries(STRATA.map((s) => [s, 0])) as Record<Stratum, number>;
  for (const u of users) counts[u.stratum]++;
  return counts;
}

/** The writer of the next report: a stratum by WRITER_SHARES among those that have writers, then one of its writers. */
export function pickWriter<T extends { stratum: Stratum }>(random: () => number, writers: readonly T[]): T {
  const present = WRITER_SHARES.filter(([stratum]) => writers.some((w) => w.stratum === stratum));
  if (present.length === 0) throw new Error('no user has items to report on');
  const stratum = pickWeighted(random, present);
  const mine = writers.filter((w) => w.stratum === stratum);
  return mine[Math.floor(random() * mine.length)] as T;
}
