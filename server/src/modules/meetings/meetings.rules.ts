/**
 * The pure rules of 会议: who may attend an agenda item, when materials are late, and where a decision's items stand.
 * No database here, so each rule is unit-tested on its own.
 */
import type { DecisionProgress, DecisionSummary, SupervisedItem, TaskStatus } from '@luoshi/contracts';
import type { ErrorCode } from '@luoshi/contracts';

/** A person proposed as an attendee, with their unit's path. */
export interface AttendeeCandidate {
  name: string;
  unitId: string;
  unitPath: string;
  isLeader: boolean;
}

export type AttendanceVerdict =
  { ok: true; basis: 'leadership' | 'designated' } | { ok: false; code: Extract<ErrorCode, `MEETING_ATTENDEE_${string}`> };

/**
 * "不能代表本地本部门（单位）和不熟悉情况的人员不得参会": the unit must be concerned by the item; the person must belong
 * to it; and they must be in its leadership (a leader of that very unit) or be registered as its representative by
 * the unit's leader (`registrantLeadsUnit`: the registering account is a 单位负责人 whose scope holds the unit).
 */
export function attendanceVerdict(input: {
  person: AttendeeCandidate;
  unit: { id: string; path: string };
  isConcerned: boolean;
  registrantLeadsUnit: boolean;
}): AttendanceVerdict {
  if (!input.isConcerned) return { ok: false, code: 'MEETING_ATTENDEE_UNIT_NOT_CONCERNED' };
  if (!input.person.unitPath.startsWith(input.unit.path)) return { ok: false, code: 'MEETING_ATTENDEE_NOT_OF_UNIT' };
  if (input.person.isLeader && input.person.unitId === input.unit.id) return { ok: true, basis: 'leadership' };
  if (input.registrantLeadsUnit) return { ok: true, basis: 'designated' };
  return { ok: false, code: 'MEETING_ATTENDEE_NOT_REPRESENTATIVE' };
}

/** Materials are late when handed in after their due date (Asia/Shanghai dates, the due day itself counts). */
export function isLate(today: string, dueOn: string): boolean {
  return today > dueOn;
}

const doneStatuses: readonly TaskStatus[] = ['completed', 'evaluated', 'archived'];

/** Whether an item counts as 已办结 in the meeting's summary. */
export function isDone(status: TaskStatus): boolean {
  return doneStatuses.includes(status);
}

/** Overdue: still open (not done, not ended) and its deadline passed. */
export function isOverdue(
  item: { status: TaskStatus; deadline: string | null },
  today: string,
  openStatuses: readonly TaskStatus[],
): boolean {
  return openStatuses.includes(item.status) && item.deadline !== null && item.deadline < today;
}

/**
 * Where a clause stands: no action needed; needing supervision but not yet an item; 已办结 when every item it
 * became is done; 逾期 when any is overdue; otherwise 正常推进.
 */
export function decisionProgress(clause: {
  needsAction: boolean;
  documentDeadline: string | null;
  items: readonly Pick<SupervisedItem, 'status' | 'isOverdue'>[];
}): DecisionProgress {
  const wantsItems = clause.needsAction || clause.documentDeadline !== null;
  if (clause.items.length === 0) return wantsItems ? 'not_supervised' : 'no_action';
  if (clause.items.some((i) => i.isOverdue)) return 'overdue';
  if (clause.items.every((i) => isDone(i.status))) return 'done';
  return 'on_track';
}

/** "决定事项 11 项，已办结 6，正常推进 3，逾期 2" (and the clauses not yet supervised or needing no action). */
export function summarise(progress: readonly DecisionProgress[]): DecisionSummary {
  const count = (p: DecisionProgress) => progress.filter((x) => x === p).length;
  return {
    total: progress.length,
    done: count('done'),
    onTrack: count('on_track'),
    overdue: count('overdue'),
    notSupervised: count('not_supervised'),
    noAction: count('no_action'),
  };
}

/** A meeting's default title: 第3次政府常务会议. */
export function meetingTitle(seq: number, typeName: string): string {
  return `第${seq}次${typeName}`;
}

/** The minutes' default number: 〔2026〕3号 (the 纪要 mark above it names the government and meeting type). */
export function defaultMinutesNumber(year: number, seq: number): string {
  return `〔${year}〕${seq}号`;
}
