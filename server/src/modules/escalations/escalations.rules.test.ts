/**
 * What the daily sweep owes an item, day by day across 中秋/国庆 2026 and the 调休 Saturday 10-10: reminders before
 * the deadline, the ladder after it, nothing on holidays, nothing twice, one message after missed days.
 */
import { defaultEscalationWorkingDays } from '@luoshi/contracts';
import { describe, expect, it } from 'vitest';
import calendarSeed from '../../platform/calendar/calendar-seed.json' with { type: 'json' };
import { WorkingDayCalendar, type CalendarException } from '../../platform/calendar/working-days.js';
import { stepKey, stepsDue, type SweepFacts, type SweepPolicy, type SweepStep } from './escalations.rules.js';

const calendar = new WorkingDayCalendar(calendarSeed as CalendarException[]);
const policy: SweepPolicy = { reminderWorkingDays: [3, 1], escalationWorkingDays: defaultEscalationWorkingDays };

function facts(overrides: Partial<SweepFacts> = {}): SweepFacts {
  return {
    status: 'in_progress',
    deadline: '2026-09-30',
    assignedOn: '2026-09-01',
    signForDue: '2026-09-03',
    reportingFrequency: 'once',
    lastReportOn: null,
    ...overrides,
  };
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

/** Runs the rules once a day like the sweep does, recording what was owed; returns day → announced steps. */
function simulate(item: SweepFacts, from: string, to: string, p: SweepPolicy = policy): Record<string, SweepStep[]> {
  const done = new Set<string>();
  const log: Record<string, SweepStep[]> = {};
  for (const day of days(from, to)) {
    const steps = stepsDue(item, day, calendar, p, done);
    steps.forEach((s) => done.add(stepKey(s.rung, s.keyDate)));
    const announced = steps.filter((s) => s.announce);
    if (announced.length) log[day] = announced;
    // Running the same day again owes nothing.
    expect(stepsDue(item, day, calendar, p, done)).toEqual([]);
  }
  return log;
}

const summary = (log: Record<string, SweepStep[]>) =>
  Object.fromEntries(Object.entries(log).map(([day, steps]) => [day, steps.map((s) => `${s.rung}:${s.workingDays}`)]));

describe('the reminder and escalation schedule on the official calendar', () => {
  it('a deadline the day before 国庆: reminders 3 and 1 working days before, the ladder by working days after', () => {
    const log = simulate(facts(), '2026-09-20', '2026-11-10');
    expect(summary(log)).toEqual({
      // 09-25…27 中秋 are off: 09-24 is three working days before Wednesday 09-30.
      '2026-09-24': ['due_3:3'],
      '2026-09-29': ['due_1:1'],
      // 10-01…07 国庆: the first working day after is 10-08, one working day overdue.
      '2026-10-08': ['remind:1'],
      // The 调休 Saturday 10-10 is a working day: three overdue, 催办.
      '2026-10-10': ['urge:3'],
      '2026-10-13': ['notice:5'],
      '2026-10-20': ['bulletin:10'],
      '2026-11-03': ['interview:20'],
    });
  });

  it('nothing is owed on a holiday or a weekend, even when a rung falls due over it', () => {
    const owed = (day: string) => stepsDue(facts({ deadline: '2026-09-24' }), day, calendar, policy, new Set());
    expect(owed('2026-09-26')).toEqual([]); // 中秋
    expect(owed('2026-10-04')).toEqual([]); // 国庆
    expect(owed('2026-10-11')).toEqual([]); // Sunday
    expect(owed('2026-10-10').map((s) => s.announce && s.rung)).toContain('notice'); // 调休 Saturday: a working day
  });

  it('after missed days records every rung passed but announces only the highest', () => {
    const steps = stepsDue(facts(), '2026-10-20', calendar, policy, new Set());
    expect(steps.map((s) => [s.rung, s.announce])).toEqual([
      ['remind', false],
      ['urge', false],
      ['notice', false],
      ['bulletin', true],
    ]);
    expect(steps.at(-1)?.passed).toEqual(['remind', 'urge', 'notice']);
  });

  it('an item registered two days before its deadline gets one reminder, under the nearest day configured', () => {
    const steps = stepsDue(facts(), '2026-09-28', calendar, policy, new Set());
    expect(steps).toEqual([{ rung: 'due_3', keyDate: '2026-09-30', workingDays: 2, announce: true }]);
  });

  it('an extension (a new deadline) starts a new ladder; the old one is not repeated', () => {
    const done = new Set(['remind', 'urge', 'notice'].map((r) => stepKey(r, '2026-09-30')));
    expect(stepsDue(facts(), '2026-10-13', calendar, policy, done)).toEqual([]);
    const extended = facts({ deadline: '2026-10-16' });
    expect(stepsDue(extended, '2026-10-13', calendar, policy, done)).toEqual([
      { rung: 'due_3', keyDate: '2026-10-16', workingDays: 3, announce: true },
    ]);
  });

  it('reminds about 签收 once the limit has passed, and only while not yet signed for', () => {
    const waiting = facts({ status: 'assigned', signForDue: '2026-09-03', deadline: '2026-12-31' });
    expect(stepsDue(waiting, '2026-09-03', calendar, policy, new Set())).toEqual([]);
    expect(stepsDue(waiting, '2026-09-04', calendar, policy, new Set())).toEqual([
      { rung: 'sign_for', keyDate: '2026-09-03', workingDays: 1, announce: true },
    ]);
    expect(stepsDue({ ...waiting, status: 'accepted' }, '2026-09-04', calendar, policy, new Set())).toEqual([]);
  });

  it('reminds the working day before a periodic report falls due, not for the final report at the deadline', () => {
    const weekly = facts({ reportingFrequency: 'weekly', lastReportOn: '2026-10-12', deadline: '2026-12-31' });
    // Due a week after the last report: Monday 10-19; reminded on Friday 10-16 (one working day before).
    expect(stepsDue(weekly, '2026-10-15', calendar, policy, new Set())).toEqual([]);
    expect(stepsDue(weekly, '2026-10-16', calendar, policy, new Set())).toEqual([
      { rung: 'report', keyDate: '2026-10-19', workingDays: 1, announce: true },
    ]);
    const last = facts({ reportingFrequency: 'weekly', lastReportOn: '2026-12-21', deadline: '2026-12-28' });
    expect(stepsDue(last, '2026-12-25', calendar, policy, new Set()).map((s) => s.rung)).not.toContain('report');
  });

  it('owes nothing for items not running: 拟办, 暂停, 申请办结, 办结', () => {
    for (const status of ['draft', 'suspended', 'completion_requested', 'completed']) {
      expect(stepsDue(facts({ status }), '2026-10-20', calendar, policy, new Set())).toEqual([]);
    }
  });

  it('follows the source policy: a 0-day reminder on the day, and a faster ladder', () => {
    const fast: SweepPolicy = {
      reminderWorkingDays: [0],
      escalationWorkingDays: { remind: 1, urge: 2, notice: 3, bulletin: 4, interview: 5 },
    };
    const log = simulate(facts({ deadline: '2026-10-09' }), '2026-10-01', '2026-10-20', fast);
    expect(summary(log)).toEqual({
      '2026-10-09': ['due_0:0'],
      '2026-10-10': ['remind:1'],
      '2026-10-12': ['urge:2'],
      '2026-10-13': ['notice:3'],
      '2026-10-14': ['bulletin:4'],
      '2026-10-15': ['interview:5'],
    });
  });
});
