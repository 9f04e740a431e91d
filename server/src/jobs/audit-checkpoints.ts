/**
 * Writes a signed checkpoint of the audit chain heads every AUDIT_CHECKPOINT_MINUTES (platform/audit-checkpoint.ts),
 * in `serve` on the embedded database and in `luoshi worker` on PostgreSQL. A timer, not a pg-boss job: the file and
 * the key are on this host, so each process that runs it keeps its own witness; a line is added only when some shard
 * moved since the newest one.
 */
import { auditCheckpointConfig, writeAuditCheckpoint } from '../platform/audit-checkpoint.js';
import type { Deps } from '../platform/context.js';

/** Writes one now (when the log moved) and then every interval; returns a stop function. Errors are logged. */
export function scheduleAuditCheckpoints(deps: Deps, log: (message: string, error?: unknown) => void): () => void {
  const minutes = deps.env.AUDIT_CHECKPOINT_MINUTES;
  if (minutes === 0) return () => undefined;
  const config = auditCheckpointConfig(deps.env);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await writeAuditCheckpoint(deps.database, config, deps.clock.now(), { onlyIfChanged: true });
    } catch (error) {
      log(`audit checkpoint failed (${config.file})`, error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
