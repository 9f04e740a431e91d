/**
 * How one keyset page is read fast: the sort is split into segments that each match an index order, each segment
 * reads at most one page, and the segments are concatenated (UNION ALL) and cut to the page.
 *
 * Why: "deadline, items without one last" is one ORDER BY, but `(deadline, id) > cursor OR deadline IS NULL` cannot be
 * an index range, and a descending sort with nulls last is not the order of a backward scan of (deadline, id). So
 * the dated items and the undated ones are read separately — the first by the `tasks_deadline_idx` range, the second
 * by id. By 预警, each colour is its own segment on `tasks_warning_idx` (warning_level, deadline), in colour order.
 * Sorts without such an index (登记时间, 编号) are a single segment with a row-comparison cursor.
 *
 * The union is ordered by (segment number, keys in their index order), which every segment already delivers, so the
 * planner merges them lazily: a later segment is read only as far as the page needs it.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CursorValue, SortKey } from './ledger.rules.js';

export interface Segment {
  /** Extra WHERE of this segment (after the filter). */
  where: SQL;
  /** ORDER BY of this segment, in terms of `t.` columns. */
  order: SQL;
}

/**
 * Where the sort keys are read: the items themselves (`t`, the province's whole tree) or the reader's reach rows
 * (`r` = task_reach, whose copy of the keys is indexed after the reader's unit, and whose item id is `task_id`).
 */
export type SortTable = 't' | 'r';

/** A sort key as a column of the table the segment reads. */
type ColumnOf = (key: SortKey) => SQL;

const columnsOf =
  (table: SortTable): ColumnOf =>
  (key) =>
    sql.raw(`${table}.${table === 'r' && key.column === 'id' ? 'task_id' : key.column}`);
const op = (dir: 'asc' | 'desc') => sql.raw(dir === 'asc' ? '>' : '<');
const typed = (value: CursorValue, key: SortKey) => sql`${value}::${sql.raw(key.type)}`;

/** A row comparison `(a, b, …) > (x, y, …)` over keys that share one direction and have no nulls. */
function rowAfter(column: ColumnOf, keys: readonly SortKey[], values: readonly CursorValue[]): SQL {
  const dir = keys[0]?.dir ?? 'asc';
  const left = sql.join(keys.map(column), sql`, `);
  const right = sql.join(
    keys.map((key, i) => typed(values[i] ?? null, key)),
    sql`, `,
  );
  return sql`(${left}) ${op(dir)} (${right})`;
}

/**
 * ORDER BY in index order (ascending nulls last, descending nulls first: a forward or backward scan). Within a
 * segment a nullable key is either never or always null, so this equals the ledger's "nulls last" order.
 */
export function indexOrder(keys: readonly SortKey[], table = 't'): SQL {
  return sql.join(
    keys.map((key) => sql.raw(`${table}.${key.column} ${key.dir} nulls ${key.dir === 'asc' ? 'last' : 'first'}`)),
    sql`, `,
  );
}

const orderOf = (column: ColumnOf, keys: readonly SortKey[]) =>
  sql.join(
    keys.map((key) => sql`${column(key)} ${sql.raw(`${key.dir} nulls ${key.dir === 'asc' ? 'last' : 'first'}`)}`),
    sql`, `,
  );

/**
 * A nullable key then the id (same direction): the dated rows by their index range (for a descending sort written
 * NULLS FIRST, which is the backward scan and equal here since the segment has no nulls), then the undated by id.
 */
function nullableThenId(column: ColumnOf, key: SortKey, id: SortKey, cursor: readonly CursorValue[] | null, scope: SQL): Segment[] {
  const value = cursor?.[0];
  const idValue = cursor?.[1];
  const undated: Segment = {
    where:
      cursor && value === null
        ? sql`${scope} and ${column(key)} is null and ${column(id)} ${op(id.dir)} ${idValue}::uuid`
        : sql`${scope} and ${column(key)} is null`,
    // Ordered by the key too (always null here): that is the (key, id) index's order, so its null range is read as is.
    order: orderOf(column, [key, id]),
  };
  if (cursor && value === null) return [undated];
  const dated: Segment = {
    where: cursor
      ? sql`${scope} and ${rowAfter(column, [key, id], [value ?? null, idValue ?? null])}`
      : sql`${scope} and ${column(key)} is not null`,
    order: orderOf(column, [key, id]),
  };
  return [dated, undated];
}

/** The segments of a sort, reading after `cursor` (the key values of the last row shown) when given. */
export function segmentsOf(keys: readonly SortKey[], cursor: readonly CursorValue[] | null, table: SortTable = 't'): Segment[] {
  const column = columnsOf(table);
  const [first, ...rest] = keys;
  if (!first) throw new Error('empty sort');
  if (first.column === 'warning_level') {
    const levels = first.dir === 'asc' ? [0, 1, 2] : [2, 1, 0];
    const current = cursor ? Number(cursor[0]) : null;
    const [deadline, id] = rest;
    if (!deadline || !id) throw new Error('warning sort needs deadline and id');
    return levels.flatMap((level) => {
      const scope = sql`${column(first)} = ${level}`;
      if (current === null) return nullableThenId(column, deadline, id, null, scope);
      if (level === current) return nullableThenId(column, deadline, id, cursor?.slice(1) ?? null, scope);
      const later = first.dir === 'asc' ? level > current : level < current;
      return later ? nullableThenId(column, deadline, id, null, scope) : [];
    });
  }
  const [id] = rest;
  if (first.nullable && rest.length === 1 && id) return nullableThenId(column, first, id, cursor, sql`true`);
  if (keys.some((key) => key.nullable || key.dir !== first.dir)) throw new Error('unsupported sort');
  return [{ where: cursor ? rowAfter(column, keys, cursor) : sql`true`, order: orderOf(column, keys) }];
}
