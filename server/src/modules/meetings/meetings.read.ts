/**
 * Rows → API shapes: a meeting's page (agenda, materials, attendance, decisions with the live state and light of
 * their items, minutes) in a fixed number of queries, and the list with each meeting's decision summary.
 */
import type {
  AgendaItem,
  AgendaMaterial,
  MeetingDecision,
  MeetingDetail,
  MeetingSummary,
  SupervisedItem,
  TaskStatus,
  WarningColour,
} from '@luoshi/contracts';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import type { Clock } from '../../platform/clock.js';
import { openStatuses } from '../tasks/index.js';
import { canOrganise, canSupervise } from './meetings.policy.js';
import * as repo from './meetings.repository.js';
import { decisionProgress, isOverdue, summarise } from './meetings.rules.js';

const colours: readonly WarningColour[] = ['green', 'yellow', 'red'];

type ItemState = Awaited<ReturnType<typeof repo.listItemStates>>[number];

function presentItem(state: ItemState | undefined, today: string): SupervisedItem | null {
  if (!state) return null;
  const status = state.status as TaskStatus;
  const open = openStatuses.includes(status);
  return {
    taskId: state.id,
    serialNumber: state.serialNumber,
    status,
    light: open ? (colours[state.warningLevel] ?? 'green') : null,
    deadline: state.deadline,
    isOverdue: isOverdue({ status, deadline: state.deadline }, today, openStatuses),
  };
}

export function presentMaterial(row: repo.MaterialRow): AgendaMaterial {
  return {
    id: row.id,
    fileName: row.fileName,
    size: row.size,
    uploadedAt: row.uploadedAt.toISOString(),
    uploadedByName: row.uploadedByName,
    isLate: row.isLate,
    lateReason: row.lateReason,
    lateDecision: row.lateDecision === 'accepted' || row.lateDecision === 'refused' ? row.lateDecision : null,
  };
}

/** Decisions with their units' names and their items' live state. */
export async function presentDecisions(db: Db, rows: readonly repo.DecisionRow[], clock: Clock): Promise<MeetingDecision[]> {
  const today = todayInShanghai(clock);
  const unitIds = [...new Set(rows.flatMap((r) => [...(r.leadUnitId ? [r.leadUnitId] : []), ...r.cooperatingUnitIds]))];
  const names = new Map((await repo.findUnits(db, unitIds)).map((u) => [u.id, u.name]));
  const taskIds = rows.flatMap((r) => [r.taskId, r.documentTaskId].filter((id): id is string => id !== null));
  const states = new Map((await repo.listItemStates(db, taskIds)).map((s) => [s.id, s]));
  return rows.map((r) => {
    const item = r.taskId ? presentItem(states.get(r.taskId), today) : null;
    const documentItem = r.documentTaskId ? presentItem(states.get(r.documentTaskId), today) : null;
    return {
      id: r.id,
      agendaItemId: r.agendaItemId,
      position: r.position,
      text: r.text,
      needsAction: r.needsAction,
      leadUnitId: r.leadUnitId,
      leadUnitName: r.leadUnitId ? (names.get(r.leadUnitId) ?? null) : null,
      cooperatingUnits: r.cooperatingUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      deadline: r.deadline,
      documentTitle: r.documentTitle,
      documentDeadline: r.documentDeadline,
      item,
      documentItem,
      progress: decisionProgress({
        needsAction: r.needsAction,
        documentDeadline: r.documentDeadline,
        items: [item, documentItem].filter((i): i is SupervisedItem => i !== null),
      }),
    };
  });
}

function minutesOf(row: repo.MinutesRow | null | undefined, meeting: repo.MeetingRow): MeetingDetail['minutes'] {
  return {
    documentNumber: row?.documentNumber ?? `〔${meeting.year}〕${meeting.seq}号`,
    preamble: row?.preamble ?? null,
    status: row?.status === 'issued' ? 'issued' : 'draft',
    issuedAt: row?.issuedAt?.toISOString() ?? null,
    issuedByName: row?.issuedByName ?? null,
  };
}

/** The meeting page for `actor`. */
export async function readMeetingDetail(db: Db, found: repo.MeetingInScope, actor: Actor, clock: Clock): Promise<MeetingDetail> {
  const { meeting } = found;
  const items = await repo.listAgendaItems(db, meeting.id);
  const itemIds = items.map((i) => i.item.id);
  // One query after another: inside a transaction they share one connection.
  const unitRows = await repo.listAgendaUnits(db, itemIds);
  const materials = await repo.listMaterials(db, itemIds);
  const attendees = await repo.listAttendees(db, itemIds);
  const decisionRows = await repo.listDecisions(db, { meetingIds: [meeting.id] });
  const leaders = await repo.listLeaders(db, meeting.id);
  const minutes = await repo.findMinutes(db, meeting.id);
  const decisions = await presentDecisions(db, decisionRows, clock);
  const agendaItems: AgendaItem[] = items.map(({ item, leaderName, leaderTitle }) => {
    const itemUnits = unitRows.filter((u) => u.agendaItemId === item.id);
    const submitting = itemUnits.find((u) => u.isSubmitting);
    return {
      id: item.id,
      position: item.position,
      title: item.title,
      summary: item.summary,
      submittingUnit: { id: item.submittingUnitId, name: submitting?.name ?? '' },
      concernedUnits: itemUnits.filter((u) => !u.isSubmitting).map((u) => ({ id: u.unitId, name: u.name })),
      responsibleLeader: { id: item.responsibleLeaderId, name: leaderName, title: leaderTitle },
      signedOffAt: item.signedOffAt?.toISOString() ?? null,
      canSignOff: !item.signedOffAt && actor.roles.includes('government_leader') && actor.personId === item.responsibleLeaderId,
      record: item.record,
      materials: materials.filter((m) => m.agendaItemId === item.id).map(presentMaterial),
      attendees: attendees
        .filter((a) => a.agendaItemId === item.id)
        .map((a) => ({ ...a, basis: a.basis === 'leadership' ? ('leadership' as const) : ('designated' as const) })),
      decisions: decisions.filter((d) => d.agendaItemId === item.id),
    };
  });
  return {
    ...summaryOf(found, items.length, minutes, decisions),
    materialsWorkingDays: meeting.materialsWorkingDays,
    materialsDueOn: meeting.materialsDueOn,
    leaders: leaders.map((l) => ({ ...l, attendance: l.attendance === 'leave' ? ('leave' as const) : ('present' as const) })),
    agendaItems,
    minutes: minutesOf(minutes, meeting),
    can: { organise: canOrganise(actor, found.governmentPath), supervise: canSupervise(actor, found.governmentPath) },
  };
}

function summaryOf(
  found: repo.MeetingInScope,
  agendaCount: number,
  minutes: repo.MinutesRow | null | undefined,
  decisions: readonly MeetingDecision[],
): MeetingSummary {
  const { meeting } = found;
  return {
    id: meeting.id,
    governmentUnitId: meeting.governmentUnitId,
    governmentName: found.governmentName,
    type: meeting.type,
    year: meeting.year,
    seq: meeting.seq,
    title: meeting.title,
    heldOn: meeting.heldOn,
    startTime: meeting.startTime,
    location: meeting.location,
    agendaCount,
    minutesStatus: minutes?.status === 'issued' ? 'issued' : 'draft',
    decisions: summarise(decisions.map((d) => d.progress)),
  };
}

/** The list: each meeting with its agenda count, minutes status and decision summary (a fixed number of queries). */
export async function readMeetingSummaries(db: Db, found: readonly repo.MeetingInScope[], clock: Clock): Promise<MeetingSummary[]> {
  const ids = found.map((f) => f.meeting.id);
  const counts = await repo.countAgendaItems(db, ids);
  const minutes = await repo.listMinutes(db, ids);
  const decisionRows = await repo.listDecisions(db, { meetingIds: ids });
  const decisions = await presentDecisions(db, decisionRows, clock);
  const meetingOf = new Map(decisionRows.map((d) => [d.id, d.meetingId]));
  return found.map((f) =>
    summaryOf(
      f,
      counts.find((c) => c.meetingId === f.meeting.id)?.n ?? 0,
      minutes.find((m) => m.meetingId === f.meeting.id),
      decisions.filter((d) => meetingOf.get(d.id) === f.meeting.id),
    ),
  );
}
