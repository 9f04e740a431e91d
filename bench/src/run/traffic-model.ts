/**
 * The traffic model of issue 12 item 1, as pure functions (no I/O, seeded randomness), so that the distribution is
 * stated in one place, tested, and the same on every run: what share of each second goes to which kind of request,
 * which ledger filters, sorts and page depths users ask for, and which keyword they type.
 *
 * Per 100 HTTP requests at the reference rate (100 requests/s): 30 progress reports (the issue fixes 30/s), 18 ledger
 * pages, 7 keyword ledger pages, 3 item pages (≈ 8 calls each, ≈ 24 requests), 6 work desks (1–2 calls), 5 cockpits
 * and 5 leader reports — 74 user actions a second, ≈ 100 requests.
 */
import { zipfWeights } from '../bulk.js';
import { TRAFFIC_KEYWORDS } from './traffic-keywords.js';

export type ActionKind = 'write' | 'ledger' | 'keyword' | 'item' | 'desk' | 'cockpit' | 'report';

/** User actions per second at 100 requests/s; scaled linearly for other rates. */
export const ACTIONS_PER_SECOND_AT_100: Readonly<Record<ActionKind, number>> = {
  write: 30,
  ledger: 18,
  keyword: 7,
  item: 3,
  desk: 6,
  cockpit: 5,
  report: 5,
};

/** A weighted choice: `[value, weight]` pairs. */
export type Weighted<T> = readonly (readonly [T, number])[];

export function pickWeighted<T>(random: () => number, choices: Weighted<T>): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, weight] of choices) {
    if (r < weight) return value;
    r -= weight;
  }
  const last = choices.at(-1);
  if (!last) throw new Error('nothing to pick from');
  return last[0];
}

export function pickOne<T>(random: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * One second of actions at `ratePerSecond`, evenly interleaved (each kind's k-th action at (k + ½) / count of the
 * second), so that every second carries the whole mix and no kind arrives in a burst.
 */
export function secondOfActions(ratePerSecond: number): ActionKind[] {
  const slots: { kind: ActionKind; at: number }[] = [];
  for (const [kind, perSecond] of Object.entries(ACTIONS_PER_SECOND_AT_100) as [ActionKind, number][]) {
    const count = Math.max(1, Math.round((perSecond * ratePerSecond) / 100));
    for (let k = 0; k < count; k++) slots.push({ kind, at: (k + 0.5) / count });
  }
  return slots.sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind)).map((s) => s.kind);
}

// ── the ledger's filters ────────────────────────────────────────────────────────────────────────────────────────

/** Status filters users pick (when they filter by status at all). */
export const STATUS_FILTERS: Weighted<string> = [
  ['assigned,accepted,in_progress,completion_requested', 50],
  ['in_progress', 20],
  ['completion_requested', 15],
  ['completed,evaluated,archived', 15],
];

export const LIGHT_FILTERS: Weighted<string> = [
  ['red', 55],
  ['yellow', 20],
  ['red,yellow', 25],
];

/** Sort and order: the default (deadline ascending, no parameter) or any of the eight explicit ones. */
export const SORTS: Weighted<{ sort?: string; order?: string }> = [
  [{}, 40],
  ...(['deadline', 'warningLevel', 'createdAt', 'serialNumber'] as const).flatMap((sort) =>
    (['asc', 'desc'] as const).map((order) => [{ sort, order }, 7.5] as const),
  ),
];

/** Page depth of a walk through the ledger: mostly page 1, a quarter of walks go 4–20 pages deep. */
export const PAGE_DEPTHS: Weighted<number> = [
  [1, 45],
  [2, 20],
  [3, 10],
  ...Array.from({ length: 17 }, (_, i) => [i + 4, 25 / 17] as const),
];

/** Probability that a new ledger walk carries each filter (independently). */
export const FILTER_SHARES = { source: 0.15, status: 0.25, light: 0.2, unit: 0.15, period: 0.15 } as const;

const keywordWeights = zipfWeights(TRAFFIC_KEYWORDS.length, 1.0);
const weightedKeywords: Weighted<string> = TRAFFIC_KEYWORDS.map((k, i) => [k, keywordWeights[i] ?? 0] as const);

export function pickKeyword(random: () => number): string {
  return pickWeighted(random, weightedKeywords);
}

export interface LedgerContext {
  /** Source codes of the registry (GET /api/sources). */
  sources: readonly string[];
  /** Units the ledger's unit filter offers the user: their scope unit and its children. */
  unitIds: readonly string[];
  /** Today in Asia/Shanghai, 'YYYY-MM-DD'. */
  today: string;
}

export interface LedgerWalk {
  /** Query parameters of every page of the walk (the cursor is added per page). */
  params: Record<string, string>;
  /** How many pages the user will read (1 = the first page only). */
  depth: number;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A period filter: a registration month of the last two years, the deadlines of the next 30 days, or this year. */
function periodParams(random: () => number, today: string): Record<string, string> {
  const choice = pickWeighted(random, [
    ['month', 50],
    ['due-soon', 30],
    ['this-year', 20],
  ] as const);
  if (choice === 'due-soon') return { deadlineFrom: today, deadlineTo: addDays(today, 30) };
  if (choice === 'this-year') return { createdFrom: `${today.slice(0, 4)}-01-01` };
  const [year, month] = today.split('-').map(Number) as [number, number];
  const back = Math.floor(random() * 24);
  const index = year * 12 + (month - 1) - back;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const last = addDays(`${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`, -1);
  return { createdFrom: first, createdTo: last };
}

/** A new walk through the ledger: filters drawn independently by FILTER_SHARES, a sort, a depth; a keyword for `keyword`. */
export function sampleLedgerWalk(random: () => number, ctx: LedgerContext, withKeyword: boolean): LedgerWalk {
  const params: Record<string, string> = { limit: '50' };
  if (withKeyword) params.q = pickKeyword(random);
  if (ctx.sources.length > 0 && random() < FILTER_SHARES.source) params.source = pickOne(random, ctx.sources);
  if (random() < FILTER_SHARES.status) params.status = pickWeighted(random, STATUS_FILTERS);
  if (random() < FILTER_SHARES.light) params.warning = pickWeighted(random, LIGHT_FILTERS);
  if (ctx.unitIds.length > 0 && random() < FILTER_SHARES.unit) params.leadUnitId = pickOne(random, ctx.unitIds);
  if (random() < FILTER_SHARES.period) Object.assign(params, periodParams(random, ctx.today));
  Object.assign(params, pickWeighted(random, SORTS));
  return { params, depth: pickWeighted(random, PAGE_DEPTHS) };
}

/** The path of one ledger page of a walk. */
export function ledgerPath(walk: LedgerWalk, cursor: string | null): string {
  return `/api/ledger?${new URLSearchParams({ ...walk.params, ...(cursor ? { cursor } : {}) }).toString()}`;
}

/** What a leader looks at as "reports": the 推进图 of a programme, the 通报/约谈 candidates, their own 批示. */
export function sampleReportPath(random: () => number, sources: readonly string[], isLeader: boolean): { kind: string; path: string } {
  const choice = pickWeighted(random, [
    ['roadmap', 45],
    ['bulletin', 25],
    ['interview', 10],
    ['instructions', isLeader ? 20 : 0],
  ] as const);
  if (choice === 'roadmap' && sources.length > 0)
    return { kind: 'report.roadmap', path: `/api/roadmap?source=${encodeURIComponent(pickOne(random, sources))}&limit=500` };
  if (choice === 'instructions') return { kind: 'report.instructions', path: '/api/instructions/mine' };
  return {
    kind: `report.${choice === 'interview' ? 'interview' : 'bulletin'}`,
    path: `/api/escalations?rung=${choice === 'interview' ? 'interview' : 'bulletin'}&limit=50`,
  };
}
