/** What every scenario gets: the running server, signed-in sessions, fixtures, options and the SQL capture. */
import type { Fixtures } from './fixtures.js';
import type { BenchOptions } from './options.js';
import type { RunningServer } from './server.js';
import type { BenchSession } from './session.js';
import type { SqlCapture } from './sql-capture.js';

export interface BenchContext {
  options: BenchOptions;
  server: RunningServer;
  fixtures: Fixtures;
  sessions: {
    /** Province 督查室: the widest scope (ledger, item pages, cockpit). */
    ducha: BenchSession;
    /** 昆明市 督查室 (mixed load). */
    kmDucha: BenchSession;
    /** 副省长 (mixed load: cockpit). */
    leader: BenchSession;
    /** Handler of the busiest provincial department (report submissions). */
    handler: BenchSession;
  };
  capture: SqlCapture;
  /** Pool size of the server's database connections (the SQL replay uses as many). */
  serverPoolSize: number;
  log: (line: string) => void;
}

/** A rotating picker over a list (deterministic: the same order every run). */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to rotate over');
  let i = 0;
  return () => items[i++ % items.length] as T;
}
