/**
 * Geometry of the 路线图 Gantt, free of React so it can be tested: which dates the chart spans, where a date lies in
 * pixels, each row's bar (交办 → 办结时限, filled to the actual progress, with the 序时进度 marker), the today line and
 * the month ticks of the header. Dates are calendar dates (`YYYY-MM-DD`, Beijing); arithmetic is done in UTC days so
 * no time zone or summer-time shift can move a bar.
 */
import type { RoadmapRow, TaskStatus, WarningColour } from '@luoshi/contracts';

const dayMs = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / dayMs);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** The span of the chart: whole months from `first` to `last` (inclusive), `pxPerDay` wide each day. */
export type GanttScale = { firstDay: number; lastDay: number; pxPerDay: number; width: number };

/** The rows' dates that the chart must show. */
type Dated = Pick<RoadmapRow, 'start' | 'deadline' | 'milestones'>;

/** Narrowest and widest day, so a one-week item is still readable and a five-year programme not endless. */
export const minPxPerDay = 1.5;
export const maxPxPerDay = 24;

/**
 * The scale for `rows` and today: from the first of the month of the earliest date to the end of the month of the
 * latest, and as many pixels per day as fit `targetWidth` (within `minPxPerDay`…`maxPxPerDay`; a narrow screen
 * scrolls sideways rather than squeezing the bars).
 */
export function ganttScale(rows: readonly Dated[], today: string, targetWidth: number): GanttScale {
  const days = [dayNumber(today)];
  for (const row of rows) {
    days.push(dayNumber(row.start));
    if (row.deadline) days.push(dayNumber(row.deadline));
    for (const milestone of row.milestones) days.push(dayNumber(milestone.plannedDate));
  }
  const first = dateOfDay(Math.min(...days));
  const last = dateOfDay(Math.max(...days));
  const firstDay = dayNumber(`${first.slice(0, 7)}-01`);
  const [year, month] = last.split('-').map(Number);
  const lastDay = Math.round(Date.UTC(year ?? 1970, month ?? 1, 1) / dayMs) - 1;
  const dayCount = lastDay - firstDay + 1;
  const pxPerDay = Math.min(maxPxPerDay, Math.max(minPxPerDay, targetWidth / dayCount));
  return { firstDay, lastDay, pxPerDay, width: Math.round(dayCount * pxPerDay) };
}

/** Left edge (px) of `date`'s day. */
export function xOf(scale: GanttScale, date: string): number {
  return (dayNumber(date) - scale.firstDay) * scale.pxPerDay;
}

/** Middle (px) of `date`'s day: where the today line and milestone diamonds sit. */
export function centreOf(scale: GanttScale, date: string): number {
  return xOf(scale, date) + scale.pxPerDay / 2;
}

/** How a bar is drawn. */
export type GanttBar = {
  left: number;
  width: number;
  /** Width of the filled part (actual progress); 0 when nothing was reported. */
  fillWidth: number;
  /** X of the 序时进度 marker, or null when there is no plan. */
  plannedX: number | null;
  /** No 办结时限 yet: the bar runs to today and is drawn open-ended. */
  openEnded: boolean;
};

/** Progress clamped to 0–100. */
function percent(value: number | null): number {
  return value === null ? 0 : Math.min(100, Math.max(0, value));
}

/**
 * The bar of `row`: from the start day to the end of the deadline day (both inclusive), at least one day wide. An item
 * without a deadline runs to today. Progress fills from the left; the 序时进度 marker sits at the planned share.
 */
export function barOf(
  scale: GanttScale,
  row: Pick<RoadmapRow, 'start' | 'deadline' | 'progressPercent' | 'plannedPercent'>,
  today: string,
): GanttBar {
  const openEnded = row.deadline === null;
  const end = row.deadline ?? (today > row.start ? today : row.start);
  const left = xOf(scale, row.start);
  const width = Math.max(scale.pxPerDay, xOf(scale, end) + scale.pxPerDay - left);
  return {
    left,
    width,
    fillWidth: (width * percent(row.progressPercent)) / 100,
    plannedX: row.plannedPercent === null ? null : left + (width * percent(row.plannedPercent)) / 100,
    openEnded,
  };
}

/** The today line, or null when today lies outside the chart. */
export function todayX(scale: GanttScale, today: string): number | null {
  const day = dayNumber(today);
  return day < scale.firstDay || day > scale.lastDay ? null : centreOf(scale, today);
}

/** One month of the header: its label (`2026-03`, or `2026` in January) and where it starts and how wide it is. */
export type MonthTick = { month: string; x: number; width: number };

/** The months of the scale, in order. */
export function monthTicks(scale: GanttScale): MonthTick[] {
  const ticks: MonthTick[] = [];
  let day = scale.firstDay;
  while (day <= scale.lastDay) {
    const date = dateOfDay(day);
    const [year, month] = date.split('-').map(Number);
    const next = Math.min(scale.lastDay + 1, Math.round(Date.UTC(year ?? 1970, month ?? 1, 1) / dayMs));
    ticks.push({ month: date.slice(0, 7), x: (day - scale.firstDay) * scale.pxPerDay, width: (next - day) * scale.pxPerDay });
    day = next;
  }
  return ticks;
}

/** Narrower months than this show a short label. */
export const fullTickWidth = 60;

/**
 * The text of a month tick: `2026-03` where it fits; in narrow months the year alone in January (so the years stay
 * readable) and the month number elsewhere.
 */
export function tickLabel(tick: MonthTick): string {
  if (tick.width >= fullTickWidth) return tick.month;
  const month = tick.month.slice(5);
  return month === '01' ? tick.month.slice(0, 4) : month;
}

/** What a bar's colour says: the light for running items, otherwise the kind of end state. */
export type BarTone = WarningColour | 'draft' | 'done' | 'stopped';

const doneStatuses: readonly TaskStatus[] = ['completion_requested', 'completed', 'evaluated', 'archived'];
const stoppedStatuses: readonly TaskStatus[] = ['suspended', 'terminated', 'withdrawn'];

/** The tone of a row's bar: grey before 交办, blue once done, hatched grey when stopped, else its light. */
export function barTone(row: Pick<RoadmapRow, 'status' | 'warning'>): BarTone {
  if (row.status === 'draft' || row.status === 'pending_approval') return 'draft';
  if (doneStatuses.includes(row.status)) return 'done';
  if (stoppedStatuses.includes(row.status)) return 'stopped';
  return row.warning;
}

/** Actual progress lags the 序时进度 (both known). */
export function isBehindPlan(row: Pick<RoadmapRow, 'progressPercent' | 'plannedPercent'>): boolean {
  return row.plannedPercent !== null && (row.progressPercent ?? 0) < row.plannedPercent;
}

/** How a milestone diamond is drawn: filled once reached, red once its date passed unreached. */
export function milestoneMark(
  milestone: Pick<RoadmapRow['milestones'][number], 'plannedDate' | 'reached'>,
  today: string,
): 'reached' | 'overdue' | 'upcoming' {
  if (milestone.reached) return 'reached';
  return milestone.plannedDate < today ? 'overdue' : 'upcoming';
}
