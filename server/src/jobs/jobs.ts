/**
 * Scheduled jobs on pg-boss (issue 5), on PostgreSQL and on the embedded PGlite alike: pg-boss talks to the product's
 * own database connection (`Database.executeSql`, which runs as the restricted app role), so the embedded default
 * needs no second connection, and on PostgreSQL several `serve`/`worker` processes share the queue — each cron tick
 * makes one job, and a singleton queue runs one at a time.
 *
 * The schema and queues are installed with owner rights at migration time (platform/jobs.schema.ts). Handlers take the
 * product's clock from `deps`, so what a job does is tested by calling its function at any instant; this file is
 * only the wiring, tested once end to end.
 */
import PgBoss from 'pg-boss';
import { runEscalationSweep } from '../modules/escalations/index.js';
import type { Deps } from '../platform/context.js';
import { systemScope } from '../platform/scope.js';
import { JOB_QUEUES, JOB_SCHEMA } from '../platform/jobs.schema.js';

export interface Jobs {
  /** Queues one sweep now (start-up catch-up; tests). Resolves to the job id. */
  runSweepNow(): Promise<string | null>;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** How often an idle worker looks for work (pg-boss minimum 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** Starts pg-boss on the product database: the daily sweep on its cron, plus one catch-up run now. */
export async function startJobs(deps: Deps, log: (message: string, error?: unknown) => void, options: JobOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => deps.database.executeSql(text, values) },
    schema: JOB_SCHEMA,
    migrate: false,
    // Job rows are small; a fortnight of history is plenty to see what ran.
    deleteAfterDays: 14,
  });
  boss.on('error', (error) => log('job queue error', error));
  await boss.start();
  await boss.schedule(JOB_QUEUES.escalationSweep, deps.env.ESCALATION_SWEEP_CRON, {}, { tz: 'Asia/Shanghai' });
  await boss.work(JOB_QUEUES.escalationSweep, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async () => {
    try {
      const report = await runEscalationSweep(deps, systemScope());
      if (report.stepsRecorded) log(`escalation sweep: ${JSON.stringify(report)}`);
      return report;
    } catch (error) {
      // pg-boss retries the job (retryLimit on the queue); say why it failed meanwhile.
      log('escalation sweep failed', error);
      throw error;
    }
  });
  const runSweepNow = () => boss.send(JOB_QUEUES.escalationSweep, {});
  await runSweepNow();
  return {
    runSweepNow,
    async stop() {
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
