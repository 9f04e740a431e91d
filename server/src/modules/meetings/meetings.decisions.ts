/**
 * 会议决定事项 (REQUIREMENTS D1, issue 15 item 2): numbered clauses of an agenda item's record, and the one step that
 * makes a clause supervised work. That step goes through the engine's front door (`registerTask`): the item is
 * numbered, given its source's default deadline, checked for its parties and put on the timeline like any other;
 * its source is 会议决定事项 (a registry row) and its `sourceRef.link` leads back to the clause on the meeting page.
 *
 * 文件制发时限: a clause's follow-up document is supervised as its own item (source 会议决定文件制发, related to the
 * action item) rather than a milestone of it. A document deadline then gets the same lights, reminders and
 * escalation ladder as any deadline, a clause may carry one without any other action, and its lead unit signs for it
 * and reports on it through the lifecycle everyone already knows.
 */
import { randomUUID } from 'node:crypto';
import type { MeetingDecision, recordDecisionBody, updateDecisionBody } from '@luoshi/contracts';
import { meetingDecisionSource, meetingDocumentSource } from '@luoshi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit-log.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { registerTask } from '../tasks/index.js';
import { canOrganise, canSupervise } from './meetings.policy.js';
import { presentDecisions } from './meetings.read.js';
import * as repo from './meetings.repository.js';
import { refuseAfterIssue } from './meetings.service.js';

type RecordInput = z.output<typeof recordDecisionBody>;
type UpdateInput = z.output<typeof updateDecisionBody>;

async function present(tx: Db, ctx: RequestContext, id: string): Promise<MeetingDecision> {
  const rows = await repo.listDecisions(tx, { ids: [id] });
  const [decision] = await presentDecisions(tx, rows, ctx.clock);
  if (!decision) throw new Error('decision not read back');
  return decision;
}

/** The clause's units must lie under the convening government; one that needs action names its lead unit. */
async function checkUnits(
  tx: Db,
  governmentPath: string,
  clause: { needsAction: boolean; leadUnitId: string | null; cooperatingUnitIds: string[]; documentDeadline: string | null },
) {
  if ((clause.needsAction || clause.documentDeadline) && !clause.leadUnitId) throw new AppError('MEETING_DECISION_NEEDS_LEAD_UNIT');
  const ids = [...new Set([...(clause.leadUnitId ? [clause.leadUnitId] : []), ...clause.cooperatingUnitIds])];
  const rows = await repo.findUnits(tx, ids);
  if (rows.length !== ids.length || rows.some((u) => !u.path.startsWith(governmentPath))) throw new AppError('MEETING_AGENDA_UNIT_OUTSIDE');
}

async function agendaItemForWrite(tx: Db, actor: Actor, agendaItemId: string) {
  const found = await repo.findAgendaItem(tx, actor.scope, agendaItemId, true);
  if (!found) throw notFound();
  if (!canOrganise(actor, found.governmentPath)) throw forbidden();
  await refuseAfterIssue(tx, found.meeting.id);
  return found;
}

/** Records the next numbered clause of a signed-off 议题. */
export async function recordDecision(deps: Deps, ctx: RequestContext, agendaItemId: string, input: RecordInput): Promise<MeetingDecision> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await agendaItemForWrite(tx, actor, agendaItemId);
    if (!found.item.signedOffAt) throw new AppError('MEETING_AGENDA_NOT_SIGNED_OFF', { title: found.item.title });
    const clause = {
      needsAction: input.needsAction,
      leadUnitId: input.leadUnitId ?? null,
      cooperatingUnitIds: [...new Set(input.cooperatingUnitIds ?? [])],
      documentDeadline: input.documentDeadline ?? null,
    };
    await checkUnits(tx, found.governmentPath, clause);
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertDecision(tx, {
      id,
      meetingId: found.meeting.id,
      agendaItemId,
      position: await repo.nextDecisionPosition(tx, agendaItemId),
      text: input.text,
      ...clause,
      deadline: input.deadline ?? null,
      documentTitle: input.documentTitle ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const decision = await present(tx, ctx, id);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.decision_recorded',
      objectType: 'meeting_decision',
      objectId: id,
      after: decision,
    });
    return decision;
  });
}

/** Edits a clause until the minutes are issued; what fed its items cannot change once it is supervised. */
export async function updateDecision(deps: Deps, ctx: RequestContext, id: string, input: UpdateInput): Promise<MeetingDecision> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findDecisionRow(tx, id);
    if (!row) throw notFound();
    const found = await agendaItemForWrite(tx, actor, row.agendaItemId);
    const before = await present(tx, ctx, id);
    const next = {
      text: input.text ?? row.text,
      needsAction: input.needsAction ?? row.needsAction,
      leadUnitId: input.leadUnitId === undefined ? row.leadUnitId : input.leadUnitId,
      cooperatingUnitIds: input.cooperatingUnitIds ? [...new Set(input.cooperatingUnitIds)] : row.cooperatingUnitIds,
      deadline: input.deadline === undefined ? row.deadline : input.deadline,
      documentTitle: input.documentTitle === undefined ? row.documentTitle : input.documentTitle,
      documentDeadline: input.documentDeadline === undefined ? row.documentDeadline : input.documentDeadline,
    };
    const supervisedFieldsChanged =
      next.needsAction !== row.needsAction ||
      next.leadUnitId !== row.leadUnitId ||
      next.deadline !== row.deadline ||
      next.documentDeadline !== row.documentDeadline ||
      next.cooperatingUnitIds.join() !== row.cooperatingUnitIds.join();
    if ((row.taskId || row.documentTaskId) && supervisedFieldsChanged) {
      throw new AppError('MEETING_DECISION_ALREADY_SUPERVISED', {
        serialNumber: before.item?.serialNumber ?? before.documentItem?.serialNumber ?? '',
      });
    }
    await checkUnits(tx, found.governmentPath, next);
    await repo.updateDecision(tx, id, { ...next, updatedAt: ctx.clock.now() });
    const decision = await present(tx, ctx, id);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.decision_updated',
      objectType: 'meeting_decision',
      objectId: id,
      before,
      after: decision,
    });
    return decision;
  });
}

/** The item's title: the clause's first sentence, at most 60 characters. */
export function titleOfClause(text: string): string {
  const first = text.split(/[。；;\n]/)[0]?.trim() || text.trim();
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}

/**
 * 列为督办事项: the clause's action (when it needs one) and its 文件制发时限 (when it has one) become 督办事项 in one step,
 * registered by the 督查室 under the convening government, 拟办 for it to 交办.
 */
export async function superviseDecision(deps: Deps, ctx: RequestContext, id: string): Promise<MeetingDecision> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findDecisionRow(tx, id, true);
    if (!row) throw notFound();
    const found = await repo.findAgendaItem(tx, actor.scope, row.agendaItemId, true);
    if (!found) throw notFound();
    if (!canSupervise(actor, found.governmentPath)) throw forbidden();
    if (row.taskId || row.documentTaskId) {
      const current = await present(tx, ctx, id);
      throw new AppError('MEETING_DECISION_ALREADY_SUPERVISED', {
        serialNumber: current.item?.serialNumber ?? current.documentItem?.serialNumber ?? '',
      });
    }
    if (!row.needsAction && !row.documentDeadline) throw new AppError('MEETING_DECISION_NOTHING_TO_SUPERVISE');
    if (!row.leadUnitId) throw new AppError('MEETING_DECISION_NEEDS_LEAD_UNIT');
    const minutes = await repo.findMinutes(tx, found.meeting.id);
    const clauseLabel = `${found.meeting.title}第${found.item.position}项议题决定事项（${row.position}）`;
    const sourceRef = {
      meeting: `${found.governmentName}${found.meeting.title}`,
      clause: row.text,
      ...(minutes?.status === 'issued' ? { documentNumber: `纪要${minutes.documentNumber}` } : {}),
    };
    const source = { id: row.id, link: `/meetings/${found.meeting.id}/decisions/${row.id}` };
    const common = {
      sourceRef,
      urgency: 'normal' as const,
      reportingFrequency: 'monthly' as const,
      leadUnitId: row.leadUnitId,
      cooperatingUnitIds: row.cooperatingUnitIds,
      responsibleLeaderId: found.item.responsibleLeaderId,
    };
    const options = { supervisingUnitId: found.meeting.governmentUnitId, source };
    let taskId: string | null = null;
    if (row.needsAction) {
      const task = await registerTask(
        deps,
        tx,
        ctx,
        {
          ...common,
          title: titleOfClause(row.text),
          source: meetingDecisionSource,
          content: `${clauseLabel}：${row.text}`,
          ...(row.deadline ? { deadline: row.deadline } : {}),
        },
        options,
      );
      taskId = task.id;
    }
    let documentTaskId: string | null = null;
    if (row.documentDeadline) {
      const documentTitle = row.documentTitle ?? titleOfClause(row.text);
      const task = await registerTask(
        deps,
        tx,
        ctx,
        {
          ...common,
          title: `制发文件：${documentTitle}`,
          source: meetingDocumentSource,
          content: `${clauseLabel}要求制发“${documentTitle}”，文件制发时限为${row.documentDeadline}。原文：${row.text}`,
          deadline: row.documentDeadline,
          ...(taskId ? { relatedTaskId: taskId } : {}),
        },
        options,
      );
      documentTaskId = task.id;
    }
    await repo.updateDecision(tx, id, { taskId, documentTaskId, updatedAt: ctx.clock.now() });
    const decision = await present(tx, ctx, id);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.decision_supervised',
      objectType: 'meeting_decision',
      objectId: id,
      after: decision,
    });
    return decision;
  });
}
