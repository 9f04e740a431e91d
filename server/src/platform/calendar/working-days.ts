/**
 * Working-day arithmetic on the official calendar — the one implementation every deadline uses.
 *
 * Days are local dates in Asia/Shanghai written 'YYYY-MM-DD'. A day is a working day when it is Monday–Friday and
 * not a 法定节假日, or when it is a 调休 make-up working day (a weekend day that is worked).
 */
import type { Clock } from '../clock.js';

export type CalendarDayKind = 'holiday' | 'makeup_workday';

export interface CalendarException {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

const DAY_MS = 86_400_000;
const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Asia/Shanghai, whatever the server's time zone. */
export function todayInShanghai(clock: Clock): string {
  return shanghaiDate.format(clock.now());
}

/** The Asia/Shanghai date of an instant (a timestamp column may arrive as a Date or as text); null stays null. */
export function shanghaiDateOf(at: Date | string | null): string | null {
  return at ? shanghaiDate.format(new Date(at)) : null;
}

function toUtcMs(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a date: ${day}`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(toUtcMs(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export class WorkingDayCalendar {
  private readonly exceptions: ReadonlyMap<string, CalendarException>;

  constructor(exceptions: Iterable<CalendarException>) {
    this.exceptions = new Map([...exceptions].map((e) => [e.day, e]));
  }

  isWorkingDay(day: string): boolean {
    const exception = this.exceptions.get(day);
    if (exception) return exception.kind === 'makeup_workday';
    return !isWeekend(day);
  }

  /**
   * The date `n` working days after `from` (before it when n < 0); `from` itself is never counted.
   * n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: string, n: number): string {
    let ms = toUtcMs(from);
    const step = n < 0 ? -DAY_MS : DAY_MS;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      ms += step;
      if (this.isWorkingDay(fromUtcMs(ms))) remaining--;
    }
    return fromUtcMs(ms);
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier.
   * E.g. from a Friday to the next Monday is 1.
   */
  workingDaysBetween(from: string, to: string): number {
    const start = toUtcMs(from);
    const end = toUtcMs(to);
    if (end < start) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let ms = start + DAY_MS; ms <= end; ms += DAY_MS) {
      if (this.isWorkingDay(fromUtcMs(ms))) count++;
    }
    return count;
  }
}
