import { describe, expect, it } from 'vitest';
import {
  barOf,
  barTone,
  centreOf,
  dateOfDay,
  dayNumber,
  ganttScale,
  isBehindPlan,
  maxPxPerDay,
  minPxPerDay,
  milestoneMark,
  monthTicks,
  tickLabel,
  todayX,
  xOf,
} from './gantt-geometry';

const row = (start: string, deadline: string | null, milestones: { plannedDate: string }[] = []) => ({
  start,
  deadline,
  milestones: milestones.map((m) => ({ ...m, title: 'm', plannedPercent: 50, reached: false })),
});

describe('dates as day numbers', () => {
  it('round-trips and counts days across month and leap-year ends', () => {
    expect(dateOfDay(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    expect(dayNumber('2027-01-01') - dayNumber('2026-12-31')).toBe(1);
  });
});

describe('ganttScale', () => {
  it('spans whole months from the earliest to the latest date, today and milestones included', () => {
    const scale = ganttScale([row('2026-03-10', '2026-06-30', [{ plannedDate: '2026-05-15' }])], '2026-02-20', 1000);
    expect(dateOfDay(scale.firstDay)).toBe('2026-02-01');
    expect(dateOfDay(scale.lastDay)).toBe('2026-06-30');
    // 150 days (Feb 28 + Mar 31 + Apr 30 + May 31 + Jun 30) in 1000 px.
    expect(scale.pxPerDay).toBeCloseTo(1000 / 150);
    expect(scale.width).toBe(1000);
  });
  it('keeps a day at least minPxPerDay wide (the chart scrolls) and at most maxPxPerDay', () => {
    const long = ganttScale([row('2026-01-01', '2030-12-31')], '2026-01-01', 390);
    expect(long.pxPerDay).toBe(minPxPerDay);
    expect(long.width).toBeGreaterThan(390);
    const short = ganttScale([row('2026-03-02', '2026-03-06')], '2026-03-03', 5000);
    expect(short.pxPerDay).toBe(maxPxPerDay);
  });
  it('still spans the item when it has no deadline', () => {
    const scale = ganttScale([row('2026-04-01', null)], '2026-04-10', 600);
    expect(dateOfDay(scale.firstDay)).toBe('2026-04-01');
    expect(dateOfDay(scale.lastDay)).toBe('2026-04-30');
  });
});

describe('barOf', () => {
  const scale = { firstDay: dayNumber('2026-03-01'), lastDay: dayNumber('2026-03-31'), pxPerDay: 10, width: 310 };
  it('runs from the start day to the end of the deadline day, filled to the progress, with the 序时 marker', () => {
    const bar = barOf(scale, { start: '2026-03-02', deadline: '2026-03-11', progressPercent: 40, plannedPercent: 50 }, '2026-03-05');
    expect(bar).toEqual({ left: 10, width: 100, fillWidth: 40, plannedX: 60, openEnded: false });
  });
  it('clamps progress, has no marker without a plan, and is at least a day wide', () => {
    const bar = barOf(scale, { start: '2026-03-02', deadline: '2026-03-02', progressPercent: 130, plannedPercent: null }, '2026-03-05');
    expect(bar).toMatchObject({ width: 10, fillWidth: 10, plannedX: null });
    expect(
      barOf(scale, { start: '2026-03-02', deadline: '2026-03-02', progressPercent: null, plannedPercent: 0 }, '2026-03-05').fillWidth,
    ).toBe(0);
  });
  it('draws an item without a deadline up to today, open-ended', () => {
    const bar = barOf(scale, { start: '2026-03-02', deadline: null, progressPercent: null, plannedPercent: null }, '2026-03-06');
    expect(bar).toMatchObject({ left: 10, width: 50, openEnded: true });
  });
});

describe('today and months', () => {
  const scale = ganttScale([row('2026-01-15', '2026-03-10')], '2026-02-01', 590);
  it('puts today in the middle of its day, or nowhere outside the chart', () => {
    expect(todayX(scale, '2026-02-01')).toBe(centreOf(scale, '2026-02-01'));
    expect(centreOf(scale, '2026-02-01')).toBeCloseTo(xOf(scale, '2026-02-01') + scale.pxPerDay / 2);
    expect(todayX(scale, '2025-12-31')).toBeNull();
    expect(todayX(scale, '2026-04-01')).toBeNull();
  });
  it('lists each month with its own width, adding up to the chart', () => {
    const ticks = monthTicks(scale);
    expect(ticks.map((tick) => tick.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(ticks[1]?.x).toBeCloseTo(31 * scale.pxPerDay);
    expect(ticks[1]?.width).toBeCloseTo(28 * scale.pxPerDay);
    expect(ticks.reduce((sum, tick) => sum + tick.width, 0)).toBeCloseTo(scale.width, 0);
  });
});

describe('tickLabel', () => {
  it('writes the month out where it fits, else the year in January and the month number elsewhere', () => {
    expect(tickLabel({ month: '2026-03', x: 0, width: 93 })).toBe('2026-03');
    expect(tickLabel({ month: '2026-03', x: 0, width: 46 })).toBe('03');
    expect(tickLabel({ month: '2027-01', x: 0, width: 46 })).toBe('2027');
  });
});

describe('bar tone and plan', () => {
  it('uses the light while the unit works, and neutral tones before 交办, once done, or when stopped', () => {
    expect(barTone({ status: 'in_progress', warning: 'red' })).toBe('red');
    expect(barTone({ status: 'assigned', warning: 'yellow' })).toBe('yellow');
    expect(barTone({ status: 'pending_approval', warning: 'green' })).toBe('draft');
    expect(barTone({ status: 'completed', warning: 'green' })).toBe('done');
    expect(barTone({ status: 'suspended', warning: 'green' })).toBe('stopped');
  });
  it('is behind plan only when the actual progress lags a known 序时进度', () => {
    expect(isBehindPlan({ progressPercent: 30, plannedPercent: 45 })).toBe(true);
    expect(isBehindPlan({ progressPercent: null, plannedPercent: 20 })).toBe(true);
    expect(isBehindPlan({ progressPercent: 50, plannedPercent: 45 })).toBe(false);
    expect(isBehindPlan({ progressPercent: 10, plannedPercent: null })).toBe(false);
  });
});

describe('milestoneMark', () => {
  it('fills a reached milestone, marks a passed unreached one overdue, else upcoming', () => {
    expect(milestoneMark({ plannedDate: '2026-11-20', reached: true }, '2026-11-27')).toBe('reached');
    expect(milestoneMark({ plannedDate: '2026-11-20', reached: false }, '2026-11-27')).toBe('overdue');
    expect(milestoneMark({ plannedDate: '2026-11-27', reached: false }, '2026-11-27')).toBe('upcoming');
  });
});
