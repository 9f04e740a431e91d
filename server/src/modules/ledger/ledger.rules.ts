/**
 * Pure rules of the 督查工作台账: the sort orders and their keyset cursors, warning colours, and the cell text that
 * makes a spreadsheet safe to open.
 */
import type { LedgerSort, LedgerWarning } from '@luoshi/contracts';

export const warningLevelOf: Record<LedgerWarning, number> = { green: 0, yellow: 1, red: 2 };

export function warningOfLevel(level: number): LedgerWarning {
  return level >= 2 ? 'red' : level === 1 ? 'yellow' : 'green';
}

/** One column of an ORDER BY; `type` is the SQL type a cursor value is cast to. */
export interface SortKey {
  column: 'deadline' | 'created_at' | 'serial_year' | 'serial_seq' | 'warning_level' | 'id';
  dir: 'asc' | 'desc';
  nullable: boolean;
  type: 'date' | 'timestamptz' | 'int' | 'uuid';
}

/**
 * The ORDER BY of each sort, always ending with the id so that ties have a stable order for keyset paging.
 * Items without a deadline come last whichever the direction; by 预警, ties are ordered by the nearest deadline.
 */
export function sortKeys(sort: LedgerSort, order: 'asc' | 'desc'): SortKey[] {
  const id: SortKey = { column: 'id', dir: order, nullable: false, type: 'uuid' };
  switch (sort) {
    case 'deadline':
      return [{ column: 'deadline', dir: order, nullable: true, type: 'date' }, id];
    case 'createdAt':
      return [{ column: 'created_at', dir: order, nullable: false, type: 'timestamptz' }, id];
    case 'serialNumber':
      return [
        { column: 'serial_year', dir: order, nullable: false, type: 'int' },
        { column: 'serial_seq', dir: order, nullable: false, type: 'int' },
        id,
      ];
    case 'warningLevel':
      return [
        { column: 'warning_level', dir: order, nullable: false, type: 'int' },
        { column: 'deadline', dir: 'asc', nullable: true, type: 'date' },
        { ...id, dir: 'asc' },
      ];
  }
}

export type CursorValue = string | number | null;

interface CursorBody {
  s: LedgerSort;
  o: 'asc' | 'desc';
  v: CursorValue[];
}

/** Opaque cursor: the sort, its direction and the last row's key values (ending with the id). */
export function encodeCursor(sort: LedgerSort, order: 'asc' | 'desc', values: CursorValue[]): string {
  const body: CursorBody = { s: sort, o: order, v: values };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

const valuePatterns: Record<SortKey['type'], RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  int: /^-?\d{1,9}$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/** The key values of a cursor, or null when it is malformed or belongs to another sort. */
export function decodeCursor(cursor: string, sort: LedgerSort, order: 'asc' | 'desc'): CursorValue[] | null {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!body || typeof body !== 'object') return null;
  const { s, o, v } = body as Partial<CursorBody>;
  const keys = sortKeys(sort, order);
  if (s !== sort || o !== order || !Array.isArray(v) || v.length !== keys.length) return null;
  const ok = keys.every((key, i) => {
    const value: unknown = v[i];
    if (value === null) return key.nullable;
    return (typeof value === 'string' || typeof value === 'number') && valuePatterns[key.type].test(String(value));
  });
  return ok ? v : null;
}

/** The cursor values of a row (as the repository returns it) for a sort. */
export function cursorValuesOf(
  keys: readonly SortKey[],
  row: { id: string; deadline: string | null; created_at: string; serial_year: number; serial_seq: number; warning_level: number },
): CursorValue[] {
  return keys.map((key) => {
    switch (key.column) {
      case 'deadline':
        return row.deadline;
      case 'created_at':
        return row.created_at;
      case 'serial_year':
        return Number(row.serial_year);
      case 'serial_seq':
        return Number(row.serial_seq);
      case 'warning_level':
        return Number(row.warning_level);
      case 'id':
        return row.id;
    }
  });
}

/** [start, end) of a period of Asia/Shanghai calendar dates, as instants. */
export function shanghaiDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function shanghaiNextDayStart(day: string): Date {
  return new Date(shanghaiDayStart(day).getTime() + 86_400_000);
}

/**
 * Text a spreadsheet program could take for a formula (or a DDE command) — values starting with = + - @, a tab or a
 * carriage return. The export keeps such text exactly as the user wrote it and formats its cell as text, so it is
 * shown unaltered and never evaluated, not even after the cell is edited.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
