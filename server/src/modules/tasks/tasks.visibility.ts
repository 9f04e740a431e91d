/**
 * Who can see an item, written once. An item is in a reader's scope when its supervising government, its lead unit
 * or one of its cooperating units lies in the reader's subtree. The database keeps that answer as rows: `task_reach`
 * holds (unit, item) for every unit whose subtree can see the item (db/schema/task-reach.ts, kept by triggers), so
 * "is this item in my scope" is one primary-key probe `(task_id, my scope's unit)` — never a walk up unit paths — and
 * "my items in deadline order" is one index range.
 *
 * Records that hang off an item (进展反馈, 附件, 延期申请, 协调请求, 时间节点) are named by their own id; their
 * repositories add `taskVisibleIn(scope, <their task_id column>)`, so a record of an item outside the caller's scope
 * is not found at all.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Scope } from '../../platform/scope.js';

/** The system's own work (sweeps, CLI, seeding) reads the whole tree: `systemScope()` has the path '/'. */
export function isSystemScope(scope: Scope): boolean {
  return scope.path === '/';
}

/** The unit whose reach rows a scope reads, or null for the system (everything) and for a sign-in (nothing). */
export function reachUnitOf(scope: Scope): string | null {
  return scope.unitId === '' ? null : scope.unitId;
}

/** The item whose id is `taskId` is in `scope`. */
export function taskVisibleIn(scope: Scope, taskId: SQLWrapper): SQL {
  if (isSystemScope(scope)) return sql`true`;
  const unit = reachUnitOf(scope);
  if (!unit) return sql`false`;
  return taskReaches(taskId, unit);
}

/** The probe itself, for a unit given as a value or as a prepared statement's placeholder (the item page's look-up). */
export function taskReaches(taskId: SQLWrapper, unit: string | SQLWrapper): SQL {
  return sql`exists (select 1 from task_reach vr where vr.task_id = ${taskId} and vr.unit_id = ${unit}::uuid)`;
}
