/**
 * 办理时限与预警设置: the administrator's per-source defaults. A change applies to items registered afterwards (办结时限)
 * and to every open item's light: their lights are marked stale, and the housekeeping loop recomputes them with the
 * new thresholds within its next run.
 */
import {
  defaultEscalationWorkingDays,
  defaultReminderWorkingDays,
  taskSourceValues,
  type SourcePolicy,
  type SourcePolicyBody,
  type TaskSource,
} from '@luoshi/contracts';
import { eq, sql } from 'drizzle-orm';
import { taskDeadlineDefaults, tasks } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit-log.js';
import type { Deps, RequestContext } from '../../platform/context.js';
import { defaultDeadlineWorkingDays } from '../tasks/tasks.rules.js';
import { defaultThresholds } from './warnings.rules.js';

function withDefaults(source: TaskSource, row: Partial<SourcePolicyBody> | undefined): SourcePolicy {
  return {
    source,
    workingDays: row?.workingDays ?? defaultDeadlineWorkingDays[source] ?? 20,
    signForWorkingDays: row?.signForWorkingDays ?? defaultThresholds.signForWorkingDays,
    yellowWorkingDays: row?.yellowWorkingDays ?? defaultThresholds.yellowWorkingDays,
    yellowElapsedPercent: row?.yellowElapsedPercent ?? defaultThresholds.yellowElapsedPercent,
    reminderWorkingDays: row?.reminderWorkingDays ?? [...defaultReminderWorkingDays],
    escalationWorkingDays: row?.escalationWorkingDays ?? defaultEscalationWorkingDays,
  };
}

export async function listSourcePolicies(deps: Deps): Promise<SourcePolicy[]> {
  const rows = await deps.database.db.select().from(taskDeadlineDefaults);
  const bySource = new Map(rows.map((r) => [r.source, r]));
  return taskSourceValues.map((source) => withDefaults(source, bySource.get(source)));
}

export async function setSourcePolicy(deps: Deps, ctx: RequestContext, source: TaskSource, input: SourcePolicyBody): Promise<SourcePolicy> {
  return deps.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(taskDeadlineDefaults).where(eq(taskDeadlineDefaults.source, source)).for('update');
    const before = withDefaults(source, current);
    // Left-out ladder settings stay as they were.
    const { source: _source, ...values } = {
      ...before,
      ...input,
      reminderWorkingDays: [...(input.reminderWorkingDays ?? before.reminderWorkingDays)].sort((a, b) => b - a),
    };
    await tx
      .insert(taskDeadlineDefaults)
      .values({ source, ...values })
      .onConflictDoUpdate({ target: taskDeadlineDefaults.source, set: values });
    // Lights of this source are recomputed with the new thresholds by the next housekeeping run.
    await tx
      .update(tasks)
      .set({ warningOn: null })
      .where(sql`${tasks.source} = ${source} and ${tasks.status} in ('assigned', 'accepted', 'in_progress')`);
    const after = withDefaults(source, values);
    await recordAudit(deps, tx, ctx, {
      eventType: 'settings.source_policy_changed',
      objectType: 'source_policy',
      objectId: source,
      before,
      after,
    });
    return after;
  });
}
