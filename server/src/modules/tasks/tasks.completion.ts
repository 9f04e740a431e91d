/**
 * 申请办结 asks for what the 督查室 reviews against, not only a summary: the evidence (attachments of the item — the
 * files already sent with progress reports count, nothing is uploaded twice) and the completion checklist, each point
 * confirmed. Refusals name the field, so the form shows them where they belong.
 */
import { completionCheckValues, type CompletionCheck, type TransitionBody } from '@luoshi/contracts';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError } from '../../platform/errors.js';
import * as repo from './tasks.repository.js';

/** The checklist points that apply to the item: 配合单位 are consulted only where there are some. */
export function applicableChecks(hasCooperatingUnits: boolean): CompletionCheck[] {
  return completionCheckValues.filter((c) => c !== 'cooperating_consulted' || hasCooperatingUnits);
}

export async function checkCompletionProof(tx: Db, row: repo.TaskRow, input: TransitionBody): Promise<void> {
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  if (evidenceIds.length === 0) {
    throw new AppError('TASK_EVIDENCE_REQUIRED', {}, [{ path: 'evidenceIds', code: 'required', message: 'evidence required' }]);
  }
  if ((await repo.countAttachmentsOfTask(tx, row.id, evidenceIds)) !== evidenceIds.length) {
    throw fieldError('VALIDATION_FAILED', 'evidenceIds', 'not an attachment of this item');
  }
  const hasCooperating = (await repo.listCooperations(tx, [row.id])).length > 0;
  const confirmed = new Set(input.checklist ?? []);
  const missing = applicableChecks(hasCooperating).filter((c) => !confirmed.has(c));
  if (missing.length > 0) {
    throw new AppError('TASK_CHECKLIST_INCOMPLETE', { missing: missing.join(',') }, [
      { path: 'checklist', code: 'incomplete', message: `unconfirmed: ${missing.join(', ')}` },
    ]);
  }
}
