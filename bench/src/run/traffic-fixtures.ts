/**
 * The traffic model's set-up on the bench database, before the server starts:
 *
 * - Government handlers. The generator gives a 州市 or county government supervisors (in its 督查室) and leaders, but
 *   nobody with a lead-unit role, so no account can report on an item led by the government itself and that write
 *   path would never be measured. This step adds one 政府办公室 handler (`unit_handler`, scope: the government) per
 *   州市 and county government, named `bgov_<division code>`, through the generator's own insert (`insertJsonRows`,
 *   json_populate_recordset) and with the bench password's hash copied from a generated account. It is idempotent:
 *   accounts that exist are left alone. (Better in the generator itself: a `unit_handler` slot per government in
 *   `phase-users.ts`.)
 * - The candidates of the user sample: every generated account (`b00001` …, the named `bench_…`, `bgov_…`) with its roles and the kind
 *   and level of its scope unit.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { insertJsonRows } from '../bulk.js';
import { benchPersonRow, benchUserRow } from '../phase-users.js';
import type { CandidateRow } from './traffic-users.js';

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Adds the missing government handlers; returns how many were added and how many there are. */
export async function ensureGovernmentHandlers(databaseUrl: string): Promise<{ added: number; total: number }> {
  return withClient(databaseUrl, async (client) => {
    const exec = async (text: string, params?: unknown[]) => (await client.query(text, params)).rows as Record<string, unknown>[];
    const hash = await exec(`select password_hash from users where username ~ '^b[0-9]{5}$' and password_hash is not null limit 1`);
    const passwordHash = hash[0]?.password_hash;
    if (typeof passwordHash !== 'string') throw new Error('the bench database has no generated accounts (b00001 …)');
    const missing = await exec(
      `select u.id, u.division_code from units u join divisions d on d.code = u.division_code
       where u.kind = 'government' and d.level in ('prefecture', 'county') and u.disabled_at is null
         and not exists (select 1 from users x where x.username = 'bgov_' || u.division_code)
       order by u.division_code`,
    );
    const now = new Date().toISOString();
    const persons: object[] = [];
    const users: object[] = [];
    for (const unit of missing) {
      const personId = randomUUID();
      const username = `bgov_${String(unit.division_code)}`;
      persons.push(
        benchPersonRow({
          id: personId,
          unitId: String(unit.id),
          name: `政府办${String(unit.division_code).slice(-4)}`,
          title: '政府办公室科员',
          isLeader: false,
          now,
        }),
      );
      users.push(
        benchUserRow({
          id: randomUUID(),
          username,
          displayName: `政府办${String(unit.division_code).slice(-4)}`,
          personId,
          scopeUnitId: String(unit.id),
          roles: ['unit_handler'],
          passwordHash,
          now,
        }),
      );
    }
    await exec('begin');
    try {
      await insertJsonRows(exec, 'persons', persons);
      await insertJsonRows(exec, 'users', users);
      await exec('commit');
    } catch (error) {
      await exec('rollback');
      throw error;
    }
    const total = await exec(`select count(*)::int as n from users where username like 'bgov\\_%'`);
    return { added: users.length, total: Number(total[0]?.n ?? 0) };
  });
}

/** Every generated account that can sign in, with its scope unit's kind and level. */
export async function loadCandidates(databaseUrl: string): Promise<CandidateRow[]> {
  return withClient(databaseUrl, async (client) => {
    const rows = await client.query<{ username: string; roles: string[]; scope_unit_id: string; kind: string; level: string }>(
      `select u.username, u.roles, u.scope_unit_id, su.kind, d.level
       from users u join units su on su.id = u.scope_unit_id join divisions d on d.code = su.division_code
       where u.disabled_at is null
         and (u.username ~ '^b[0-9]{5}$' or u.username like 'bgov\\_%' or u.username in ('bench_ducha', 'bench_km_ducha', 'bench_leader', 'bench_handler'))
       order by u.username`,
    );
    return rows.rows.map((r) => ({
      username: r.username,
      roles: r.roles,
      scopeUnitId: r.scope_unit_id,
      scopeKind: r.kind,
      scopeLevel: r.level,
    }));
  });
}
