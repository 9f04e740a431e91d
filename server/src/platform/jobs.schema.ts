/**
 * The job queue's tables (pg-boss, schema `pgboss`), installed with the owner's rights when the database is migrated:
 * the app role may read and write job rows but may not create tables, and pg-boss creates one table per queue. So
 * every queue the product uses is created here, at start-up, under the migration lock; pg-boss's own schema
 * migrations run here too when the package is upgraded.
 */
import PgBoss from 'pg-boss';

export const JOB_SCHEMA = 'pgboss';

/** Every queue, created at install; a job on a queue not listed here would fail at run time under the app role. */
export const JOB_QUEUES = {
  /** The daily 临期提醒 / 进展反馈提醒 / 逾期未签收 / escalation-ladder sweep (modules/escalations). */
  escalationSweep: 'escalation-sweep',
} as const;

export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** Creates or upgrades the pgboss schema and the product's queues; idempotent. */
export async function installJobSchema(executeSql: ExecuteSql): Promise<void> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => executeSql(text, values) },
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  try {
    // One sweep at a time: a second one queued while the first runs waits instead of racing it.
    await boss.createQueue(JOB_QUEUES.escalationSweep, {
      name: JOB_QUEUES.escalationSweep,
      policy: 'singleton',
      retryLimit: 3,
      retryDelay: 60,
    });
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true });
  }
}
