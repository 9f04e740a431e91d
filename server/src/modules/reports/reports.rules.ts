/**
 * 进展反馈 rules (REQUIREMENTS S3, X4): when a report may be filed, what a reader may do with a report, how a
 * correction is numbered, which evidence files are accepted. Pure functions; the service asks, never decides.
 *
 * 报送 (lead unit, item 已签收/办理中) → 待审核 →采纳→ 已采纳 (immutable)
 *                                          →退回 (reasons)→ 已退回 →更正后重报→ a new report, version + 1
 * Filing the first report does not move the item: the lifecycle stays in tasks.rules.ts.
 */
import {
  attachmentLimits,
  type ProgressReportAction,
  type RefusalCode,
  type ProgressReportStatus,
  type TaskStatus,
} from '@luoshi/contracts';
import type { ActorStanding } from '../tasks/index.js';
import { reporterRefusal, reviewerRefusal } from './reports.policy.js';

/** Item statuses in which the lead unit files reports. */
export const reportableStatuses: readonly TaskStatus[] = ['accepted', 'in_progress'];

/** Why the actor cannot file a report (or upload evidence) on an item in `status` now; null when they can. */
export function submitRefusal(status: TaskStatus, standing: ActorStanding): RefusalCode | null {
  const party = reporterRefusal(standing);
  if (party) return party;
  if (!reportableStatuses.includes(status)) {
    return 'report_status';
  }
  return null;
}

/** Why a correction of `target` cannot be filed; null when it can. */
export function correctionRefusal(target: { status: ProgressReportStatus; isCorrected: boolean }): RefusalCode | null {
  if (target.status !== 'returned') return 'correct_returned_only';
  if (target.isCorrected) return 'already_corrected';
  return null;
}

/** A correction is the next version of the report it corrects; a first submission is version 1. */
export function versionOf(corrected: { version: number } | null): number {
  return corrected ? corrected.version + 1 : 1;
}

/** What the reader may do with one report now. */
export function reportActions(
  report: { status: ProgressReportStatus; isCorrected: boolean },
  standing: ActorStanding,
  taskStatus: TaskStatus,
): ProgressReportAction[] {
  const actions: ProgressReportAction[] = [];
  if (report.status === 'submitted' && !reviewerRefusal(standing)) actions.push('accept', 'return');
  if (!correctionRefusal(report) && !submitRefusal(taskStatus, standing)) actions.push('correct');
  return actions;
}

// ── evidence attachments ────────────────────────────────────────────────────────────────────────────────────

interface FileType {
  contentType: string;
  /** The file's first bytes must match: a renamed executable is refused even with a .pdf name. */
  matches: (head: Buffer) => boolean;
}

const startsWith = (bytes: readonly number[]) => (head: Buffer) => bytes.every((b, i) => head[i] === b);
const pdf = startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
const png = startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const jpeg = startsWith([0xff, 0xd8, 0xff]);
const zipEntry = startsWith([0x50, 0x4b, 0x03, 0x04]); // PK\3\4: zip, docx, xlsx, ofd
const zipEmpty = startsWith([0x50, 0x4b, 0x05, 0x06]);
const ole2 = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // legacy .doc / .xls

export const attachmentTypes: Record<(typeof attachmentLimits.extensions)[number], FileType> = {
  pdf: { contentType: 'application/pdf', matches: pdf },
  doc: { contentType: 'application/msword', matches: ole2 },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zipEntry },
  xls: { contentType: 'application/vnd.ms-excel', matches: ole2 },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: zipEntry },
  jpg: { contentType: 'image/jpeg', matches: jpeg },
  jpeg: { contentType: 'image/jpeg', matches: jpeg },
  png: { contentType: 'image/png', matches: png },
  ofd: { contentType: 'application/ofd', matches: zipEntry },
  zip: { contentType: 'application/zip', matches: (head) => zipEntry(head) || zipEmpty(head) },
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function isAllowedExtension(ext: string): ext is keyof typeof attachmentTypes {
  return Object.hasOwn(attachmentTypes, ext);
}

/** The file type by name alone, or why the name is refused — checked before a byte is stored. */
export function attachmentTypeByName(fileName: string): { ok: true; type: FileType } | { ok: false; why: RefusalCode; ext: string } {
  const ext = extensionOf(fileName);
  if (!isAllowedExtension(ext)) return { ok: false, why: ext ? 'file_extension' : 'no_file_extension', ext };
  return { ok: true, type: attachmentTypes[ext] };
}

/** Why the content does not match its name's type; null when it does. */
export function attachmentContentRefusal(type: FileType, head: Buffer): RefusalCode | null {
  return type.matches(head) ? null : 'content_mismatch';
}

export const attachmentMaxMiB = attachmentLimits.maxBytes / (1024 * 1024);
