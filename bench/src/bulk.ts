/**
 * Small helpers shared by the generator phases: chunked JSON inserts for the few thousand rows built in JavaScript
 * (the same `json_populate_recordset` route the product's restore uses, so it runs on PGlite and PostgreSQL alike),
 * a seeded random source for those rows, and Zipf weights for the skew.
 */
import type { OwnerQuery } from './target.js';

/** Inserts rows (objects keyed by column name) into `table` in chunks; every column the table needs must be present. */
export async function insertJsonRows(exec: OwnerQuery, table: string, rows: readonly object[], chunk = 2_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await exec(`insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`, [
      JSON.stringify(rows.slice(i, i + chunk)),
    ]);
  }
}

/** mulberry32: a tiny seeded PRNG, so the JavaScript-built rows (units, people) are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Zipf weights 1/rank^s for `n` ranks, normalised to sum 1: a few ranks get most of the mass. */
export function zipfWeights(n: number, s = 1.1): number[] {
  const raw = Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => w / total);
}

/** Shuffles in place with the given random source (Fisher–Yates). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** Single-quoted SQL text literal (for the constant arrays inlined into generated SQL). */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `array['a','b']::text[]` — phrase lists are inlined as constants so PostgreSQL evaluates them once per statement. */
export function sqlTextArray(values: readonly string[]): string {
  return `array[${values.map(sqlText).join(',')}]::text[]`;
}
