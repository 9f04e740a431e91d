/**
 * What the scenarios work on, read from the bench database once before the load: items to open (the item page),
 * open items of the bench handler's unit to report on, the dataset's size, and the registration date from which the
 * ledger holds 100,000 items (the export).
 */
import pg from 'pg';
import { BENCH_ACCOUNTS } from '../phase-users.js';

export interface ItemToOpen {
  id: string;
  hasChildren: boolean;
}

export interface Fixtures {
  counts: { tasks: number; progressReports: number; taskEvents: number; auditEvents: number; units: number; users: number };
  itemsToOpen: ItemToOpen[];
  /** Items in 已签收/办理中 led by the bench handler's unit. */
  reportableItemIds: string[];
  /** The Asia/Shanghai date from which `createdFrom=` gives at least `exportRows` items. */
  exportCreatedFrom: string;
}

async function estimate(client: pg.Client, table: string): Promise<number> {
  const rows = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows.rows[0]?.n ?? 0);
}

export async function loadFixtures(
  databaseUrl: string,
  options: { itemsToOpen: number; reportable: number; exportRows: number },
): Promise<Fixtures> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = {
      tasks: await estimate(client, 'tasks'),
      progressReports: await estimate(client, 'progress_reports'),
      taskEvents: await estimate(client, 'task_events'),
      auditEvents: await estimate(client, 'audit_events'),
      units: await estimate(client, 'units'),
      users: await estimate(client, 'users'),
    };
    if (counts.tasks === 0) throw new Error('The bench database has no items: run `npm run bench:data -- --scale province` first.');
    // A spread sample of items (every n-th by id), the same items on every run over the same data.
    const step = Math.max(1, Math.floor(counts.tasks / options.itemsToOpen));
    const open = await client.query<{ id: string; has_children: boolean }>(
      `select s.id, exists (select 1 from tasks c where c.parent_id = s.id) as has_children
       from (select id, row_number() over (order by id) as n from tasks) s
       where s.n % $1 = 0 limit $2`,
      [step, options.itemsToOpen],
    );
    const reportable = await client.query<{ id: string }>(
      `select t.id from tasks t join users u on u.username = $1 and u.scope_unit_id = t.lead_unit_id
       where t.status in ('accepted', 'in_progress') order by t.id limit $2`,
      [BENCH_ACCOUNTS.departmentHandler, options.reportable],
    );
    if (reportable.rows.length === 0) throw new Error(`${BENCH_ACCOUNTS.departmentHandler} has no open items to report on`);
    const from = await client.query<{ day: string }>(
      `select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day
       from tasks order by created_at desc offset $1 limit 1`,
      [Math.max(0, Math.min(options.exportRows, counts.tasks) - 1)],
    );
    return {
      counts,
      itemsToOpen: open.rows.map((r) => ({ id: r.id, hasChildren: r.has_children })),
      reportableItemIds: reportable.rows.map((r) => r.id),
      exportCreatedFrom: from.rows[0]?.day ?? '2024-01-01',
    };
  } finally {
    await client.end();
  }
}
