import type { DeskEntry, DeskGroup, DeskKind } from '@luoshi/contracts';
import { describe, expect, it } from 'vitest';
import { dueState, orderDeskGroups } from './desk-order';

function entry(light: number, workingDaysLeft: number | null): DeskEntry {
  return {
    key: `${light}-${workingDaysLeft}`,
    taskId: '00000000-0000-4000-8000-000000000000',
    serialNumber: '督〔2026〕1号',
    title: '事项',
    leadUnitName: '省教育厅',
    status: 'in_progress',
    light,
    dueDate: null,
    workingDaysLeft,
    action: null,
    reason: null,
    note: null,
    leaderName: null,
    standsInFor: null,
  };
}

const group = (kind: DeskKind, ...entries: DeskEntry[]): DeskGroup => ({ kind, total: entries.length, entries });

describe('orderDeskGroups', () => {
  it('puts the group with a late entry first, then red, then the fewest days left', () => {
    const groups = [
      group('instruction', entry(0, null)),
      group('report_due', entry(0, 4)),
      group('warning', entry(2, 10)),
      group('sign_for', entry(0, 1)),
      group('approval', entry(0, -1)),
    ];
    expect(orderDeskGroups(groups).map((g) => g.kind)).toEqual(['approval', 'warning', 'sign_for', 'report_due', 'instruction']);
  });

  it('keeps the kinds’ order on a tie and never reorders entries', () => {
    const redo = group('redo', entry(0, 5), entry(0, 3));
    const sign = group('sign_for', entry(0, 3));
    const ordered = orderDeskGroups([redo, sign]);
    expect(ordered.map((g) => g.kind)).toEqual(['sign_for', 'redo']);
    expect(ordered[1]?.entries.map((e) => e.workingDaysLeft)).toEqual([5, 3]);
  });
});

describe('dueState', () => {
  it('reads late, today and days left', () => {
    expect(dueState({ workingDaysLeft: -2 })).toEqual({ kind: 'late', days: 2 });
    expect(dueState({ workingDaysLeft: 0 })).toEqual({ kind: 'today' });
    expect(dueState({ workingDaysLeft: 3 })).toEqual({ kind: 'left', days: 3 });
    expect(dueState({ workingDaysLeft: null })).toBeNull();
  });
});
