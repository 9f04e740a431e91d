/**
 * 进展反馈 use cases: list an item's reports, pre-fill the next one, submit (or correct), review. Every write runs in
 * one transaction with its timeline event on the item and its audit event; submission accepts an Idempotency-Key
 * so a retried form has exactly one effect. Filing a report never moves the item's status.
 */
import { randomUUID } from 'node:crypto';
import {
  type ErrorActionCode,
  type RefusalCode,
  type ProgressReport,
  type ProgressReportStatus,
  type ReportDraft,
  type ReviewReportBody,
  type SubmitReportBody,
  type TaskStatus,
} from '@luoshi/contracts';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { idempotent } from '../../platform/idempotency.js';
import { findTaskInScope, recordTaskStep, type TaskInScope } from '../tasks/index.js';
import { noteReport } from '../warnings/index.js';
import { reviewerRefusal, standingOf } from './reports.policy.js';
import { presentDraft, presentReport } from './reports.presenter.js';
import * as repo from './reports.repository.js';
import { correctionRefusal, reportActions, submitRefusal, versionOf } from './reports.rules.js';

/** What a refused step is called in REPORT_NOT_ALLOWED (its words are the contracts', error-words.ts). */
const reportStepActions = {
  submit: 'submit_report',
  correct: 'correct_report',
  review: 'review_report',
  upload: 'upload_evidence',
} as const satisfies Record<string, ErrorActionCode>;

/** 409 naming the refused step and why, as keys the contracts put into words. */
export function notAllowed(step: 'submit' | 'correct' | 'review' | 'upload', why: RefusalCode): AppError {
  return new AppError('REPORT_NOT_ALLOWED', { action: reportStepActions[step], why });
}

/** The item if the actor can see it; otherwise 404, the same as a missing item. */
export async function visibleTask(db: Db, actor: Actor, taskId: string, forUpdate = false): Promise<TaskInScope> {
  return findTaskInScope(db, actor.scope, taskId, { lock: forUpdate });
}

async function presentReports(db: Db, actor: Actor, task: TaskInScope, rows: repo.ReportRow[]): Promise<ProgressReport[]> {
  const attachments = await repo.listReportAttachments(
    db,
    rows.map((r) => r.id),
  );
  const standing = standingOf(actor, task);
  return rows.map((row) =>
    presentReport(
      row,
      attachments.get(row.id) ?? [],
      reportActions(
        { status: row.status as ProgressReportStatus, isCorrected: row.correctedByReportId !== null },
        standing,
        task.status as TaskStatus,
      ),
    ),
  );
}

async function readReport(db: Db, actor: Actor, task: TaskInScope, id: string): Promise<ProgressReport> {
  const row = await repo.findReportOfTask(db, task, id);
  if (!row) throw notFound();
  const [report] = await presentReports(db, actor, task, [row]);
  if (!report) throw notFound();
  return report;
}

export async function listProgressReports(
  deps: Deps,
  ctx: RequestContext,
  taskId: string,
): Promise<{ items: ProgressReport[]; canSubmit: boolean }> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const task = await visibleTask(db, actor, taskId);
  const items = await presentReports(db, actor, task, await repo.listReports(db, taskId));
  return { items, canSubmit: submitRefusal(task.status as TaskStatus, standingOf(actor, task)) === null };
}

export async function getReportDraft(deps: Deps, ctx: RequestContext, taskId: string): Promise<ReportDraft> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const task = await visibleTask(db, actor, taskId);
  const latest = await repo.latestReport(db, taskId);
  const attachments = latest ? ((await repo.listReportAttachments(db, [latest.id])).get(latest.id) ?? []) : [];
  const canSubmit = submitRefusal(task.status as TaskStatus, standingOf(actor, task)) === null;
  return presentDraft(taskId, latest, attachments, canSubmit);
}

/**
 * Files a report, or with `correctsReportId` the correction of a returned one (its next version). The item row is
 * locked for the transaction, so reports of one item are numbered in order and a report cannot be corrected twice.
 */
export async function submitProgressReport(
  deps: Deps,
  ctx: RequestContext,
  taskId: string,
  input: SubmitReportBody,
  idempotencyKey?: string,
): Promise<ProgressReport> {
  const actor = requireActor(ctx);
  const answer = await idempotent(deps.database.db, ctx, idempotencyKey, `POST /tasks/${taskId}/reports`, input, async (tx) => {
    const task = await visibleTask(tx, actor, taskId, true);
    const refusal = submitRefusal(task.status as TaskStatus, standingOf(actor, task));
    if (refusal) throw notAllowed('submit', refusal);
    let corrected: repo.ReportRow | null = null;
    if (input.correctsReportId) {
      corrected = await repo.findReportOfTask(tx, task, input.correctsReportId, true);
      if (!corrected || corrected.taskId !== taskId) throw notFound();
      const why = correctionRefusal({
        status: corrected.status as ProgressReportStatus,
        isCorrected: corrected.correctedByReportId !== null,
      });
      if (why) throw notAllowed('correct', why);
    }
    const attachmentIds = [...new Set(input.attachmentIds)];
    const found = await repo.findTaskAttachments(tx, taskId, attachmentIds);
    if (found.length !== attachmentIds.length) {
      throw fieldError('VALIDATION_FAILED', 'attachmentIds', 'not an attachment of this item');
    }
    const id = randomUUID();
    const now = ctx.clock.now();
    const version = versionOf(corrected);
    await repo.insertReport(
      tx,
      {
        id,
        taskId,
        seq: await repo.nextReportSeq(tx, taskId),
        version,
        correctsReportId: corrected?.id ?? null,
        reporterUserId: actor.userId,
        periodLabel: input.periodLabel,
        done: input.done,
        nextSteps: input.nextSteps ?? null,
        problems: input.problems ?? null,
        helpNeeded: input.helpNeeded ?? null,
        percent: input.percent ?? null,
        milestone: input.milestone ?? null,
        status: 'submitted',
        createdAt: now,
      },
      attachmentIds,
    );
    await noteReport(tx, taskId, { at: now, percent: input.percent ?? null, milestone: input.milestone ?? null });
    const report = await readReport(tx, actor, task, id);
    await recordTaskStep(deps, tx, ctx, task, {
      type: 'report_submitted',
      data: {
        reportId: id,
        version,
        correctsReportId: corrected?.id ?? null,
        periodLabel: input.periodLabel,
        percent: input.percent ?? null,
      },
      light: 'refresh',
      audit: { eventType: 'report.submitted', objectType: 'progress_report', objectId: id, after: report },
    });
    return { statusCode: 201, body: report };
  });
  return answer.body;
}

/** The 督查室 accepts a report (it is final) or returns it with reasons for the unit to correct. Once only. */
export async function reviewProgressReport(
  deps: Deps,
  ctx: RequestContext,
  reportId: string,
  input: ReviewReportBody,
): Promise<ProgressReport> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findReport(tx, actor.scope, reportId, true);
    if (!row) throw notFound();
    const task = await visibleTask(tx, actor, row.taskId);
    const refusal = reviewerRefusal(standingOf(actor, task));
    if (refusal) throw notAllowed('review', refusal);
    if (row.status !== 'submitted') throw alreadyReviewed(row.status as ProgressReportStatus);
    const before = await readReport(tx, actor, task, reportId);
    const now = ctx.clock.now();
    const status = input.accept ? 'accepted' : 'returned';
    const reason = input.reason ?? null;
    if (!(await repo.markReviewed(tx, reportId, { status, reviewReason: reason, reviewedBy: actor.userId, reviewedAt: now }))) {
      throw new Error('report reviewed under its own row lock');
    }
    const after = await readReport(tx, actor, task, reportId);
    await recordTaskStep(deps, tx, ctx, task, {
      type: input.accept ? 'report_accepted' : 'report_returned',
      reason,
      data: { reportId, version: row.version, periodLabel: row.periodLabel },
      light: 'announce',
      // A returned report goes back to the unit; an accepted one tells nobody (the page updates live).
      notify: input.accept ? false : { facts: { periodLabel: row.periodLabel } },
      audit: {
        eventType: input.accept ? 'report.accepted' : 'report.returned',
        objectType: 'progress_report',
        objectId: reportId,
        before,
        after,
      },
    });
    return after;
  });
}

function alreadyReviewed(status: ProgressReportStatus): AppError {
  return new AppError('REPORT_ALREADY_REVIEWED', { status });
}
