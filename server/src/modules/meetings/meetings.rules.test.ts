/** The pure rules of 会议: attendance, lateness, and where a decision's items stand. */
import { describe, expect, it } from 'vitest';
import { attendanceVerdict, decisionProgress, isLate, summarise } from './meetings.rules.js';

const unit = { id: 'u1', path: '/p/u1/' };
const person = (over: Partial<{ unitId: string; unitPath: string; isLeader: boolean }> = {}) => ({
  name: '张三',
  unitId: 'u1',
  unitPath: '/p/u1/',
  isLeader: false,
  ...over,
});

describe('attendanceVerdict', () => {
  it('admits the unit’s leadership, and others only when the unit’s leader registers them', () => {
    expect(attendanceVerdict({ person: person({ isLeader: true }), unit, isConcerned: true, registrantLeadsUnit: false })).toEqual({
      ok: true,
      basis: 'leadership',
    });
    expect(attendanceVerdict({ person: person(), unit, isConcerned: true, registrantLeadsUnit: true })).toEqual({
      ok: true,
      basis: 'designated',
    });
    expect(attendanceVerdict({ person: person(), unit, isConcerned: true, registrantLeadsUnit: false })).toMatchObject({
      code: 'MEETING_ATTENDEE_NOT_REPRESENTATIVE',
    });
    // A leader of a division below the unit is not the unit's leadership.
    expect(
      attendanceVerdict({
        person: person({ isLeader: true, unitId: 'd1', unitPath: '/p/u1/d1/' }),
        unit,
        isConcerned: true,
        registrantLeadsUnit: false,
      }),
    ).toMatchObject({ code: 'MEETING_ATTENDEE_NOT_REPRESENTATIVE' });
  });

  it('refuses a unit that is not concerned and a person from elsewhere, whoever registers them', () => {
    expect(attendanceVerdict({ person: person({ isLeader: true }), unit, isConcerned: false, registrantLeadsUnit: true })).toMatchObject({
      code: 'MEETING_ATTENDEE_UNIT_NOT_CONCERNED',
    });
    expect(
      attendanceVerdict({
        person: person({ unitId: 'x', unitPath: '/p/x/', isLeader: true }),
        unit,
        isConcerned: true,
        registrantLeadsUnit: true,
      }),
    ).toMatchObject({ code: 'MEETING_ATTENDEE_NOT_OF_UNIT' });
  });
});

describe('materials and decisions', () => {
  it('counts materials late only after the due day', () => {
    expect(isLate('2026-03-05', '2026-03-05')).toBe(false);
    expect(isLate('2026-03-06', '2026-03-05')).toBe(true);
  });

  it('classifies each clause and sums the meeting up', () => {
    const open = { status: 'in_progress' as const, isOverdue: false };
    const late = { status: 'in_progress' as const, isOverdue: true };
    const done = { status: 'completed' as const, isOverdue: false };
    const progress = [
      decisionProgress({ needsAction: false, documentDeadline: null, items: [] }),
      decisionProgress({ needsAction: true, documentDeadline: null, items: [] }),
      decisionProgress({ needsAction: false, documentDeadline: '2026-04-30', items: [] }),
      decisionProgress({ needsAction: true, documentDeadline: null, items: [done] }),
      decisionProgress({ needsAction: true, documentDeadline: '2026-04-30', items: [done, open] }),
      decisionProgress({ needsAction: true, documentDeadline: '2026-04-30', items: [done, late] }),
    ];
    expect(progress).toEqual(['no_action', 'not_supervised', 'not_supervised', 'done', 'on_track', 'overdue']);
    expect(summarise(progress)).toEqual({ total: 6, done: 1, onTrack: 1, overdue: 1, notSupervised: 2, noAction: 1 });
  });
});
