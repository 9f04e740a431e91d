/**
 * Index handling for the province-scale load: maintaining a dozen indexes row by row over millions of inserts costs
 * more than building them once afterwards, so the secondary indexes of the bulk tables are dropped before the load
 * and recreated from their exact definitions (`pg_get_indexdef`) after it. Indexes that back constraints (primary
 * keys) stay. If a load dies in between, rerun with `--fresh`.
 */
import type { OwnerQuery } from './target.js';

export const BULK_TABLES = ['tasks', 'task_reach', 'task_cooperations', 'task_events', 'progress_reports', 'audit_events'];

export interface IndexDefinition {
  name: string;
  table: string;
  definition: string;
}

export async function dropSecondaryIndexes(exec: OwnerQuery): Promise<IndexDefinition[]> {
  const rows = await exec(
    `select i.relname as name, t.relname as "table", pg_get_indexdef(x.indexrelid) as definition
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
     order by t.relname, i.relname`,
    [BULK_TABLES],
  );
  const definitions = rows.map((r) => ({ name: String(r.name), table: String(r.table), definition: String(r.definition) }));
  for (const d of definitions) await exec(`drop index ${d.name}`);
  return definitions;
}

export async function recreateIndexes(
  exec: OwnerQuery,
  definitions: readonly IndexDefinition[],
  log: (line: string) => void,
): Promise<void> {
  for (const d of definitions) {
    const started = Date.now();
    await exec(d.definition);
    log(`  index ${d.name} (${d.table}) ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
