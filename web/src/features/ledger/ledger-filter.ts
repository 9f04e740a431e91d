/**
 * The ledger filter and its place in the URL, so a reload, the back button, a saved view and links from other pages
 * (the cockpit: `/ledger?status=in_progress&warning=red&leadUnitId=…`) all show the same table.
 *
 * Parameters (the API's own names): source, status, warning (lists, comma-separated), leadUnitId,
 * responsibleLeaderId, parentId (uuids), deadlineFrom/To, createdFrom/To, assignedFrom/To, completedFrom/To (YYYY-MM-DD, Beijing
 * dates, both ends included), topLevelOnly (true), q (keyword), sort (deadline | createdAt | serialNumber |
 * warningLevel), order (asc | desc). A parameter that does not parse is dropped rather than breaking the page.
 */
import { ledgerFilterShape, ledgerFilterValue, type LedgerColumn, type LedgerFilter } from '@luoshi/contracts';

/** The filter as the page holds it: lists already split (the shape saved views store). */
export type LedgerFilterValue = ReturnType<typeof ledgerFilterValue.parse>;

const listKeys = ['source', 'status', 'warning'] as const;
type FilterKey = keyof typeof ledgerFilterShape;
const filterKeys = Object.keys(ledgerFilterShape) as FilterKey[];

/** The filter in the URL; unknown or malformed parameters are ignored. */
export function filterFromParams(params: URLSearchParams): LedgerFilterValue {
  const raw: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const values = params.getAll(key).filter((v) => v.trim() !== '');
    if (values.length === 0) continue;
    const parsed = ledgerFilterShape[key].safeParse(values.length > 1 ? values : values[0]);
    if (parsed.success && parsed.data !== undefined) raw[key] = parsed.data;
  }
  const result = ledgerFilterValue.safeParse(raw);
  return result.success ? result.data : {};
}

/** URL (and API) parameters for a filter: lists comma-separated, empty fields left out, in a stable order. */
export function paramsFromFilter(filter: LedgerFilterValue | LedgerFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length) params[key] = value.join(',');
    } else if (value !== '') {
      params[key] = String(value);
    }
  }
  return params;
}

/** True for list-valued filter fields. */
export function isListKey(key: string): key is (typeof listKeys)[number] {
  return (listKeys as readonly string[]).includes(key);
}

/**
 * The columns shown when the user has not chosen: what a clerk acts on, fitting a 1440 px screen without sideways
 * scrolling — the light, number, title (with a sub-item's parent), status, deadline (with overdue working days),
 * lead unit, progress and the newest report's text (with its time). 来源, 责任领导 and the rest are one click away.
 */
export const defaultColumns: LedgerColumn[] = [
  'warningLevel',
  'serialNumber',
  'title',
  'status',
  'deadline',
  'leadUnitName',
  'progressPercent',
  'lastReportText',
];

/**
 * Where people act, the most urgent comes first: red, then yellow, each by the nearest deadline. A filter without a
 * sort of its own reads in this order (the URL stays short; the server's own default is by deadline).
 */
export const defaultSort = { sort: 'warningLevel', order: 'desc' } as const satisfies Pick<LedgerFilterValue, 'sort' | 'order'>;

/** The filter as sent to the server: its own sort, or the urgency default. */
export function withDefaultSort(filter: LedgerFilterValue): LedgerFilterValue {
  return filter.sort ? filter : { ...filter, ...defaultSort };
}

/** How many filter fields are set besides the sort (the phone's 筛选 button shows it). */
export function activeFilterCount(filter: LedgerFilterValue): number {
  return Object.entries(filter).filter(([key, value]) => key !== 'sort' && key !== 'order' && key !== 'warning' && value !== undefined)
    .length;
}
