/**
 * The desk's order of urgency, as pure logic (unit-tested): a group comes first when its most urgent entry is more
 * urgent — late before due, red before yellow before green, fewer working days left first — and, on a tie, in the
 * contracts' order of kinds (签收 before 退回重办 before approvals …). Entries keep the server's order, which is
 * already most urgent first within a group.
 */
import { deskKindValues, type DeskEntry, type DeskGroup } from '@luoshi/contracts';

/** Lower is more urgent: [late?, light, working days left]. */
export function urgencyKey(entry: Pick<DeskEntry, 'light' | 'workingDaysLeft'>): [number, number, number] {
  const left = entry.workingDaysLeft ?? Number.POSITIVE_INFINITY;
  return [left < 0 ? 0 : 1, 2 - entry.light, left];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The group's most urgent entry's key (an empty group sorts last). */
function groupKey(group: DeskGroup): [number, number, number] {
  return group.entries
    .map(urgencyKey)
    .reduce<[number, number, number]>((best, k) => (compareKeys(k, best) < 0 ? k : best), [2, 3, Number.POSITIVE_INFINITY]);
}

/** Groups most urgent first. */
export function orderDeskGroups(groups: readonly DeskGroup[]): DeskGroup[] {
  const rank = (g: DeskGroup) => deskKindValues.indexOf(g.kind);
  return [...groups].sort((a, b) => compareKeys(groupKey(a), groupKey(b)) || rank(a) - rank(b));
}

/** How an entry's due date reads: late by n, due today, or n working days left. */
export type DueState = { kind: 'late'; days: number } | { kind: 'today' } | { kind: 'left'; days: number } | null;

export function dueState(entry: Pick<DeskEntry, 'workingDaysLeft'>): DueState {
  const left = entry.workingDaysLeft;
  if (left === null) return null;
  if (left < 0) return { kind: 'late', days: -left };
  return left === 0 ? { kind: 'today' } : { kind: 'left', days: left };
}
