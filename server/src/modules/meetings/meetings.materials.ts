/**
 * 会议材料 of a 议题: uploaded by the organisers or a concerned unit until the due date (N working days before the
 * meeting). After it, an upload needs its reason and is kept flagged 迟交 for the organisers to accept or refuse (422
 * MEETING_MATERIALS_LATE without a reason). Everything is checked before a byte is kept; a refused upload leaves no
 * row and no file.
 */
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { limits, text, type AgendaMaterial } from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { commitFile, discardFile, filesRoot, openStoredFile, stageFile, type StagedFile } from '../../platform/files.js';
import { actsForUnit, canOrganise } from './meetings.policy.js';
import { presentMaterial } from './meetings.read.js';
import * as repo from './meetings.repository.js';
import { isLate } from './meetings.rules.js';

/** Largest material accepted (the multipart limit of the upload route). */
export const materialMaxMiB = 50;

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP = Buffer.from('PK');
const PDF = Buffer.from('%PDF');

/** Accepted kinds by name, each with the first bytes its files start with. */
const kinds: Record<string, { contentType: string; magic: Buffer }> = {
  pdf: { contentType: 'application/pdf', magic: PDF },
  ofd: { contentType: 'application/ofd', magic: ZIP },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  doc: { contentType: 'application/msword', magic: OLE },
  xls: { contentType: 'application/vnd.ms-excel', magic: OLE },
  wps: { contentType: 'application/vnd.ms-works', magic: OLE },
  et: { contentType: 'application/vnd.ms-excel', magic: OLE },
};

/** The kind a file's name and first bytes agree on, or null. */
export function materialKind(fileName: string, head: Buffer): { contentType: string } | null {
  const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
  const kind = kinds[ext];
  if (!kind || !head.subarray(0, kind.magic.length).equals(kind.magic)) return null;
  return { contentType: kind.contentType };
}

export interface MaterialUpload {
  fileName: string;
  file: Readable;
  isTruncated: () => boolean;
}

const fileNameSchema = text(limits.nameMax);

/** Whether the actor may hand in materials for the item, and whether they are late. */
async function checkUpload(db: Db, actor: Actor, agendaItemId: string, lateReason: string | undefined, today: string) {
  const found = await repo.findAgendaItem(db, actor.scope, agendaItemId, true);
  if (!found) throw notFound();
  const concerned = await repo.listAgendaUnits(db, [agendaItemId]);
  if (!canOrganise(actor, found.governmentPath) && !concerned.some((u) => actsForUnit(actor, u.path))) throw forbidden();
  const late = isLate(today, found.meeting.materialsDueOn);
  if (late && !lateReason) throw new AppError('MEETING_MATERIALS_LATE', { dueOn: found.meeting.materialsDueOn });
  return { found, late };
}

async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await finished(stream).catch(() => undefined);
}

export async function uploadMaterial(
  deps: Deps,
  ctx: RequestContext,
  agendaItemId: string,
  lateReason: string | undefined,
  upload: MaterialUpload,
): Promise<AgendaMaterial> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const root = filesRoot(deps.env);
  const today = todayInShanghai(ctx.clock);
  let staged: StagedFile | null = null;
  try {
    await checkUpload(db, actor, agendaItemId, lateReason, today);
    const name = fileNameSchema.safeParse(upload.fileName);
    if (!name.success) throw fieldError('VALIDATION_FAILED', 'file', 'file name missing, too long or with control characters');
    staged = await stageFile(root, upload.file);
    if (upload.isTruncated()) throw new AppError('MEETING_MATERIAL_TOO_LARGE', { maxMiB: materialMaxMiB });
    const kind = materialKind(name.data, staged.head);
    if (!kind) throw new AppError('MEETING_MATERIAL_TYPE_REFUSED');
    const file = staged;
    const material = await db.transaction(async (tx) => {
      const { late } = await checkUpload(tx, actor, agendaItemId, lateReason, today);
      const id = randomUUID();
      await repo.insertMaterial(tx, {
        id,
        agendaItemId,
        fileName: name.data,
        contentType: kind.contentType,
        size: file.size,
        sha256: file.sha256,
        uploadedBy: actor.userId,
        uploadedByName: actor.displayName,
        uploadedAt: ctx.clock.now(),
        isLate: late,
        lateReason: late ? (lateReason ?? null) : null,
      });
      const row = await repo.findMaterial(tx, id);
      if (!row) throw new Error('material not read back');
      const presented = presentMaterial(row);
      await recordAudit(deps, tx, ctx, {
        eventType: 'meeting.material_uploaded',
        objectType: 'agenda_item',
        objectId: agendaItemId,
        after: presented,
      });
      await commitFile(root, file);
      return presented;
    });
    staged = null;
    return material;
  } catch (error) {
    if (staged) await discardFile(staged);
    await drain(upload.file);
    throw error;
  }
}

/** The organisers accept or refuse late materials, once. */
export async function decideLateMaterial(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  decision: 'accepted' | 'refused',
): Promise<AgendaMaterial> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const material = await repo.findMaterial(tx, id);
    if (!material) throw notFound();
    const found = await repo.findAgendaItem(tx, actor.scope, material.agendaItemId, true);
    if (!found) throw notFound();
    if (!canOrganise(actor, found.governmentPath)) throw forbidden();
    if (!material.isLate) throw new AppError('MEETING_MATERIAL_NOT_LATE');
    if (material.lateDecision) throw new AppError('MEETING_MATERIAL_DECIDED');
    const row = await repo.setLateDecision(tx, id, { lateDecision: decision, decidedBy: actor.userId, decidedAt: ctx.clock.now() });
    const presented = presentMaterial(row);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.material_late_decided',
      objectType: 'agenda_item',
      objectId: material.agendaItemId,
      after: presented,
    });
    return presented;
  });
}

/** A material's bytes, for whoever can see its meeting. */
export async function openMaterial(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<{ fileName: string; contentType: string; stream: ReadStream }> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const material = await repo.findMaterial(db, id);
  if (!material || !(await repo.findAgendaItem(db, actor.scope, material.agendaItemId))) throw notFound();
  return {
    fileName: material.fileName,
    contentType: material.contentType,
    stream: await openStoredFile(filesRoot(deps.env), material.sha256),
  };
}
