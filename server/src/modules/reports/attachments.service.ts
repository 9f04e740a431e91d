/**
 * Evidence attachments (REQUIREMENTS X4): the lead unit uploads files to an item, and its reports refer to them.
 * Checks run before anything is kept: the item in scope and open for reporting, then the name's type, then — once
 * streamed, hashed and counted — the size limit and the file's first bytes. A refused upload leaves no row and no
 * file; an accepted one commits its row, its audit event and its file together.
 */
import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { limits, text, type Attachment, type RefusalCode, type TaskStatus } from '@luoshi/contracts';
import { recordAudit } from '../../platform/audit-log.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { commitFile, discardFile, filesRoot, openStoredFile, stageFile, type StagedFile } from '../../platform/files.js';
import { standingOf } from './reports.policy.js';
import { presentAttachment } from './reports.presenter.js';
import * as repo from './reports.repository.js';
import { attachmentContentRefusal, attachmentMaxMiB, attachmentTypeByName, submitRefusal } from './reports.rules.js';
import { notAllowed, visibleTask } from './reports.service.js';

/** One uploaded file as the HTTP layer hands it over: its name, its bytes, and whether the size limit cut it. */
export interface Upload {
  fileName: string;
  file: Readable;
  isTruncated: () => boolean;
}

const fileNameSchema = text(limits.nameMax);

async function checkUploadAllowed(db: Db, actor: Actor, taskId: string): Promise<void> {
  const task = await visibleTask(db, actor, taskId);
  const refusal = submitRefusal(task.status as TaskStatus, standingOf(actor, task));
  if (refusal) throw notAllowed('upload', refusal);
}

function typeRefused(fileName: string, why: RefusalCode, ext = ''): AppError {
  return new AppError('ATTACHMENT_TYPE_REFUSED', { fileName, why, ...(ext ? { ext } : {}) });
}

/** Reads what is left of a refused upload so the request completes; its bytes go nowhere. */
async function drain(stream: Readable): Promise<void> {
  stream.resume();
  await finished(stream).catch(() => undefined);
}

export async function uploadAttachment(deps: Deps, ctx: RequestContext, taskId: string, upload: Upload): Promise<Attachment> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const root = filesRoot(deps.env);
  let staged: StagedFile | null = null;
  try {
    await checkUploadAllowed(db, actor, taskId);
    const name = fileNameSchema.safeParse(upload.fileName);
    if (!name.success) throw fieldError('VALIDATION_FAILED', 'file', 'file name missing, too long or with control characters');
    const fileName = name.data;
    const byName = attachmentTypeByName(fileName);
    if (!byName.ok) throw typeRefused(fileName, byName.why, byName.ext);
    staged = await stageFile(root, upload.file);
    if (upload.isTruncated()) throw new AppError('ATTACHMENT_TOO_LARGE', { maxMiB: attachmentMaxMiB });
    const contentRefusal = attachmentContentRefusal(byName.type, staged.head);
    if (contentRefusal) throw typeRefused(fileName, contentRefusal);
    const file = staged;
    const attachment = await db.transaction(async (tx) => {
      await checkUploadAllowed(tx, actor, taskId);
      const id = randomUUID();
      await repo.insertAttachment(tx, {
        id,
        taskId,
        uploadedBy: actor.userId,
        fileName,
        contentType: byName.type.contentType,
        size: file.size,
        sha256: file.sha256,
        createdAt: ctx.clock.now(),
      });
      const row = await repo.findAttachment(tx, actor.scope, id);
      if (!row) throw new Error('attachment row not read back');
      const presented = presentAttachment(row);
      await recordAudit(deps, tx, ctx, { eventType: 'attachment.uploaded', objectType: 'attachment', objectId: id, after: presented });
      // Last step before commit: if the rename fails nothing commits; if the commit fails an unreferenced file stays.
      await commitFile(root, file);
      return presented;
    });
    staged = null;
    return attachment;
  } catch (error) {
    if (staged) await discardFile(staged);
    await drain(upload.file);
    throw error;
  }
}

/** The attachment and its bytes, if the actor can see its item. */
export async function openAttachment(deps: Deps, ctx: RequestContext, id: string): Promise<{ attachment: Attachment; stream: ReadStream }> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const row = await repo.findAttachment(db, actor.scope, id);
  if (!row) throw notFound();
  await visibleTask(db, actor, row.taskId);
  return { attachment: presentAttachment(row), stream: await openStoredFile(filesRoot(deps.env), row.sha256) };
}
