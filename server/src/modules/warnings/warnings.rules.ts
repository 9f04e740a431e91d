/**
 * 预警规则 (REQUIREMENTS S4) as one pure function: an item's light from its state, dates and the working-day calendar.
 * Never set by hand; recomputed whenever the item changes and by the daily job when the date moves on.
 *
 * Red: the deadline passed; not signed for within N working days of 交办; a milestone passed unreached; a progress
 * report more than N working days late; or a sub-item is red.
 * Yellow: the deadline is within N working days (default 3) or today; ≥ 90 % of the time from 交办 to the deadline
 * has passed; progress is behind the planned trajectory (序时进度) by 10 points or more; a report is late; the
 * sign-for is due today; or a sub-item is yellow.
 * Only items with the unit and running (已交办, 已签收, 办理中) carry a light; every other status is green.
 */
import type { WarningReason } from '@luoshi/contracts';
import type { WorkingDayCalendar } from '../../platform/calendar/working-days.js';

/** Per source type, set by administrators (task_deadline_defaults). */
export interface WarningThresholds {
  signForWorkingDays: number;
  yellowWorkingDays: number;
  yellowElapsedPercent: number;
}
export const defaultThresholds: WarningThresholds = { signForWorkingDays: 2, yellowWorkingDays: 3, yellowElapsedPercent: 90 };

/** Progress this many points under the planned trajectory turns the light yellow. */
export const BEHIND_PLAN_POINTS = 10;

export interface MilestoneFacts {
  title: string;
  plannedDate: string;
  plannedPercent: number;
  reached: boolean;
}

export interface WarningInput {
  status: string;
  /** Shanghai dates. */
  assignedOn: string | null;
  deadline: string | null;
  reportingFrequency: string;
  lastReportOn: string | null;
  progressPercent: number | null;
  milestones: readonly MilestoneFacts[];
  /** Levels of the direct sub-items (their own lights already include their children's). */
  childLevels: readonly number[];
}

export interface Assessment {
  level: 0 | 1 | 2;
  reasons: WarningReason[];
}

const lit: readonly string[] = ['assigned', 'accepted', 'in_progress'];
const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}
function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The first working day on or after `day`. */
function onOrAfterWorkingDay(calendar: WorkingDayCalendar, day: string): string {
  return calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, 1);
}

/** 签收 is due N working days after 交办. */
export function signForDueOf(assignedOn: string, calendar: WorkingDayCalendar, thresholds: WarningThresholds): string {
  return calendar.addWorkingDays(assignedOn, thresholds.signForWorkingDays);
}

/** When the next progress report is due by the item's frequency (null for once/custom: no periodic duty). */
export function nextReportDue(frequency: string, since: string, calendar: WorkingDayCalendar): string | null {
  const raw =
    frequency === 'weekly'
      ? dayOf(dayNumber(since) + 7)
      : frequency === 'half_monthly'
        ? dayOf(dayNumber(since) + 15)
        : frequency === 'monthly'
          ? addMonths(since, 1)
          : frequency === 'quarterly'
            ? addMonths(since, 3)
            : null;
  return raw ? onOrAfterWorkingDay(calendar, raw) : null;
}

/** 序时进度: where progress should stand on `today`, along 交办 (0 %) → milestones → deadline (100 %). */
export function plannedPercentOn(
  today: string,
  assignedOn: string,
  deadline: string,
  milestones: readonly Pick<MilestoneFacts, 'plannedDate' | 'plannedPercent'>[],
): number {
  const points: [number, number][] = [
    [dayNumber(assignedOn), 0],
    ...[...milestones]
      .sort((a, b) => a.plannedDate.localeCompare(b.plannedDate))
      .map((m): [number, number] => [dayNumber(m.plannedDate), m.plannedPercent]),
    [dayNumber(deadline), 100],
  ];
  const t = dayNumber(today);
  if (t <= points[0]![0]) return 0;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (t <= x1) return x1 === x0 ? y1 : Math.round(y0 + ((y1 - y0) * (t - x0)) / (x1 - x0));
  }
  return 100;
}

function reason(code: WarningReason['code'], level: 1 | 2, params: WarningReason['params'] = {}): WarningReason {
  return { code, level, params };
}

/** Deadline, elapsed time and trajectory. */
function deadlineReasons(input: WarningInput, today: string, calendar: WorkingDayCalendar, t: WarningThresholds): WarningReason[] {
  const { deadline, assignedOn } = input;
  if (!deadline) return [];
  if (today > deadline) return [reason('deadline_overdue', 2, { deadline, days: dayNumber(today) - dayNumber(deadline) })];
  const reasons: WarningReason[] = [];
  const left = calendar.workingDaysBetween(today, deadline);
  if (today === deadline) reasons.push(reason('deadline_today', 1));
  else if (left <= t.yellowWorkingDays) reasons.push(reason('deadline_near', 1, { days: left }));
  else if (assignedOn && deadline > assignedOn) {
    const percent = Math.floor((100 * (dayNumber(today) - dayNumber(assignedOn))) / (dayNumber(deadline) - dayNumber(assignedOn)));
    if (percent >= t.yellowElapsedPercent) reasons.push(reason('time_elapsed', 1, { percent }));
  }
  if (assignedOn && input.progressPercent !== null && input.status !== 'assigned') {
    const planned = plannedPercentOn(today, assignedOn, deadline, input.milestones);
    if (planned - input.progressPercent >= BEHIND_PLAN_POINTS) {
      reasons.push(reason('behind_plan', 1, { planned, actual: input.progressPercent }));
    }
  }
  return reasons;
}

function signForReasons(input: WarningInput, today: string, calendar: WorkingDayCalendar, t: WarningThresholds): WarningReason[] {
  if (input.status !== 'assigned' || !input.assignedOn) return [];
  const due = signForDueOf(input.assignedOn, calendar, t);
  if (today > due) return [reason('sign_for_overdue', 2, { due })];
  return today === due ? [reason('sign_for_due', 1, { due })] : [];
}

function reportReasons(input: WarningInput, today: string, calendar: WorkingDayCalendar, t: WarningThresholds): WarningReason[] {
  if (input.status === 'assigned') return [];
  const since = input.lastReportOn ?? input.assignedOn;
  const due = since ? nextReportDue(input.reportingFrequency, since, calendar) : null;
  if (!due || today <= due) return [];
  return calendar.workingDaysBetween(due, today) > t.yellowWorkingDays
    ? [reason('report_overdue', 2, { due })]
    : [reason('report_late', 1, { due })];
}

function milestoneReasons(input: WarningInput, today: string): WarningReason[] {
  return input.milestones
    .filter((m) => !m.reached && m.plannedDate < today)
    .map((m) => reason('milestone_overdue', 2, { title: m.title, due: m.plannedDate }));
}

function childReasons(input: WarningInput): WarningReason[] {
  const red = input.childLevels.filter((l) => l >= 2).length;
  const yellow = input.childLevels.filter((l) => l === 1).length;
  return [
    ...(red ? [reason('children_red', 2, { count: red })] : []),
    ...(yellow ? [reason('children_yellow', 1, { count: yellow })] : []),
  ];
}

/** The item's light on `today`, with every reason, red ones first. */
export function assessWarning(input: WarningInput, today: string, calendar: WorkingDayCalendar, thresholds: WarningThresholds): Assessment {
  if (!lit.includes(input.status)) return { level: 0, reasons: [] };
  const reasons = [
    ...deadlineReasons(input, today, calendar, thresholds),
    ...signForReasons(input, today, calendar, thresholds),
    ...milestoneReasons(input, today),
    ...reportReasons(input, today, calendar, thresholds),
    ...childReasons(input),
  ].sort((a, b) => b.level - a.level);
  const level = reasons.reduce<0 | 1 | 2>((worst, r) => (r.level > worst ? r.level : worst), 0);
  return { level, reasons };
}
