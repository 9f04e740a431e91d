/**
 * Logical backup and restore (REQUIREMENTS X7), the same on PGlite and PostgreSQL: a gzip'd stream of JSON lines —
 * a header, then every row of every table in dependency order. Restore goes into an empty database only, in one
 * transaction, and re-positions identity sequences, so the restored database continues exactly where the old one
 * stopped (including the audit hash chains).
 *
 * Attachment bytes live outside the database (platform/files.ts, FILES_DIR); when the files directory is given,
 * every attachment's bytes follow the rows as `{"f": sha256, "b": base64}` lines and restore writes them back
 * (checking each against its SHA-256), so one file carries everything a user ever submitted.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  { name: 'unit_aliases', orderBy: 'alias' },
  { name: 'sign_in_throttles', orderBy: 'username_key' },
  { name: 'sessions', orderBy: 'id' },
  { name: 'calendar_days', orderBy: 'day' },
  { name: 'task_deadline_defaults', orderBy: 'source' },
  { name: 'task_number_patterns', orderBy: 'unit_id' },
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
  { name: 'notifications', orderBy: 'id' },
  { name: 'notification_deliveries', orderBy: 'id' },
  { name: 'notification_preferences', orderBy: 'user_id' },
  { name: 'webhook_endpoints', orderBy: 'id' },
  { name: 'task_escalations', orderBy: 'id' },
  // Meetings and the expert library (modules/meetings). meeting_types is seeded by its migration, like the source
  // registry, so the restore replaces the seeded rows with the backup's.
  { name: 'meeting_types', orderBy: 'code' },
  { name: 'meeting_counters', orderBy: 'government_unit_id, type, year' },
  { name: 'meetings', orderBy: 'id' },
  { name: 'meeting_leaders', orderBy: 'meeting_id, person_id' },
  { name: 'agenda_items', orderBy: 'id' },
  { name: 'agenda_item_units', orderBy: 'agenda_item_id, unit_id' },
  { name: 'agenda_materials', orderBy: 'id' },
  { name: 'agenda_attendees', orderBy: 'id' },
  { name: 'meeting_decisions', orderBy: 'id' },
  { name: 'meeting_minutes', orderBy: 'meeting_id' },
  { name: 'experts', orderBy: 'id' },
  { name: 'expert_draws', orderBy: 'id' },
  { name: 'expert_opinions', orderBy: 'draw_id, expert_id' },
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

async function* attachmentLines(database: Database, filesRoot: string): AsyncGenerator<string> {
  // Every stored file a row refers to: evidence, meeting materials and issued minutes.
  const rows = await database.query<{ sha256: string }>(
    `select sha256 from attachments union select sha256 from agenda_materials
      union select sha256 from meeting_minutes where sha256 is not null order by sha256`,
  );
  for (const { sha256 } of rows) {
    const bytes = await readFile(join(filesRoot, sha256));
    yield `${JSON.stringify({ f: sha256, b: bytes.toString('base64') })}\n`;
  }
}

async function* backupLines(database: Database, filesRoot?: string): AsyncGenerator<string> {
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
  if (filesRoot) yield* attachmentLines(database, filesRoot);
}

/** Writes every row (and, with `filesRoot`, every attachment) to `file` (gzip'd JSON lines). Returns the counts. */
export async function backupDatabase(database: Database, file: string, filesRoot?: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const counting = async function* (source: AsyncGenerator<string>) {
    for await (const line of source) {
      const table = /^\{"t":"([a-z_]+)"/.exec(line)?.[1] ?? (line.startsWith('{"f":') ? 'attachment_files' : undefined);
      if (table) counts[table] = (counts[table] ?? 0) + 1;
      yield line;
    }
  };
  await pipeline(Readable.from(counting(backupLines(database, filesRoot))), createGzip(), createWriteStream(file));
  return counts;
}

async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number | string }>(
    'select (select count(*) from units) + (select count(*) from users) + (select count(*) from audit_events) as n',
  );
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Writes one attachment's bytes back under its hash, refusing bytes that do not match it. */
async function restoreFile(filesRoot: string, sha256: string, base64: string): Promise<void> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Bad attachment line in backup.');
  const bytes = Buffer.from(base64, 'base64');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error(`Attachment ${sha256} in the backup is corrupt.`);
  await mkdir(filesRoot, { recursive: true });
  const target = join(filesRoot, sha256);
  const present = await stat(target).then(
    () => true,
    () => false,
  );
  if (!present) await writeFile(target, bytes, { flag: 'wx' });
}

/**
 * Restores `file` into an empty, migrated database (and its attachments into `filesRoot`). Rows go in one transaction:
 * on any error nothing is written to the database; attachment files already written are harmless (content-addressed,
 * unreferenced) and are overwritten by nothing.
 */
export async function restoreDatabase(database: Database, file: string, filesRoot?: string): Promise<Record<string, number>> {
  if (!(await isEmpty(database))) throw new Error('Restore needs an empty database (no units, users or audit events).');
  const known = new Set(BACKUP_TABLES.map((t) => t.name));
  const counts: Record<string, number> = {};
  await database.rawTransaction(async (query) => {
    // The source registry is seeded by a migration, so the migrated target already has rows the backup brings again
    // (changed since, perhaps): the backup's rows replace them.
    await query('delete from task_deadline_defaults');
    await query('delete from meeting_types');
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
      const parsed = JSON.parse(line) as { t: string; r: unknown } | { f: string; b: string };
      if ('f' in parsed) {
        if (filesRoot) await restoreFile(filesRoot, parsed.f, parsed.b);
        counts.attachment_files = (counts.attachment_files ?? 0) + 1;
        continue;
      }
      const { t, r } = parsed;
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
    for (const table of ['audit_events', 'task_events', 'task_escalations']) {
      await query(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`);
    }
  });
  return counts;
}
