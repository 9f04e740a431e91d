/**
 * Names the read statements the product sends again and again, so that PostgreSQL parses and plans each of them
 * once per pooled connection instead of on every request.
 *
 * Why: at a million items the ledger page's SQL runs in about a millisecond once its plan exists, but planning it —
 * a union of index segments, joins, a correlated sub-select — costs as much again, on every page, and so does every
 * item-page call and the session check in front of each request. A named (prepared) statement is planned on its
 * first executions and then, once PostgreSQL finds the generic plan no worse than the custom ones (its
 * `plan_cache_mode = auto` rule), not planned again.
 *
 * What gets a name: statements that drizzle sends as a query object (never a raw text: migrations, pg-boss, backup),
 * that only read (`select …` / `with … select`), that hold no LIKE, and that were seen at least twice — a one-off
 * report query never occupies a connection's memory. LIKE is left out because its best plan depends on the value:
 * a keyword matching 27,000 items is found by walking the sort index, one matching three by the trigram index, and a
 * generic plan settled on after five common keywords would walk a million rows for a rare one. The names are a hash of the text, so two texts can never share one. At most
 * `maxNames` texts are ever named per process (each connection keeps a plan per name until it closes); the hot
 * statements appear in the first minutes and later newcomers simply run unnamed.
 *
 * Transactions (pool.connect) are left alone: writes are cheap to plan and run on a client of their own.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export interface StatementNamesOptions {
  /** Distinct statement texts that may ever be named in this process. */
  maxNames: number;
  /** Sightings before a text is named. */
  namedFrom: number;
  /** Texts counted but not yet named that are remembered; the counts start over when full. */
  maxCounted: number;
}

export const statementNamesDefaults: StatementNamesOptions = { maxNames: 200, namedFrom: 2, maxCounted: 5_000 };

const READ = /^\s*(select|with)\b/i;
/** A pattern match: its best plan depends on the pattern (see above). */
const PATTERN = /\b(i?like)\b/i;
/** A `with` statement that writes (data-modifying CTE) is not a plain read: leave it unnamed. */
const WRITES = /\b(insert|update|delete)\b/i;

export class StatementNamer {
  private readonly names = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly options: StatementNamesOptions = statementNamesDefaults) {}

  /** The name for `text`, or undefined when it should run unnamed (yet). */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known) return known;
    if (!READ.test(text) || WRITES.test(text) || PATTERN.test(text) || this.names.size >= this.options.maxNames) return undefined;
    const seen = (this.counts.get(text) ?? 0) + 1;
    if (seen < this.options.namedFrom) {
      if (this.counts.size >= this.options.maxCounted) this.counts.clear();
      this.counts.set(text, seen);
      return undefined;
    }
    this.counts.delete(text);
    const name = `luoshi_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    this.names.set(text, name);
    return name;
  }

  get namedCount(): number {
    return this.names.size;
  }
}

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
}

/** Makes `pool.query` name repeated read statements (see above). Returns the namer, for tests and figures. */
export function nameRepeatedStatements(pool: pg.Pool, options: StatementNamesOptions = statementNamesDefaults): StatementNamer {
  const namer = new StatementNamer(options);
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const named = (...args: unknown[]): unknown => {
    const [config, ...rest] = args;
    if (typeof config === 'object' && config !== null) {
      const { text, name } = config as QueryConfigLike;
      if (typeof text === 'string' && name === undefined) {
        const statementName = namer.nameOf(text);
        if (statementName) return query({ ...config, name: statementName }, ...rest);
      }
    }
    return query(...args);
  };
  (pool as unknown as { query: typeof named }).query = named;
  return namer;
}
