import { submitReportBody, type Attachment, type ProgressReport, type ReportDraft } from '@luoshi/contracts';
import { describe, expect, it } from 'vitest';
import {
  correctionDraft,
  currentPeriod,
  draftToValues,
  fileRefusal,
  formatBytes,
  formFieldOfPath,
  isoWeek,
  previousPeriod,
  toSubmitBody,
  toUploadFile,
  withPlanCopied,
} from './report-form';

const taskId = '0190f3a4-7b1c-7def-8abc-0123456789ab';
const reportId = '0190f3a4-7b1c-7def-8abc-0123456789ac';
const userId = '0190f3a4-7b1c-7def-8abc-0123456789ad';

const file: Attachment = {
  id: '0190f3a4-7b1c-7def-8abc-0123456789ae',
  taskId,
  fileName: '现场照片.jpg',
  contentType: 'image/jpeg',
  size: 2048,
  sha256: 'ab'.repeat(32),
  uploadedBy: userId,
  uploadedByName: '张三',
  createdAt: '2026-03-02T02:00:00.000Z',
};

const nextDraft: ReportDraft = {
  taskId,
  kind: 'next',
  basedOnReportId: reportId,
  correctsReportId: null,
  returnReason: null,
  previousPeriodLabel: '2026年2月',
  periodLabel: null,
  done: null,
  doneHint: '完成选址',
  nextSteps: '完成选址',
  problems: '资金缺口',
  helpNeeded: null,
  percent: 40,
  milestone: null,
  attachments: [],
  canSubmit: true,
};

describe('draftToValues', () => {
  it('carries the last report over and suggests the period of a new report', () => {
    expect(draftToValues(nextDraft, '2026年3月')).toEqual({
      periodLabel: '2026年3月',
      done: undefined,
      nextSteps: '完成选址',
      problems: '资金缺口',
      helpNeeded: undefined,
      percent: 40,
      milestone: undefined,
      attachments: [],
    });
  });

  it('files a second report of one cycle under the same cycle (one period per reporting cycle)', () => {
    expect(draftToValues(nextDraft, '2026年2月').periodLabel).toBe('2026年2月');
  });

  it('starts 本期进展 from the last report’s text and lets the plan replace it while untouched', () => {
    expect(draftToValues({ ...nextDraft, done: '完成初稿' }, '2026年3月').done).toBe('完成初稿');
    expect(withPlanCopied('完成初稿', '完成初稿', '完成选址')).toBe('完成选址');
    expect(withPlanCopied('完成初稿，已报审', '完成初稿', '完成选址')).toBe('完成初稿，已报审\n完成选址');
    expect(withPlanCopied(undefined, null, '完成选址')).toBe('完成选址');
  });

  it('names the cycle before the current one for a late report', () => {
    expect(previousPeriod({ frequency: 'monthly', year: 2026, month: 1 })).toEqual({ frequency: 'monthly', year: 2025, month: 12 });
    expect(previousPeriod({ frequency: 'quarterly', year: 2026, quarter: 3 })).toEqual({ frequency: 'quarterly', year: 2026, quarter: 2 });
    expect(previousPeriod({ frequency: 'half_monthly', year: 2026, month: 3, half: 'first' })).toEqual({
      frequency: 'half_monthly',
      year: 2026,
      month: 2,
      half: 'second',
    });
    expect(previousPeriod({ frequency: 'weekly', year: 2026, week: 1 })).toEqual({ frequency: 'weekly', year: 2025, week: 52 });
    expect(previousPeriod({ frequency: 'weekly', year: 2026, week: 10 })).toEqual({ frequency: 'weekly', year: 2026, week: 9 });
  });

  it('keeps the corrected report’s own period and evidence for a correction', () => {
    const report = {
      ...nextDraft,
      id: reportId,
      seq: 1,
      version: 1,
      correctsReportId: null,
      correctedByReportId: null,
      reporterUserId: userId,
      reporterName: '张三',
      periodLabel: '2026年2月',
      done: '完成初稿',
      status: 'returned',
      reviewReason: '请补充佐证材料',
      reviewedBy: userId,
      reviewerName: '李四',
      reviewedAt: '2026-03-03T02:00:00.000Z',
      createdAt: '2026-03-02T02:00:00.000Z',
      attachments: [file],
      allowedActions: ['correct'],
    } satisfies ProgressReport;
    const draft = correctionDraft(report, true);
    expect(draft).toMatchObject({ kind: 'correction', correctsReportId: reportId, returnReason: '请补充佐证材料' });
    const values = draftToValues(draft, '2026年3月');
    expect(values.periodLabel).toBe('2026年2月');
    expect(values.done).toBe('完成初稿');
    expect(values.attachments?.map((f) => f.response?.id)).toEqual([file.id]);
  });
});

describe('toSubmitBody', () => {
  it('trims, leaves empty optional fields out and sends only uploaded files', () => {
    const body = toSubmitBody(
      {
        periodLabel: ' 2026年3月 ',
        done: ' 完成选址 ',
        nextSteps: '  ',
        problems: '资金缺口',
        percent: 55,
        milestone: '',
        attachments: [toUploadFile(file), { uid: 'x', name: 'b.pdf', status: 'uploading' }, { uid: 'y', name: 'c.pdf', status: 'error' }],
      },
      nextDraft,
    );
    expect(body).toEqual({ periodLabel: '2026年3月', done: '完成选址', problems: '资金缺口', percent: 55, attachmentIds: [file.id] });
    expect(submitReportBody.safeParse(body).success).toBe(true);
  });

  it('links a correction to the report it corrects', () => {
    const body = toSubmitBody(
      { periodLabel: '2026年2月', done: '已补充', milestone: '完成立项' },
      { kind: 'correction', correctsReportId: reportId },
    );
    expect(body).toMatchObject({ correctsReportId: reportId, milestone: '完成立项' });
    expect(body).not.toHaveProperty('percent');
    expect(submitReportBody.safeParse(body).success).toBe(true);
  });

  it('maps the server’s attachment paths onto the upload list', () => {
    expect(formFieldOfPath('attachmentIds.2')).toBe('attachments');
    expect(formFieldOfPath('done')).toBe('done');
  });
});

describe('fileRefusal', () => {
  it('takes the server’s types up to 20 MiB', () => {
    expect(fileRefusal({ name: '方案.PDF', size: 20 * 1024 * 1024 })).toBeNull();
    expect(fileRefusal({ name: '方案.pdf', size: 20 * 1024 * 1024 + 1 })).toEqual({ kind: 'tooLarge' });
    expect(fileRefusal({ name: 'run.exe', size: 10 })).toEqual({ kind: 'type', ext: 'exe' });
    expect(fileRefusal({ name: 'README', size: 10 })).toEqual({ kind: 'type', ext: '' });
    expect(fileRefusal({ name: 'a.ofd', size: 0 })).toEqual({ kind: 'empty' });
  });
});

describe('formatBytes', () => {
  it('reads like a file manager', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});

describe('currentPeriod', () => {
  it('is the Beijing period of the 报送频次', () => {
    // 2026-03-31T17:00Z is already 1 April in Beijing.
    const now = new Date('2026-03-31T17:00:00Z');
    expect(currentPeriod('monthly', now)).toEqual({ frequency: 'monthly', year: 2026, month: 4 });
    expect(currentPeriod('quarterly', now)).toEqual({ frequency: 'quarterly', year: 2026, quarter: 2 });
    expect(currentPeriod('half_monthly', new Date('2026-03-16T01:00:00Z'))).toMatchObject({ half: 'second' });
    expect(currentPeriod('once', now)).toBeNull();
  });

  it('numbers weeks the ISO way', () => {
    expect(isoWeek(2026, 1, 1)).toEqual({ year: 2026, week: 1 });
    expect(isoWeek(2027, 1, 1)).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(2026, 3, 16)).toEqual({ year: 2026, week: 12 });
  });
});
