import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { nameRepeatedStatements, StatementNamer } from './statement-names.js';

describe('statement names', () => {
  it('names a read from its second sighting on, always with the same name, and never a write or a pattern match', () => {
    const namer = new StatementNamer();
    const page = 'select id from tasks where deadline > $1 order by deadline limit $2';
    expect(namer.nameOf(page)).toBeUndefined();
    const name = namer.nameOf(page);
    expect(name).toMatch(/^luoshi_[0-9a-f]{24}$/);
    expect(namer.nameOf(page)).toBe(name);
    expect(namer.nameOf('with page as (select 1) select * from page')).toBeUndefined();
    expect(namer.nameOf('with page as (select 1) select * from page')).toMatch(/^luoshi_/);
    for (const write of [
      'insert into tasks (id) values ($1)',
      'update sessions set last_seen_at = $1 where id = $2',
      'with moved as (update tasks set status = $1 returning id) select count(*) from moved',
      'select id from tasks where id = $1 for update',
      'select id from tasks t where t.title ilike $1 order by t.deadline limit 51',
      'select id from units where path like $1',
    ]) {
      namer.nameOf(write);
      expect(namer.nameOf(write)).toBeUndefined();
    }
    expect(namer.nameOf('select updated_at from t')).toBeUndefined();
    expect(namer.nameOf('select updated_at from t')).toMatch(/^luoshi_/); // a column name is not a write
  });

  it('names at most maxNames texts; later ones run unnamed, the named keep their names', () => {
    const namer = new StatementNamer({ maxNames: 2, namedFrom: 1, maxCounted: 10 });
    const a = namer.nameOf('select 1');
    const b = namer.nameOf('select 2');
    expect(a && b && a !== b).toBe(true);
    expect(namer.nameOf('select 3')).toBeUndefined();
    expect(namer.nameOf('select 1')).toBe(a);
    expect(namer.namedCount).toBe(2);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'on PostgreSQL, a repeated drizzle read is prepared once on the connection and gives the same rows',
    async () => {
      const pool = new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
      try {
        nameRepeatedStatements(pool);
        const db = drizzle({ client: pool });
        const read = () => db.execute(sql`select g as n from generate_series(1, ${3}::int) g where g > ${1}::int`);
        const answers = [await read(), await read(), await read()];
        for (const answer of answers) expect(answer.rows).toEqual([{ n: 2 }, { n: 3 }]);
        const prepared = await pool.query<{ name: string }>(`select name from pg_prepared_statements where name like 'luoshi_%'`);
        expect(prepared.rows).toHaveLength(1);
        // Raw texts (migrations, pg-boss, maintenance) are never named.
        await pool.query('select 42');
        await pool.query('select 42');
        expect((await pool.query(`select count(*)::int as n from pg_prepared_statements`)).rows[0]).toEqual({ n: 1 });
      } finally {
        await pool.end();
      }
    },
  );
});
