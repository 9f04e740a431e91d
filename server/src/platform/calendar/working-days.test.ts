/** Working-day maths on the official calendar, at the boundaries that matter: holidays, 调休 Saturdays, weekends. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import calendarSeed from './calendar-seed.json' with { type: 'json' };
import { todayInShanghai, WorkingDayCalendar, type CalendarDayKind } from './working-days.js';

const calendar = new WorkingDayCalendar(calendarSeed.map((d) => ({ ...d, kind: d.kind as CalendarDayKind })));

describe('WorkingDayCalendar on the official 2024–2026 calendar', () => {
  it('knows holidays, make-up workdays and plain weekends', () => {
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false); // 国庆节 (Wednesday)
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // 调休 Sunday
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true); // 春节调休 Sunday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // plain Saturday
    expect(calendar.isWorkingDay('2026-11-27')).toBe(true); // plain Friday
  });

  it('skips the National Day week when adding working days', () => {
    // Tuesday 2025-09-30 + 1 working day jumps over 10-01..10-08 to Thursday 10-09.
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    // Friday 2025-09-26 + 1 is the make-up Sunday 09-28.
    expect(calendar.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
  });

  it('counts the 春节 2026 period correctly: 15 working days from 交办 on 2026-02-10', () => {
    // 02-11, 02-12, 02-13, 02-14 (调休 Saturday), then holiday 02-15..02-23, then 02-24 … .
    expect(calendar.addWorkingDays('2026-02-10', 4)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-10', 5)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
  });

  it('counts working days between two dates, excluding the start, including the end', () => {
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1); // Fri → Mon
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-27')).toBe(-1);
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    // addWorkingDays and workingDaysBetween agree.
    expect(calendar.workingDaysBetween('2026-02-10', calendar.addWorkingDays('2026-02-10', 15))).toBe(15);
  });

  it('treats a date without exceptions by weekday, and rejects malformed dates', () => {
    const empty = new WorkingDayCalendar([]);
    expect(empty.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(() => empty.addWorkingDays('2026-13-01', 1)).toThrow(RangeError);
  });
});

describe('todayInShanghai', () => {
  it('uses the Beijing date, not the UTC date', () => {
    expect(todayInShanghai(new ManualClock('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
    expect(todayInShanghai(new ManualClock('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
});
