/**
 * Logical backup and restore (REQUIREMENTS X7), the same on PGlite and PostgreSQL: a gzip'd stream of JSON lines —
 * a header, then every row of every table in dependency order. Restore goes into an empty database only, in one
 * transaction, and re-positions identity sequences, so the restored database continues exactly where the old one
 * stopped (including the audit hash chains).
 *
 * Attachment bytes live outside the database (platform/files.ts, FILES_DIR) and are not in this backup yet: copy
 * that directory alongside.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from './db.js';

/** Tables in the order rows must be inserted; each with the columns that order its rows. */
export const BACKUP_TABLES: readonly { name: string; orderBy: string }[] = [
  { name: 'divisions', orderBy: 'code' },
  { name: 'units', orderBy: 'path' },
  { name: 'persons', orderBy: 'id' },
  { name: 'posts', orderBy: 'id' },
  { name: 'leader_oversees', orderBy: 'leader_id, unit_id' },
  { name: 'users', orderBy: 'id' },
  { name: 'sign_in_throttles', orderBy: 'username_key' },
  { name: 'sessions', orderBy: 'id' },
  { name: 'calendar_days', orderBy: 'day' },
  { name: 'task_deadline_defaults', orderBy: 'source' },
  { name: 'task_serial_counters', orderBy: 'supervising_unit_id, year' },
  { name: 'tasks', orderBy: 'depth, id' },
  { name: 'task_cooperations', orderBy: 'task_id, unit_id' },
  { name: 'task_milestones', orderBy: 'id' },
  { name: 'ledger_views', orderBy: 'id' },
  { name: 'task_events', orderBy: 'id' },
  { name: 'extension_requests', orderBy: 'id' },
  { name: 'coordination_requests', orderBy: 'id' },
  { name: 'instructions', orderBy: 'id' },
  { name: 'attachments', orderBy: 'id' },
  { name: 'progress_reports', orderBy: 'task_id, seq' },
  { name: 'progress_report_attachments', orderBy: 'report_id, attachment_id' },
  { name: 'idempotency_keys', orderBy: 'user_id, key' },
  { name: 'audit_chain_heads', orderBy: 'shard' },
  { name: 'audit_chain_anchors', orderBy: 'shard' },
  { name: 'audit_events', orderBy: 'id' },
];

const BATCH = 2000;
const FORMAT = 'luoshi-backup';

interface Header {
  format: typeof FORMAT;
  version: 1;
  migration: string | null;
  createdAt: string;
}

async function* backupLines(database: Database): AsyncGenerator<string> {
  const header: Header = { format: FORMAT, version: 1, migration: database.migration, createdAt: new Date().toISOString() };
  yield `${JSON.stringify(header)}\n`;
  for (const table of BACKUP_TABLES) {
    for (let offset = 0; ; offset += BATCH) {
      const rows = await database.query<{ r: unknown }>(
        `select row_to_json(t) as r from (select * from ${table.name} order by ${table.orderBy} limit ${BATCH} offset ${offset}) t`,
      );
      for (const row of rows) yield `${JSON.stringify({ t: table.name, r: row.r })}\n`;
      if (rows.length < BATCH) break;
    }
  }
}

/** Writes every row to `file` (gzip'd JSON lines). Returns the row count per table. */
export async function backupDatabase(database: Database, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const counting = async function* (source: AsyncGenerator<string>) {
    for await (const line of source) {
      const table = /^\{"t":"([a-z_]+)"/.exec(line)?.[1];
      if (table) counts[table] = (counts[table] ?? 0) + 1;
      yield line;
    }
  };
  await pipeline(Readable.from(counting(backupLines(database))), createGzip(), createWriteStream(file));
  return counts;
}

async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number | string }>(
    'select (select count(*) from units) + (select count(*) from users) + (select count(*) from audit_events) as n',
  );
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Restores `file` into an empty, migrated database. Throws without writing anything otherwise. */
export async function restoreDatabase(database: Database, file: string): Promise<Record<string, number>> {
  if (!(await isEmpty(database))) throw new Error('Restore needs an empty database (no units, users or audit events).');
  const known = new Set(BACKUP_TABLES.map((t) => t.name));
  const counts: Record<string, number> = {};
  await database.rawTransaction(async (query) => {
    // Opened here, right before the loop: readline starts emitting as soon as it exists and drops lines emitted before
    // its async iterator is taken — opening it before `BEGIN` lost the header line on a fast disk (CI, 2026-11).
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let header: Header | null = null;
    let pendingTable: string | null = null;
    let pendingRows: unknown[] = [];
    const flush = async () => {
      if (!pendingTable || pendingRows.length === 0) return;
      await query(`insert into ${pendingTable} select * from json_populate_recordset(null::${pendingTable}, $1::json)`, [
        JSON.stringify(pendingRows),
      ]);
      pendingRows = [];
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (!header) {
        const parsed = JSON.parse(line) as Partial<Header>;
        if (parsed.format !== FORMAT) throw new Error('Not a Luoshi backup file.');
        header = { format: FORMAT, version: 1, migration: parsed.migration ?? null, createdAt: parsed.createdAt ?? '' };
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      if (!known.has(t)) throw new Error(`Unknown table in backup: ${t}`);
      if (pendingTable !== t) {
        await flush();
        pendingTable = t;
      }
      pendingRows.push(r);
      counts[t] = (counts[t] ?? 0) + 1;
      if (pendingRows.length >= 500) await flush();
    }
    await flush();
    if (!header) throw new Error('Empty backup file.');
    for (const table of ['audit_events', 'task_events']) {
      await query(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`);
    }
  });
  return counts;
}
