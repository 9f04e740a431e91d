/** Editing the official calendar (system administrator) and the working-day calculator. */
import { eq } from 'drizzle-orm';
import type { CalendarDay } from '@luoshi/contracts';
import { calendarDays } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit-log.js';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { isWeekend, type CalendarDayKind } from '../../platform/calendar/working-days.js';
import type { Deps, RequestContext } from '../../platform/context.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';

export async function setCalendarDay(
  deps: Deps,
  ctx: RequestContext,
  day: string,
  input: { kind: CalendarDayKind; name: string },
): Promise<CalendarDay> {
  if (input.kind === 'makeup_workday' && !isWeekend(day)) throw fieldError('CALENDAR_DAY_INVALID', 'kind', 'not a weekend', { day });
  const now = ctx.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const before = (await tx.select().from(calendarDays).where(eq(calendarDays.day, day)).limit(1))[0];
    await tx
      .insert(calendarDays)
      .values({ day, kind: input.kind, name: input.name, updatedAt: now, updatedBy: ctx.actor?.userId ?? null })
      .onConflictDoUpdate({
        target: calendarDays.day,
        set: { kind: input.kind, name: input.name, updatedAt: now, updatedBy: ctx.actor?.userId ?? null },
      });
    const after = { day, kind: input.kind, name: input.name };
    await recordAudit(deps, tx, ctx, {
      eventType: 'calendar.day_set',
      objectType: 'calendar_day',
      objectId: day,
      before: before ? { day: before.day, kind: before.kind, name: before.name } : null,
      after,
    });
    return after;
  });
}

export async function removeCalendarDay(deps: Deps, ctx: RequestContext, day: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const removed = await tx.delete(calendarDays).where(eq(calendarDays.day, day)).returning();
    const before = removed[0];
    if (!before) throw notFound();
    await recordAudit(deps, tx, ctx, {
      eventType: 'calendar.day_removed',
      objectType: 'calendar_day',
      objectId: day,
      before: { day: before.day, kind: before.kind, name: before.name },
    });
  });
}

export async function computeWorkingDays(
  deps: Deps,
  query: { from: string; add?: number; to?: string },
): Promise<{ from: string; date: string | null; workingDays: number | null }> {
  if (query.add === undefined && query.to === undefined) throw fieldError('VALIDATION_FAILED', 'add', 'give add or to');
  if (query.add !== undefined && query.to !== undefined)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'to', code: 'exclusive', message: 'give add or to, not both' }]);
  const calendar = await loadCalendar(deps.database.db);
  if (query.add !== undefined) return { from: query.from, date: calendar.addWorkingDays(query.from, query.add), workingDays: query.add };
  const to = query.to ?? query.from;
  return { from: query.from, date: to, workingDays: calendar.workingDaysBetween(query.from, to) };
}
