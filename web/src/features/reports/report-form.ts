/**
 * The 进展反馈 form without React: draft → initial values (carried over from the last report, so a routine report
 * only needs what changed), values → submit body, the suggested 报送期次 for the item's 报送频次, the client-side
 * evidence checks (the server checks the same, and the file's bytes too), and file sizes for people.
 */
import { attachmentLimits, type Attachment, type ProgressReport, type ReportDraft, type submitReportBody } from '@luoshi/contracts';
import type { UploadFile } from 'antd';
import type { BodyOf } from '../../app/api/contract-types';

/** Values of the report form. `attachments` is the Upload's file list; done files carry the server's attachment. */
export type ReportFormValues = {
  periodLabel?: string;
  done?: string;
  nextSteps?: string;
  problems?: string;
  helpNeeded?: string;
  percent?: number | null;
  milestone?: string;
  attachments?: UploadFile<Attachment>[];
};

/** An attachment already on the server, as an Upload list entry. */
export function toUploadFile(file: Attachment): UploadFile<Attachment> {
  return { uid: file.id, name: file.fileName, size: file.size, status: 'done', response: file };
}

/** The draft as a correction of `report` (the same as the server's draft when `report` is the newest one). */
export function correctionDraft(report: ProgressReport, canSubmit: boolean): ReportDraft {
  return {
    taskId: report.taskId,
    kind: 'correction',
    basedOnReportId: report.id,
    correctsReportId: report.id,
    returnReason: report.reviewReason,
    previousPeriodLabel: report.periodLabel,
    periodLabel: report.periodLabel,
    done: report.done,
    doneHint: null,
    nextSteps: report.nextSteps,
    problems: report.problems,
    helpNeeded: report.helpNeeded,
    percent: report.percent,
    milestone: report.milestone,
    attachments: report.attachments,
    canSubmit,
  };
}

/**
 * Initial form values: everything the draft carries — for a routine report the last 本期进展 as the text to edit,
 * 下步计划, problems, progress — and the reporting cycle `now` falls in as the 报送期次 (one name per cycle: a second
 * report in the same month is filed under the same month, never under a free-typed "本月").
 */
export function draftToValues(draft: ReportDraft, suggestedPeriod: string | null): ReportFormValues {
  return {
    periodLabel: draft.periodLabel ?? suggestedPeriod ?? undefined,
    done: draft.done ?? undefined,
    nextSteps: draft.nextSteps ?? undefined,
    problems: draft.problems ?? undefined,
    helpNeeded: draft.helpNeeded ?? undefined,
    percent: draft.percent,
    milestone: draft.milestone ?? undefined,
    attachments: draft.attachments.map(toUploadFile),
  };
}

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}

/** The uploaded attachments of the list (files still uploading or refused are not sent). */
export function attachmentIdsOf(files: readonly UploadFile<Attachment>[] | undefined): string[] {
  return (files ?? []).flatMap((file) => (file.status === 'done' && file.response ? [file.response.id] : []));
}

/** The submit body: trimmed texts, empty optional fields left out, `correctsReportId` for a correction. */
export function toSubmitBody(
  values: ReportFormValues,
  draft: Pick<ReportDraft, 'kind' | 'correctsReportId'>,
): BodyOf<typeof submitReportBody> {
  const body: BodyOf<typeof submitReportBody> = {
    periodLabel: values.periodLabel?.trim() ?? '',
    done: values.done?.trim() ?? '',
    attachmentIds: attachmentIdsOf(values.attachments),
  };
  const optional = { nextSteps: values.nextSteps, problems: values.problems, helpNeeded: values.helpNeeded, milestone: values.milestone };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string | undefined][]) {
    const text = trimmed(value);
    if (text) body[key] = text;
  }
  if (typeof values.percent === 'number') body.percent = Math.round(values.percent);
  if (draft.kind === 'correction' && draft.correctsReportId) body.correctsReportId = draft.correctsReportId;
  return body;
}

/** Form field of a server field path (`attachmentIds.0` → the upload list). */
export function formFieldOfPath(path: string): string {
  return path.startsWith('attachmentIds') ? 'attachments' : path;
}

/** Why a file is refused before upload: too large, or a type the server does not take. */
export type FileRefusal = { kind: 'tooLarge' } | { kind: 'type'; ext: string } | { kind: 'empty' };

/** The extension (lower case) of a file name, '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** The client-side check of an evidence file; null when it may go up. */
export function fileRefusal(file: { name: string; size: number }): FileRefusal | null {
  const ext = extensionOf(file.name);
  if (!(attachmentLimits.extensions as readonly string[]).includes(ext)) return { kind: 'type', ext };
  if (file.size > attachmentLimits.maxBytes) return { kind: 'tooLarge' };
  if (file.size === 0) return { kind: 'empty' };
  return null;
}

/** The `accept` attribute of the file picker. */
export const acceptAttribute = attachmentLimits.extensions.map((ext) => `.${ext}`).join(',');

/** 1 KB = 1024 B; one decimal below 10. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Parts of a suggested 报送期次, to be worded by the UI language. */
export type PeriodParts =
  | { frequency: 'weekly'; year: number; week: number }
  | { frequency: 'half_monthly'; year: number; month: number; half: 'first' | 'second' }
  | { frequency: 'monthly'; year: number; month: number }
  | { frequency: 'quarterly'; year: number; quarter: number };

/** The Beijing calendar date of `now`. */
function beijingDate(now: Date): { year: number; month: number; day: number } {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** ISO 8601 week (Monday first; week 1 holds the year's first Thursday) of a calendar date. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  return { year: weekYear, week: Math.ceil(((date.getTime() - firstDay) / 86_400_000 + 1) / 7) };
}

/** The reporting period before `period` (补报: a report for the cycle that just ended). */
export function previousPeriod(period: PeriodParts): PeriodParts {
  switch (period.frequency) {
    case 'weekly': {
      // The Thursday of the week before lies in the previous ISO week.
      const thursday = isoWeekThursday(period.year, period.week);
      thursday.setUTCDate(thursday.getUTCDate() - 7);
      return { frequency: 'weekly', ...isoWeek(thursday.getUTCFullYear(), thursday.getUTCMonth() + 1, thursday.getUTCDate()) };
    }
    case 'half_monthly':
      if (period.half === 'second') return { ...period, half: 'first' };
      return period.month === 1
        ? { frequency: 'half_monthly', year: period.year - 1, month: 12, half: 'second' }
        : { frequency: 'half_monthly', year: period.year, month: period.month - 1, half: 'second' };
    case 'monthly':
      return period.month === 1 ? { frequency: 'monthly', year: period.year - 1, month: 12 } : { ...period, month: period.month - 1 };
    case 'quarterly':
      return period.quarter === 1
        ? { frequency: 'quarterly', year: period.year - 1, quarter: 4 }
        : { ...period, quarter: period.quarter - 1 };
  }
}

/** The Thursday of an ISO week (it always lies in the week's own year). */
function isoWeekThursday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (week - 1) * 7);
  monday.setUTCDate(monday.getUTCDate() + 3);
  return monday;
}

/**
 * The 本期进展 after "引用上期下步计划": last time's plan replaces the carried-over text while it is untouched (what was
 * planned is what got done), and is added below what the reporter already wrote otherwise.
 */
export function withPlanCopied(current: string | undefined, carried: string | null, plan: string): string {
  const text = current?.trim();
  if (!text || text === carried?.trim()) return plan;
  return `${text}\n${plan}`;
}

/** The reporting period `now` falls in (Beijing time), for 报送频次 with periods; null for 一次性 / 自定义. */
export function currentPeriod(frequency: string, now: Date = new Date()): PeriodParts | null {
  const { year, month, day } = beijingDate(now);
  switch (frequency) {
    case 'weekly':
      return { frequency, ...isoWeek(year, month, day) };
    case 'half_monthly':
      return { frequency, year, month, half: day <= 15 ? 'first' : 'second' };
    case 'monthly':
      return { frequency, year, month };
    case 'quarterly':
      return { frequency, year, quarter: Math.ceil(month / 3) };
    default:
      return null;
  }
}
