/**
 * Unit names of a 分工方案 as the organisation knows them: full names, short names and aliases first (one query for
 * the whole file), collective subjects expanded to their units, the clerk's picks for names still unknown, and for
 * those the units in scope whose names look alike (offered for mapping in the dry run).
 */
import type { LedgerImportUnknownUnit } from '@luoshi/contracts';
import { placeOfAutonomous, type UnitForMatching } from '../org/index.js';
import type { Collective } from './ledger.import.rules.js';

export type ResolvedName =
  | { kind: 'unit'; unit: UnitForMatching; mapped: boolean }
  | { kind: 'collective'; collective: Collective }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; units: UnitForMatching[] };

/** Name → units called so (full name first, then short names, then aliases); ambiguous when several match. */
export function nameResolver(matches: (UnitForMatching & { matchedBy: string })[], picks: ReadonlyMap<string, UnitForMatching>) {
  const byName = new Map<string, Map<string, UnitForMatching>>();
  const byOther = new Map<string, Map<string, UnitForMatching>>();
  for (const unit of matches) {
    const target = unit.matchedBy === unit.name ? byName : byOther;
    const found = target.get(unit.matchedBy) ?? new Map<string, UnitForMatching>();
    found.set(unit.id, unit);
    target.set(unit.matchedBy, found);
  }
  return (name: string, collective: Collective | null): ResolvedName => {
    const picked = picks.get(name);
    if (picked) return { kind: 'unit', unit: picked, mapped: true };
    const exact = byName.get(name);
    const found = [...(exact?.size ? exact : (byOther.get(name) ?? new Map<string, UnitForMatching>())).values()];
    if (found.length === 1 && found[0]) return { kind: 'unit', unit: found[0], mapped: false };
    if (found.length > 1) return { kind: 'ambiguous', units: found };
    if (collective) return { kind: 'collective', collective };
    return { kind: 'unknown' };
  };
}

/**
 * The units a collective subject stands for below the importer's own unit (`all` starts with the scope's root:
 * a 州市 importing 各县（市、区）人民政府 means its counties, never itself).
 */
export function expandCollective(collective: Collective, all: readonly UnitForMatching[]): UnitForMatching[] {
  const below = all.filter((u) => u.depth > (all[0]?.depth ?? -1));
  if (collective === 'prefectures') return below.filter((u) => u.kind === 'government' && u.level === 'prefecture');
  if (collective === 'counties') return below.filter((u) => u.kind === 'government' && u.level === 'county');
  return below.filter((u) => u.kind === 'department');
}

/** The place or body a name is about, without the words every such name has: 曲靖市人民政府 → 曲靖, 省住建厅 → 住建厅. */
function coreOf(name: string): string {
  const place = name.replace(/(人民政府|政府)$/, '');
  const autonomous = placeOfAutonomous(place);
  return (autonomous ?? place).replace(/^(云南省|云南|省)/, '').replace(/(市|州|县|区)$/, '') || name;
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) out.add(text.slice(i, i + 2));
  if (text.length === 1) out.add(text);
  return out;
}

function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) return 0.8 * (Math.min(a.length, b.length) / Math.max(a.length, b.length)) + 0.2;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const CANDIDATES_MAX = 5;

/** The units in scope whose names look like `name`, best first. */
export function candidatesFor(
  name: string,
  all: readonly UnitForMatching[],
  parentNames: ReadonlyMap<string, string>,
): LedgerImportUnknownUnit['candidates'] {
  const core = coreOf(name);
  return all
    .map((u) => ({
      unit: u,
      score: Math.max(similarity(core, coreOf(u.name)), u.shortName ? similarity(core, coreOf(u.shortName)) : 0),
    }))
    .filter((s) => s.score >= 0.34)
    .sort((a, b) => b.score - a.score || a.unit.depth - b.unit.depth)
    .slice(0, CANDIDATES_MAX)
    .map(({ unit }) => ({ id: unit.id, name: unit.name, parentName: unit.parentId ? (parentNames.get(unit.parentId) ?? null) : null }));
}

/** Departments a row's own text names (省直各有关部门 → the departments the task text lists). */
export function departmentsNamedIn(text: string, dictionary: readonly { form: string; unit: UnitForMatching }[]): UnitForMatching[] {
  const found = new Map<string, UnitForMatching>();
  for (const { form, unit } of dictionary) if (form.length >= 3 && text.includes(form)) found.set(unit.id, unit);
  return [...found.values()];
}
