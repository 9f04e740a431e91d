/**
 * Between scenarios: wait until the bench database has no statement running (a scenario's last requests, a server
 * that was stopped while its queries ran), so one scenario's tail is not measured as the next one's latency. After
 * `maxSeconds` the remaining statements on the bench database — only the benchmark's own — are cancelled.
 */
import pg from 'pg';

export async function settleDatabase(databaseUrl: string, maxSeconds = 60): Promise<{ waitedSeconds: number; cancelled: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  const busy = `select pid from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and backend_type = 'client backend'
                  and query not ilike 'listen %'`;
  try {
    while (Date.now() - started < maxSeconds * 1000) {
      if ((await client.query(busy)).rowCount === 0) return { waitedSeconds: (Date.now() - started) / 1000, cancelled: 0 };
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const cancelled = await client.query(`select pg_cancel_backend(pid) from (${busy}) b`);
    return { waitedSeconds: (Date.now() - started) / 1000, cancelled: cancelled.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
