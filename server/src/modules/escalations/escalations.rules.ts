/**
 * What the daily sweep owes one item today, as one pure function (issue 5; REQUIREMENTS S3 催办, S4): 临期提醒 on the
 * configured working days before the deadline, a 进展反馈 reminder the working day before a report falls due,
 * 逾期未签收 once the 签收 limit has passed, and on an overdue item the ladder 提醒 → 催办 → 督办通知 → 通报候选 →
 * 约谈建议, each rung at its number of working days past the deadline.
 *
 * Nothing is owed on a non-working day (holidays and weekends; a 调休 Saturday is a working day), and every count is
 * in working days on the official calendar, so a deadline before 国庆 is not "five days overdue" on the first day
 * back. Each step carries a key (rung + key date) and is owed only while that key is not yet recorded: a re-run adds
 * nothing, an extension (a new deadline) starts a new ladder. When the sweep missed days (the worker was down), the
 * rungs passed meanwhile are recorded but only the highest one is announced — one message, not a burst.
 */
import { escalationRungValues, type EscalationRung, type EscalationWorkingDays } from '@luoshi/contracts';
import type { WorkingDayCalendar } from '../../platform/calendar/working-days.js';
import { nextReportDue } from '../warnings/index.js';

/** Statuses in which the unit is working on the item and so may be reminded and escalated. */
export const runningStatuses: readonly string[] = ['assigned', 'accepted', 'in_progress'];

export interface SweepPolicy {
  reminderWorkingDays: readonly number[];
  escalationWorkingDays: EscalationWorkingDays;
}

export interface SweepFacts {
  status: string;
  /** Shanghai dates. */
  deadline: string | null;
  assignedOn: string | null;
  /** 签收 due date (from 交办 and the source's 签收 limit), when the item awaits 签收. */
  signForDue: string | null;
  reportingFrequency: string;
  lastReportOn: string | null;
}

/** One step the sweep takes: record `rung` against `keyDate`; `announce` = timeline, audit and notification. */
export interface SweepStep {
  rung: EscalationRung | 'report' | 'sign_for' | `due_${number}`;
  keyDate: string;
  /** Working days left to the key date (临期, report) or past it (overdue rungs, 签收). */
  workingDays: number;
  announce: boolean;
  /** Lower rungs recorded silently with this one (missed days). */
  passed?: EscalationRung[];
}

/** The key a step is recorded under: `${rung}@${keyDate}`. */
export function stepKey(rung: string, keyDate: string): string {
  return `${rung}@${keyDate}`;
}

function deadlineReminders(facts: SweepFacts, today: string, calendar: WorkingDayCalendar, policy: SweepPolicy, done: ReadonlySet<string>) {
  const { deadline } = facts;
  if (!deadline || today > deadline) return [];
  const left = calendar.workingDaysBetween(today, deadline);
  // Every configured day already reached (left ≤ n) and not yet recorded; one message, under the nearest one.
  const owed = [...policy.reminderWorkingDays].filter((n) => left <= n && !done.has(stepKey(`due_${n}`, deadline))).sort((a, b) => a - b);
  return owed.map((n, i): SweepStep => ({ rung: `due_${n}`, keyDate: deadline, workingDays: left, announce: i === 0 }));
}

function reportReminder(facts: SweepFacts, today: string, calendar: WorkingDayCalendar, done: ReadonlySet<string>): SweepStep[] {
  if (facts.status === 'assigned') return []; // not yet 签收: the 签收 reminder speaks first
  const since = facts.lastReportOn ?? facts.assignedOn;
  if (!since) return [];
  const due = nextReportDue(facts.reportingFrequency, since, calendar);
  // A report due on or after the deadline is the final one: the deadline reminders cover it.
  if (!due || (facts.deadline && due >= facts.deadline) || done.has(stepKey('report', due))) return [];
  const left = calendar.workingDaysBetween(today, due);
  return left <= 1 ? [{ rung: 'report', keyDate: due, workingDays: left, announce: true }] : [];
}

function signForReminder(facts: SweepFacts, today: string, calendar: WorkingDayCalendar, done: ReadonlySet<string>): SweepStep[] {
  const due = facts.signForDue;
  if (facts.status !== 'assigned' || !due || today <= due || done.has(stepKey('sign_for', due))) return [];
  return [{ rung: 'sign_for', keyDate: due, workingDays: calendar.workingDaysBetween(due, today), announce: true }];
}

function ladder(facts: SweepFacts, today: string, calendar: WorkingDayCalendar, policy: SweepPolicy, done: ReadonlySet<string>) {
  const { deadline } = facts;
  if (!deadline || today <= deadline) return [];
  const overdue = calendar.workingDaysBetween(deadline, today);
  const reached = escalationRungValues.filter((rung) => overdue >= policy.escalationWorkingDays[rung]);
  const owed = reached.filter((rung) => !done.has(stepKey(rung, deadline)));
  const top = owed.at(-1);
  if (!top) return [];
  const passed = owed.slice(0, -1);
  return [
    ...passed.map((rung): SweepStep => ({ rung, keyDate: deadline, workingDays: overdue, announce: false })),
    { rung: top, keyDate: deadline, workingDays: overdue, announce: true, ...(passed.length ? { passed } : {}) },
  ];
}

/** The steps owed today; `done` holds the keys (stepKey) already recorded for the item. */
export function stepsDue(
  facts: SweepFacts,
  today: string,
  calendar: WorkingDayCalendar,
  policy: SweepPolicy,
  done: ReadonlySet<string>,
): SweepStep[] {
  if (!runningStatuses.includes(facts.status) || !calendar.isWorkingDay(today)) return [];
  return [
    ...signForReminder(facts, today, calendar, done),
    ...deadlineReminders(facts, today, calendar, policy, done),
    ...reportReminder(facts, today, calendar, done),
    ...ladder(facts, today, calendar, policy, done),
  ];
}
