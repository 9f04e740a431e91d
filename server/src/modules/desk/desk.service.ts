/**
 * The 工作台 (issue 13 item 2/4): what awaits the reader today, grouped and most urgent first. It only reads: every
 * entry links to the item, where the step itself is taken under the lifecycle's rules.
 */
import {
  DESK_GROUP_CAP,
  TODO_GROUP_CAP,
  deskKindValues,
  type Desk,
  type DeskEntry,
  type DeskGroup,
  type DeskKind,
  type DeskReason,
  type TaskAction,
  type TaskStatus,
} from '@luoshi/contracts';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { todayInShanghai, type WorkingDayCalendar } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { allowedActions, factsOf } from '../tasks/index.js';
import { allThresholds, defaultThresholds, nextReportDue, signForDueOf, type WarningThresholds } from '../warnings/index.js';
import { groupQueries } from './desk.groups.js';
import { groupRows, type DeskReader, type DeskRow } from './desk.repository.js';

/** Steps that are never "the next thing to do" on a desk (optional or asked of someone else). */
const notNextSteps: readonly TaskAction[] = [
  'urge',
  'withdraw',
  'return',
  'submit_for_approval',
  'request_suspension',
  'request_termination',
  'request_withdrawal',
  'resume',
];

const approvalAction: Record<string, TaskAction | null> = {
  extension: null,
  completion: 'approve_completion',
  assignment: 'approve_assignment',
  suspend: 'approve_change',
  terminate: 'approve_change',
  withdraw: 'approve_change',
};

interface Reckoning {
  today: string;
  calendar: WorkingDayCalendar;
  thresholds: Map<string, WarningThresholds>;
}

/** The date an entry of `kind` is due by. */
function dueOf(kind: DeskKind, row: DeskRow, r: Reckoning): string | null {
  if (kind === 'sign_for' && row.assigned_on) {
    return signForDueOf(row.assigned_on, r.calendar, r.thresholds.get(row.source) ?? defaultThresholds);
  }
  if (kind === 'report_due' && row.since_on) return nextReportDue(row.reporting_frequency, row.since_on, r.calendar);
  return row.deadline;
}

/** The lifecycle step the entry stands for, checked against the rules for the party the group is about. */
function actionOf(kind: DeskKind, row: DeskRow): TaskAction | null {
  const status = row.status as TaskStatus;
  const facts = factsOf({ pendingChange: row.pending_change, responsibleLeaderId: row.responsible_leader_id });
  if (kind === 'sign_for') return 'accept';
  if (kind === 'redo') return row.reason === 'send_back' ? 'request_completion' : null;
  if (kind === 'approval') return approvalAction[row.reason ?? ''] ?? null;
  if (kind !== 'next_step') return null;
  const asParty = (isSupervisor: boolean, isLeadUnit: boolean) =>
    allowedActions(status, { isSupervisor, isLeadUnit, isResponsibleLeader: false }, facts).find((a) => !notNextSteps.includes(a));
  return asParty(true, false) ?? asParty(false, true) ?? null;
}

function entryOf(kind: DeskKind, row: DeskRow, r: Reckoning): DeskEntry {
  const dueDate = dueOf(kind, row, r);
  return {
    key: row.key,
    taskId: row.task_id,
    serialNumber: row.serial_number,
    title: row.title,
    leadUnitName: row.lead_unit_name,
    status: row.status as TaskStatus,
    light: Math.min(2, Math.max(0, row.warning_level)),
    dueDate,
    workingDaysLeft: dueDate ? r.calendar.workingDaysBetween(r.today, dueDate) : null,
    action: actionOf(kind, row),
    reason: (row.reason as DeskReason | null) ?? null,
    note: row.note,
    leaderName: row.leader_name,
    standsInFor: row.stands_in_for,
  };
}

/** Sign-for limits and report dates are worked out here (working days), so order those groups by them. */
function byDueDate(a: DeskEntry, b: DeskEntry): number {
  return (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');
}

/** `GET /api/desk`. */
export async function getDesk(deps: Deps, ctx: RequestContext): Promise<Desk> {
  return readDesk(deps, ctx, DESK_GROUP_CAP);
}

/** `GET /api/desk/todo`: the same groups, up to TODO_GROUP_CAP entries each (the 待办 centre). */
export async function getTodo(deps: Deps, ctx: RequestContext): Promise<Desk> {
  return readDesk(deps, ctx, TODO_GROUP_CAP);
}

async function readDesk(deps: Deps, ctx: RequestContext, cap: number): Promise<Desk> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const roles = actor.roles as string[];
  const today = todayInShanghai(ctx.clock);
  const reader: DeskReader = {
    scope: actor.scope,
    userId: actor.userId,
    personId: actor.personId,
    today,
    lead: roles.includes('unit_handler') || roles.includes('unit_leader'),
    unitLeader: roles.includes('unit_leader'),
    supervisor: roles.includes('supervisor'),
    leader: roles.includes('government_leader') && !!actor.personId,
  };
  const queries = groupQueries(reader, ctx.clock.now().toISOString());
  const kinds = deskKindValues.filter((k) => queries[k]);
  const [calendar, thresholds, ...results] = await Promise.all([
    loadCalendar(db),
    allThresholds(db),
    ...kinds.map((k) => groupRows(db, reader, queries[k]!, cap)),
  ]);
  const reckoning: Reckoning = { today, calendar, thresholds };
  const groups: DeskGroup[] = [];
  kinds.forEach((kind, i) => {
    const rows = results[i] ?? [];
    if (rows.length === 0) return;
    const entries = rows.map((row) => entryOf(kind, row, reckoning));
    if (kind === 'sign_for' || kind === 'report_due') entries.sort(byDueDate);
    groups.push({ kind, total: rows[0]?.total ?? entries.length, entries });
  });
  return { today, groups };
}
