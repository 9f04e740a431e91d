/**
 * The SQL behind an HTTP answer, taken from the product itself: the app is built on a second drizzle instance over
 * the same database client, with a logger that records every statement (text and parameters) the services send.
 * Works on PGlite and PostgreSQL alike, inside transactions too.
 */
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Logger } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import * as schema from '../../../server/src/db/schema/index.js';
import type { Deps } from '../../../server/src/platform/context.js';
import type { Db } from '../../../server/src/platform/db.js';

export interface LoggedStatement {
  text: string;
  params: unknown[];
}

export interface StatementLog {
  /** The same dependencies, with a database handle whose statements are recorded. */
  deps: Deps;
  /** The statements recorded since the last call. */
  take(): LoggedStatement[];
}

export function withStatementLog(deps: Deps): StatementLog {
  let recorded: LoggedStatement[] = [];
  const logger: Logger = {
    logQuery(text, params) {
      recorded.push({ text, params });
    },
  };
  const client: unknown = (deps.database.db as unknown as { $client: unknown }).$client;
  const db =
    deps.database.kind === 'pglite'
      ? (drizzlePglite({ client: client as PGlite, schema, logger }) as unknown as Db)
      : (drizzlePg({ client: client as pg.Pool, schema, logger }) as unknown as Db);
  return {
    deps: { ...deps, database: { ...deps.database, db } },
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
  };
}
