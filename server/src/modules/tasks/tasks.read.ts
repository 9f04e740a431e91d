/**
 * Turning item rows into what the reader sees: cooperating units, the actions this reader may take now, sub-item
 * counts and the 签收 due date — each gathered in one query for a whole page of rows, never one per row.
 */
import { overdueWorkingDaysOf, type Task, type TaskStatus } from '@luoshi/contracts';
import { inArray } from 'drizzle-orm';
import { tasks } from '../../db/schema/index.js';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { listSources } from '../sources/index.js';
import { defaultThresholds, signForDueOf } from '../warnings/index.js';
import { factsOf, standingOf } from './tasks.policy.js';
import { presentTask } from './tasks.presenter.js';
import * as repo from './tasks.repository.js';
import { allowedActions } from './tasks.rules.js';

/** 签收 due dates of the rows still waiting to be signed for. */
async function signForDues(db: Db, rows: repo.TaskRow[]): Promise<Map<string, string>> {
  const waiting = rows.filter((r) => r.status === 'assigned' && r.assignedAt);
  if (waiting.length === 0) return new Map();
  const [calendar, sources] = await Promise.all([loadCalendar(db), listSources(db)]);
  // Each source's 签收 limit is part of its registry entry.
  const thresholds = new Map(sources.map((s) => [s.code, s]));
  return new Map(
    waiting.map((r) => [
      r.id,
      signForDueOf(todayInShanghai({ now: () => r.assignedAt as Date }), calendar, thresholds.get(r.source) ?? defaultThresholds),
    ]),
  );
}

/** The numbers of the rows' parents (a sub-item is told apart from its siblings by parent number and lead unit). */
async function parentNumbers(db: Db, rows: repo.TaskRow[]): Promise<Map<string, string>> {
  const parentIds = [...new Set(rows.flatMap((r) => (r.parentId ? [r.parentId] : [])))];
  if (parentIds.length === 0) return new Map();
  const found = await db.select({ id: tasks.id, serialNumber: tasks.serialNumber }).from(tasks).where(inArray(tasks.id, parentIds));
  return new Map(found.map((p) => [p.id, p.serialNumber]));
}

export async function presentRows(db: Db, ctx: RequestContext, rows: repo.TaskRow[]): Promise<Task[]> {
  const actor = requireActor(ctx);
  const ids = rows.map((r) => r.id);
  const today = todayInShanghai(ctx.clock);
  const anyLate = rows.some((r) => overdueWorkingDaysOf(r, today, () => 1) !== null);
  const [cooperations, children, dues, parents, calendar] = await Promise.all([
    repo.listCooperations(db, ids),
    repo.countChildren(db, ids),
    signForDues(db, rows),
    parentNumbers(db, rows),
    anyLate ? loadCalendar(db) : null,
  ]);
  return rows.map((row) => ({
    ...presentTask(row, {
      cooperatingUnits: cooperations.filter((c) => c.taskId === row.id).map(({ unitId, unitName }) => ({ unitId, unitName })),
      allowedActions: allowedActions(row.status as TaskStatus, standingOf(actor, row), factsOf(row)),
      today,
      signForDue: dues.get(row.id) ?? null,
      children: children.get(row.id) ?? { total: 0, open: 0 },
    }),
    parentSerialNumber: row.parentId ? (parents.get(row.parentId) ?? null) : null,
    overdueWorkingDays: calendar ? overdueWorkingDaysOf(row, today, (from, to) => calendar.workingDaysBetween(from, to)) : null,
  }));
}

/** One item as the reader sees it; 404 when it is missing or outside the reader's scope. */
export async function readTask(db: Db, ctx: RequestContext, id: string): Promise<Task> {
  const row = await repo.findVisibleTask(db, requireActor(ctx).scope, id);
  if (!row) throw notFound();
  const [task] = await presentRows(db, ctx, [row]);
  return task as Task;
}
