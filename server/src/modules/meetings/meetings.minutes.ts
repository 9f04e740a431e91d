/**
 * 会议纪要: a draft (number and opening paragraph editable, sections from the record) until issued; issuing renders
 * the DOCX once, keeps its bytes by SHA-256 and records who and when. Afterwards the minutes, the record and its
 * decisions answer 409 MEETING_MINUTES_ISSUED (and the database refuses an update of issued minutes), and the
 * download serves exactly the issued bytes.
 */
import type { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { MeetingDetail, updateMinutesBody } from '@luoshi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit-log.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { commitFile, discardFile, filesRoot, openStoredFile, stageFile } from '../../platform/files.js';
import { renderMinutes } from './meetings.minutes-docx.js';
import { readMeetingDetail } from './meetings.read.js';
import * as repo from './meetings.repository.js';
import { meetingInScope, refuseAfterIssue } from './meetings.service.js';

export async function updateMinutes(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: z.output<typeof updateMinutesBody>,
): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const found = await meetingInScope(tx, actor, id, { lock: true, organise: true });
    await refuseAfterIssue(tx, id);
    const before = await repo.findMinutes(tx, id, true);
    await repo.updateMinutes(tx, id, {
      ...(input.documentNumber !== undefined ? { documentNumber: input.documentNumber } : {}),
      ...(input.preamble !== undefined ? { preamble: input.preamble } : {}),
      updatedAt: ctx.clock.now(),
    });
    const detail = await readMeetingDetail(tx, found, actor, ctx.clock);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.minutes_updated',
      objectType: 'meeting',
      objectId: id,
      before: before ? { documentNumber: before.documentNumber, preamble: before.preamble } : null,
      after: detail.minutes,
    });
    return detail;
  });
}

async function typeNameOf(deps: Deps, code: string): Promise<string> {
  return (await repo.findType(deps.database.db, code))?.nameZh ?? code;
}

/** 印发: renders and keeps the DOCX, then the minutes are issued (by whom, when) and never change. */
export async function issueMinutes(deps: Deps, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const actor = requireActor(ctx);
  const root = filesRoot(deps.env);
  const typeName = await typeNameOf(deps, (await meetingInScope(deps.database.db, actor, id)).meeting.type);
  return deps.database.db.transaction(async (tx) => {
    const found = await meetingInScope(tx, actor, id, { lock: true, organise: true });
    await refuseAfterIssue(tx, id);
    const draft = await readMeetingDetail(tx, found, actor, ctx.clock);
    if (draft.agendaItems.every((a) => a.decisions.length === 0)) throw new AppError('MEETING_MINUTES_NOT_READY');
    const at = ctx.clock.now();
    const issued: MeetingDetail = {
      ...draft,
      minutes: { ...draft.minutes, status: 'issued', issuedAt: at.toISOString(), issuedByName: actor.displayName },
    };
    const bytes = await renderMinutes({ meeting: issued, typeName, date: todayInShanghai(ctx.clock), isDraft: false });
    const staged = await stageFile(root, Readable.from([bytes]));
    try {
      await repo.updateMinutes(tx, id, {
        status: 'issued',
        issuedBy: actor.userId,
        issuedByName: actor.displayName,
        issuedAt: at,
        sha256: staged.sha256,
        updatedAt: at,
      });
      const detail = await readMeetingDetail(tx, found, actor, ctx.clock);
      await recordAudit(deps, tx, ctx, {
        eventType: 'meeting.minutes_issued',
        objectType: 'meeting',
        objectId: id,
        after: { ...detail.minutes, sha256: staged.sha256 },
      });
      await commitFile(root, staged);
      return detail;
    } catch (error) {
      await discardFile(staged);
      throw error;
    }
  });
}

/** The minutes' DOCX: the issued bytes once issued, else the draft rendered from the record as it stands. */
export async function minutesDocument(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<{ fileName: string; bytes: Buffer } | { fileName: string; stream: ReadStream }> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const found = await meetingInScope(db, actor, id);
  const minutes = await repo.findMinutes(db, id);
  const typeName = await typeNameOf(deps, found.meeting.type);
  const base = `${found.governmentName}${typeName}纪要${minutes?.documentNumber ?? ''}`;
  if (minutes?.status === 'issued' && minutes.sha256) {
    return { fileName: `${base}.docx`, stream: await openStoredFile(filesRoot(deps.env), minutes.sha256) };
  }
  const meeting = await readMeetingDetail(db, found, actor, ctx.clock);
  const bytes = await renderMinutes({ meeting, typeName, date: todayInShanghai(ctx.clock), isDraft: true });
  return { fileName: `${base}（草稿）.docx`, bytes };
}
