/**
 * Warning lights at the boundaries that matter in China: the 中秋/国庆 holidays of 2026 and the 调休 Saturday that
 * follows them, deadlines today and yesterday, sign-for and report duties, the planned trajectory, sub-items.
 */
import { describe, expect, it } from 'vitest';
import calendarSeed from '../../platform/calendar/calendar-seed.json' with { type: 'json' };
import { WorkingDayCalendar, type CalendarException } from '../../platform/calendar/working-days.js';
import { rolledUpPercent } from './rollup.rules.js';
import { assessWarning, defaultThresholds, nextReportDue, plannedPercentOn, type WarningInput } from './warnings.rules.js';

const calendar = new WorkingDayCalendar(calendarSeed as CalendarException[]);

function item(overrides: Partial<WarningInput> = {}): WarningInput {
  return {
    status: 'in_progress',
    assignedOn: '2026-09-01',
    deadline: '2026-10-09',
    reportingFrequency: 'once',
    lastReportOn: null,
    progressPercent: null,
    milestones: [],
    childLevels: [],
    ...overrides,
  };
}

const on = (today: string, input: WarningInput = item()) => assessWarning(input, today, calendar, defaultThresholds);
const codes = (today: string, input?: WarningInput) => on(today, input).reasons.map((r) => r.code);

describe('deadline lights on the working-day calendar', () => {
  it('counts only working days across 国庆: four working days before a Friday deadline is still green', () => {
    // 09-29, 09-30, 10-08, 10-09 are the working days after Monday 2026-09-28 (10-01…10-07 are holidays).
    expect(on('2026-09-28')).toEqual({ level: 0, reasons: [] });
    expect(on('2026-09-29')).toMatchObject({ level: 1, reasons: [{ code: 'deadline_near', params: { days: 3 } }] });
    // Without the holidays 2026-09-30 would be seven working days away; with them it is two.
    expect(on('2026-09-30').reasons).toEqual([{ code: 'deadline_near', level: 1, params: { days: 2 } }]);
  });

  it('counts the 调休 Saturday 2026-10-10 as a working day', () => {
    const input = item({ deadline: '2026-10-12' });
    expect(on('2026-10-09', input).reasons).toEqual([{ code: 'deadline_near', level: 1, params: { days: 2 } }]);
  });

  it('is yellow on the deadline day and red the day after, with the days overdue', () => {
    expect(codes('2026-10-09')).toEqual(['deadline_today']);
    expect(on('2026-10-10')).toEqual({
      level: 2,
      reasons: [{ code: 'deadline_overdue', level: 2, params: { deadline: '2026-10-09', days: 1 } }],
    });
  });

  it('turns yellow when 90 % of the time has passed, even with many working days left', () => {
    const input = item({ assignedOn: '2026-01-05', deadline: '2026-12-31' });
    expect(on('2026-11-27', input).reasons).toEqual([{ code: 'time_elapsed', level: 1, params: { percent: 90 } }]);
    expect(on('2026-11-20', input).level).toBe(0);
  });

  it('lights only items with the unit: a completed item past its deadline is green', () => {
    expect(on('2026-11-01', item({ status: 'completed' }))).toEqual({ level: 0, reasons: [] });
    expect(on('2026-11-01', item({ status: 'suspended' })).level).toBe(0);
  });
});

describe('sign-for, reports, trajectory, milestones, sub-items', () => {
  it('签收 is due two working days after 交办, across the holiday', () => {
    const input = item({ status: 'assigned', assignedOn: '2026-09-30', deadline: '2026-12-31' });
    expect(codes('2026-10-08', input)).toEqual([]);
    expect(on('2026-10-09', input).reasons).toEqual([{ code: 'sign_for_due', level: 1, params: { due: '2026-10-09' } }]);
    expect(on('2026-10-10', input).reasons).toEqual([{ code: 'sign_for_overdue', level: 2, params: { due: '2026-10-09' } }]);
  });

  it('a monthly report due on a holiday is due on the next working day; late is yellow, more than 3 working days red', () => {
    expect(nextReportDue('monthly', '2026-09-01', calendar)).toBe('2026-10-08');
    expect(nextReportDue('weekly', '2026-09-18', calendar)).toBe('2026-09-28');
    expect(nextReportDue('once', '2026-09-18', calendar)).toBeNull();
    const input = item({ reportingFrequency: 'monthly', lastReportOn: '2026-08-31', deadline: '2026-12-31' });
    expect(codes('2026-09-30', input)).toEqual([]);
    expect(on('2026-10-08', input).reasons).toEqual([{ code: 'report_late', level: 1, params: { due: '2026-09-30' } }]);
    // 10-08, 10-09 and the 调休 Saturday 10-10 are three working days late; Monday 10-12 is the fourth.
    expect(on('2026-10-10', input).level).toBe(1);
    expect(on('2026-10-12', input).reasons).toEqual([{ code: 'report_overdue', level: 2, params: { due: '2026-09-30' } }]);
  });

  it('compares progress with 序时进度 along the milestones', () => {
    const milestones = [{ title: '完成选址', plannedDate: '2026-04-01', plannedPercent: 60, reached: true }];
    expect(plannedPercentOn('2026-05-01', '2026-03-02', '2026-06-30', [])).toBe(50);
    expect(plannedPercentOn('2026-04-01', '2026-03-02', '2026-06-30', milestones)).toBe(60);
    const input = item({ assignedOn: '2026-03-02', deadline: '2026-06-30', progressPercent: 45, milestones });
    expect(on('2026-04-01', input).reasons).toEqual([{ code: 'behind_plan', level: 1, params: { planned: 60, actual: 45 } }]);
    expect(on('2026-04-01', { ...input, progressPercent: 55 }).level).toBe(0);
  });

  it('a milestone passed unreached is red; a reached one is not', () => {
    const milestones = [
      { title: '完成招标', plannedDate: '2026-09-15', plannedPercent: 30, reached: false },
      { title: '完成选址', plannedDate: '2026-09-10', plannedPercent: 20, reached: true },
    ];
    const input = item({ deadline: '2026-12-31', milestones });
    expect(on('2026-09-15', input).level).toBe(0);
    expect(on('2026-09-16', input).reasons).toEqual([
      { code: 'milestone_overdue', level: 2, params: { title: '完成招标', due: '2026-09-15' } },
    ]);
  });

  it('the worst light of the sub-items rolls up, red reasons first', () => {
    const input = item({ deadline: '2026-12-31', childLevels: [0, 1, 2, 1] });
    expect(on('2026-09-10', input)).toEqual({
      level: 2,
      reasons: [
        { code: 'children_red', level: 2, params: { count: 1 } },
        { code: 'children_yellow', level: 1, params: { count: 2 } },
      ],
    });
  });
});

describe('progress roll-up', () => {
  const children = [
    { status: 'in_progress', progressPercent: 80, weight: 3 },
    { status: 'accepted', progressPercent: null, weight: 1 },
    { status: 'completed', progressPercent: 70, weight: 1 },
    { status: 'withdrawn', progressPercent: 0, weight: 5 },
  ];
  it('averages, weighs, or counts the share done; done counts 100 %, withdrawn not at all', () => {
    expect(rolledUpPercent(null, children)).toBe(60);
    expect(rolledUpPercent('average', children)).toBe(60);
    expect(rolledUpPercent('weighted', children)).toBe(68);
    expect(rolledUpPercent('status', children)).toBe(33);
    expect(rolledUpPercent('average', [{ status: 'terminated', progressPercent: 10, weight: 1 }])).toBeNull();
  });
});
