/**
 * Use cases of 会议 (REQUIREMENTS D1): types, convening (第N次 per government, type and year), leaders, 议题 with the
 * responsible leader's sign-off, the record, and attendance under "不能代表本地本部门（单位）和不熟悉情况的人员不得参会".
 * Each write checks its rules before writing anything and records its audit event in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type {
  AgendaAttendee,
  MeetingDetail,
  MeetingSummary,
  MeetingType,
  createAgendaItemBody,
  createMeetingBody,
  createMeetingTypeBody,
  meetingListQuery,
  registerAttendeeBody,
  setMeetingLeadersBody,
} from '@luoshi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit-log.js';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import { actsForUnit, canManageTypes, canOrganise, leadsUnit } from './meetings.policy.js';
import { readMeetingDetail, readMeetingSummaries } from './meetings.read.js';
import * as repo from './meetings.repository.js';
import { attendanceVerdict, defaultMinutesNumber, meetingTitle } from './meetings.rules.js';

type In<T extends z.ZodType> = z.output<T>;

function presentType(row: Awaited<ReturnType<typeof repo.listTypes>>[number]): MeetingType {
  return {
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    materialsWorkingDays: row.materialsWorkingDays,
    active: row.active,
  };
}

export async function listMeetingTypes(deps: Deps): Promise<MeetingType[]> {
  return (await repo.listTypes(deps.database.db)).map(presentType);
}

/** A new meeting type (系统管理员): types are data, like sources. */
export async function createMeetingType(deps: Deps, ctx: RequestContext, input: In<typeof createMeetingTypeBody>): Promise<MeetingType> {
  const actor = requireActor(ctx);
  if (!canManageTypes(actor)) throw forbidden();
  return deps.database.db.transaction(async (tx) => {
    const row = { ...input, active: true, position: 100 };
    if (!(await repo.insertType(tx, row))) throw new AppError('MEETING_TYPE_TAKEN', { type: input.code });
    const created = presentType(row);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.type_created',
      objectType: 'meeting_type',
      objectId: input.code,
      after: created,
    });
    return created;
  });
}

/** A meeting the actor may see, else 404 (like a missing one); `organise` also demands the organiser's right. */
export async function meetingInScope(db: Db, actor: Actor, id: string, options: { lock?: boolean; organise?: boolean } = {}) {
  const found = await repo.findMeeting(db, actor.scope, id, options.lock ?? false);
  if (!found) throw notFound();
  if (options.organise && !canOrganise(actor, found.governmentPath)) throw forbidden();
  return found;
}

export async function listMeetings(deps: Deps, ctx: RequestContext, query: In<typeof meetingListQuery>): Promise<MeetingSummary[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  return readMeetingSummaries(db, await repo.listMeetings(db, actor.scope, query), ctx.clock);
}

export async function getMeeting(deps: Deps, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  return readMeetingDetail(db, await meetingInScope(db, actor, id), actor, ctx.clock);
}

/** Re-reads the meeting after a write, inside the write's transaction. */
async function detailAfter(tx: Db, actor: Actor, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  return readMeetingDetail(tx, await meetingInScope(tx, actor, meetingId), actor, ctx.clock);
}

/** 召开会议: numbered 第N次 for its government, type and year; materials due N working days before it. */
export async function convene(deps: Deps, ctx: RequestContext, input: In<typeof createMeetingBody>): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const government = await repo.findUnit(tx, input.governmentUnitId);
    if (!government || !inScope(actor.scope, government.path)) throw notFound();
    if (!canOrganise(actor, government.path)) throw forbidden();
    if (government.kind !== 'government') throw new AppError('MEETING_NOT_A_GOVERNMENT');
    const type = await repo.findType(tx, input.type);
    if (!type || !type.active) throw new AppError('MEETING_TYPE_UNKNOWN', { type: input.type });
    const year = Number(input.heldOn.slice(0, 4));
    const seq = await repo.nextMeetingSeq(tx, government.id, type.code, year);
    const materialsWorkingDays = input.materialsWorkingDays ?? type.materialsWorkingDays;
    const calendar = await loadCalendar(tx);
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertMeeting(
      tx,
      {
        id,
        governmentUnitId: government.id,
        type: type.code,
        year,
        seq,
        title: input.title ?? meetingTitle(seq, type.nameZh),
        heldOn: input.heldOn,
        startTime: input.startTime ?? null,
        location: input.location ?? null,
        materialsWorkingDays,
        materialsDueOn: calendar.addWorkingDays(input.heldOn, -materialsWorkingDays),
        createdBy: actor.userId,
        createdAt: now,
      },
      { meetingId: id, documentNumber: defaultMinutesNumber(year, seq), status: 'draft', updatedAt: now },
    );
    const detail = await detailAfter(tx, actor, ctx, id);
    await recordAudit(deps, tx, ctx, { eventType: 'meeting.created', objectType: 'meeting', objectId: id, after: detail });
    return detail;
  });
}

/** 出席/请假 leaders for the whole meeting: members of the convening government's leadership only. */
export async function setLeaders(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: In<typeof setMeetingLeadersBody>,
): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await meetingInScope(tx, actor, id, { lock: true, organise: true });
    const seen = new Set<string>();
    for (const leader of input.leaders) {
      const person = await repo.findPerson(tx, leader.personId);
      if (!person) throw notFound();
      if (!person.isLeader || person.unitId !== found.meeting.governmentUnitId || seen.has(person.id)) {
        throw new AppError('MEETING_LEADER_NOT_OF_GOVERNMENT', { name: person.name });
      }
      seen.add(person.id);
    }
    const before = await repo.listLeaders(tx, id);
    await repo.replaceLeaders(
      tx,
      id,
      input.leaders.map((l) => ({ personId: l.personId, attendance: l.attendance, note: l.note ?? null })),
    );
    const detail = await detailAfter(tx, actor, ctx, id);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.leaders_set',
      objectType: 'meeting',
      objectId: id,
      before,
      after: detail.leaders,
    });
    return detail;
  });
}

/**
 * 议题: submitted by a unit under the convening government, with the responsible leader (a member of its leadership)
 * who must sign it off before its decisions are recorded. Concerned units register attendees and follow decisions.
 */
export async function addAgendaItem(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: In<typeof createAgendaItemBody>,
): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await meetingInScope(tx, actor, id, { lock: true, organise: true });
    const leader = await repo.findPerson(tx, input.responsibleLeaderId);
    if (!leader?.isLeader || leader.unitId !== found.meeting.governmentUnitId) throw new AppError('MEETING_AGENDA_LEADER_INVALID');
    const unitIds = [...new Set([input.submittingUnitId, ...input.concernedUnitIds])];
    const unitRows = await repo.findUnits(tx, unitIds);
    if (unitRows.length !== unitIds.length || unitRows.some((u) => !u.path.startsWith(found.governmentPath))) {
      throw new AppError('MEETING_AGENDA_UNIT_OUTSIDE');
    }
    const agendaItemId = randomUUID();
    await repo.insertAgendaItem(
      tx,
      {
        id: agendaItemId,
        meetingId: id,
        position: await repo.nextAgendaPosition(tx, id),
        title: input.title,
        summary: input.summary ?? null,
        submittingUnitId: input.submittingUnitId,
        responsibleLeaderId: leader.id,
        createdBy: actor.userId,
        createdAt: ctx.clock.now(),
      },
      unitIds.map((unitId) => ({ unitId, isSubmitting: unitId === input.submittingUnitId })),
    );
    const detail = await detailAfter(tx, actor, ctx, id);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.agenda_item_added',
      objectType: 'agenda_item',
      objectId: agendaItemId,
      after: detail.agendaItems.find((a) => a.id === agendaItemId),
    });
    return detail;
  });
}

/** The responsible leader's 审签 of a 议题 (once). */
export async function signOff(deps: Deps, ctx: RequestContext, agendaItemId: string): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await repo.findAgendaItem(tx, actor.scope, agendaItemId, true);
    if (!found) throw notFound();
    if (!actor.roles.includes('government_leader') || actor.personId !== found.item.responsibleLeaderId) {
      throw new AppError('MEETING_AGENDA_NOT_YOUR_SIGN_OFF');
    }
    if (found.item.signedOffAt) throw new AppError('MEETING_AGENDA_ALREADY_SIGNED_OFF', { title: found.item.title });
    const at = ctx.clock.now();
    await repo.updateAgendaItem(tx, agendaItemId, { signedOffAt: at, signedOffBy: actor.userId });
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.agenda_item_signed_off',
      objectType: 'agenda_item',
      objectId: agendaItemId,
      after: { signedOffAt: at.toISOString(), signedOffBy: actor.userId },
    });
    return detailAfter(tx, actor, ctx, found.meeting.id);
  });
}

/** Refuses a change to the record once the minutes are issued (the issued version is what items cite). */
export async function refuseAfterIssue(tx: Db, meetingId: string): Promise<void> {
  const minutes = await repo.findMinutes(tx, meetingId);
  if (minutes?.status === 'issued') {
    throw new AppError('MEETING_MINUTES_ISSUED', { issuedAt: minutes.issuedAt?.toISOString().slice(0, 10) ?? '' });
  }
}

/** 议定情况: the record of one 议题 (its section of the minutes). */
export async function setRecord(deps: Deps, ctx: RequestContext, agendaItemId: string, record: string | null): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await repo.findAgendaItem(tx, actor.scope, agendaItemId, true);
    if (!found) throw notFound();
    if (!canOrganise(actor, found.governmentPath)) throw forbidden();
    await refuseAfterIssue(tx, found.meeting.id);
    await repo.updateAgendaItem(tx, agendaItemId, { record });
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.agenda_record_set',
      objectType: 'agenda_item',
      objectId: agendaItemId,
      before: { record: found.item.record },
      after: { record },
    });
    return detailAfter(tx, actor, ctx, found.meeting.id);
  });
}

/**
 * Registers an attendee of a 议题 for a concerned unit. Organisers may register the unit's leadership; the unit's own
 * people may too; only the unit's 单位负责人 may register someone else as its representative. Anyone else: 422 with
 * the reason.
 */
export async function registerAttendee(
  deps: Deps,
  ctx: RequestContext,
  agendaItemId: string,
  input: In<typeof registerAttendeeBody>,
): Promise<AgendaAttendee> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await repo.findAgendaItem(tx, actor.scope, agendaItemId, true);
    if (!found) throw notFound();
    const [unit] = await repo.findUnits(tx, [input.unitId]);
    const person = await repo.findPerson(tx, input.personId);
    if (!unit || !person) throw notFound();
    if (!canOrganise(actor, found.governmentPath) && !actsForUnit(actor, unit.path)) throw forbidden();
    const concerned = await repo.listAgendaUnits(tx, [agendaItemId]);
    const verdict = attendanceVerdict({
      person: { name: person.name, unitId: person.unitId, unitPath: person.unitPath, isLeader: person.isLeader },
      unit,
      isConcerned: concerned.some((c) => c.unitId === unit.id),
      registrantLeadsUnit: leadsUnit(actor, unit.path),
    });
    if (!verdict.ok) throw new AppError(verdict.code, { name: person.name, unit: unit.name });
    // The meeting row is locked above, so registrations for one meeting queue and this check cannot race.
    if ((await repo.listAttendees(tx, [agendaItemId])).some((a) => a.personId === person.id)) {
      throw new AppError('MEETING_ATTENDEE_TAKEN', { name: person.name });
    }
    const id = randomUUID();
    await repo.insertAttendee(tx, {
      id,
      agendaItemId,
      personId: person.id,
      unitId: unit.id,
      basis: verdict.basis,
      registeredBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    const attendee: AgendaAttendee = {
      id,
      personId: person.id,
      personName: person.name,
      personTitle: person.title,
      unitId: unit.id,
      unitName: unit.name,
      basis: verdict.basis,
    };
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.attendee_registered',
      objectType: 'agenda_item',
      objectId: agendaItemId,
      after: attendee,
    });
    return attendee;
  });
}

export async function removeAttendee(deps: Deps, ctx: RequestContext, attendeeId: string): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const attendee = await repo.findAttendee(tx, attendeeId);
    if (!attendee) throw notFound();
    const found = await repo.findAgendaItem(tx, actor.scope, attendee.agendaItemId, true);
    const [unit] = await repo.findUnits(tx, [attendee.unitId]);
    if (!found || !unit) throw notFound();
    if (!canOrganise(actor, found.governmentPath) && !actsForUnit(actor, unit.path)) throw forbidden();
    await repo.deleteAttendee(tx, attendeeId);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.attendee_removed',
      objectType: 'agenda_item',
      objectId: attendee.agendaItemId,
      before: attendee,
    });
    return detailAfter(tx, actor, ctx, found.meeting.id);
  });
}
