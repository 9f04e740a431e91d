/**
 * The 责任领导 cell as documents write it: a name (王建华), a name with the title (王建华（副省长）, 王建华副省长), or
 * only a title with the area in brackets (副省长（分管交通运输）). Names match the leaders' records; a title matches
 * the leaders holding it, narrowed by their 分管 areas. What cannot be settled is a note, never a blocked file: the
 * responsible leader can be chosen after the import.
 */

export interface LeaderRecord {
  id: string;
  name: string;
  title: string | null;
  oversightAreas: string | null;
}

const titlePattern = /((?:省政府|州政府|市政府|县政府)?(?:常务)?副?(?:省长|州长|市长|县长|区长|秘书长))$/;

export interface LeaderCell {
  raw: string;
  name: string | null;
  title: string | null;
  area: string | null;
}

/** One entry of the leader cell, split into name, title and 分管 area. */
export function parseLeaderEntry(raw: string): LeaderCell {
  const text = raw.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  const bracket = /（([^（）]*)）/.exec(text)?.[1] ?? null;
  let outside = text.replace(/（[^（）]*）/g, '');
  let title: string | null = null;
  let area: string | null = null;
  const titleOutside = titlePattern.exec(outside)?.[1] ?? null;
  if (titleOutside) {
    title = titleOutside;
    outside = outside.slice(0, -titleOutside.length).replace(/(分管|联系|负责)$/, '');
  }
  if (bracket) {
    const bracketTitle = titlePattern.exec(bracket)?.[1];
    if (bracketTitle && bracketTitle.length === bracket.length) title = title ?? bracketTitle;
    else area = bracket.replace(/^(分管|负责|联系)/, '').replace(/(方面|领域)?(工作)?$/, '') || null;
  }
  // What is left is a person's name, unless it is a title word or an office (省政府 / 分管).
  const name = outside && !/^(省政府|州政府|市政府|县政府|分管|联系|牵头)$/.test(outside) ? outside : null;
  return { raw, name, title: title?.replace(/^(省政府|州政府|市政府|县政府)(?=秘书长|副秘书长)/, '') ?? null, area };
}

export type LeaderMatch =
  | { kind: 'found'; leader: LeaderRecord; byTitle: boolean }
  | { kind: 'title_only' }
  | { kind: 'unknown'; name: string }
  | { kind: 'ambiguous'; name: string };

function holdsTitle(leader: LeaderRecord, title: string, exact: boolean): boolean {
  const own = (leader.title ?? '').replace(/^(省政府|州政府|市政府|县政府)(?=秘书长|副秘书长)/, '');
  return exact ? own === title : own.endsWith(title);
}

function oversees(leader: LeaderRecord, area: string): boolean {
  const areas = leader.oversightAreas ?? '';
  return area.split(/[、，,和及]/).every((part) => part.length > 0 && areas.includes(part));
}

/** The leader an entry names, among the leaders in the importer's scope. */
export function matchLeader(entry: LeaderCell, leaders: readonly LeaderRecord[]): LeaderMatch {
  if (entry.name) {
    const named = leaders.filter((l) => l.name === entry.name);
    const narrowed = named.length > 1 && entry.title ? named.filter((l) => holdsTitle(l, entry.title ?? '', false)) : named;
    if (narrowed.length === 1 && narrowed[0]) return { kind: 'found', leader: narrowed[0], byTitle: false };
    if (narrowed.length > 1) return { kind: 'ambiguous', name: entry.name };
    if (!entry.title) return { kind: 'unknown', name: entry.name };
  }
  if (!entry.title) return { kind: 'title_only' };
  const exact = leaders.filter((l) => holdsTitle(l, entry.title ?? '', true));
  const holders = exact.length ? exact : leaders.filter((l) => holdsTitle(l, entry.title ?? '', false));
  const byArea = entry.area ? holders.filter((l) => oversees(l, entry.area ?? '')) : holders;
  if (byArea.length === 1 && byArea[0] && (entry.area || holders.length === 1)) return { kind: 'found', leader: byArea[0], byTitle: true };
  return { kind: 'title_only' };
}
