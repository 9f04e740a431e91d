/**
 * 导入分工方案, as a three-step wizard: choose the workbook → the server's dry-run report (every row's problems, the
 * non-blocking notes, the unit names to map once, and the items the valid rows would become) → import, all rows or
 * none (the names mapped are remembered as aliases). The progress bar shows the true upload
 * progress; while the server checks or imports, the wizard says so instead of inventing a percentage.
 */
import { InboxOutlined } from '@ant-design/icons';
import {
  ledgerImportFrequencyWords,
  ledgerImportProblemText,
  ledgerLimits,
  type LedgerImportMappings,
  type LedgerImportProblem,
  type LedgerImportResult,
  type TaskSource,
} from '@luoshi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Collapse, Flex, Modal, Progress, Result, Select, Space, Spin, Steps, Table, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useSourceLabel, useSourceOptions } from '../source-policies/use-sources';
import { ImportMapping } from './ledger-import-mapping';
import { importWorkbookMapped } from './ledger-import.api';
import type { ImportPhase } from './ledger.api';

type Stage = 'choose' | 'report' | 'done';

function PhaseIndicator({ phase, committing }: { phase: ImportPhase; committing: boolean }) {
  const { t } = useTranslation();
  if (phase.phase === 'uploading') {
    return <Progress percent={phase.percent} status="active" format={() => t('ledger.uploading', { percent: phase.percent })} />;
  }
  return (
    <Flex gap={12} align="center">
      <Spin />
      <Typography.Text>{committing ? t('ledger.importing') : t('ledger.checking')}</Typography.Text>
    </Flex>
  );
}

/**
 * The names the mapping card offers candidates for: a row naming one is not wrong in the workbook, it waits for the
 * clerk's pick, and says so (not "不存在或不在您的管辖范围内", which sends people back to Excel for nothing).
 */
function mappableNames(report: LedgerImportResult): Set<string> {
  return new Set(report.unknownUnits.filter((u) => u.candidates.length > 0).map((u) => u.name));
}

/** Whether a problem is an unknown or ambiguous unit name that the mapping card can resolve. */
function awaitsMapping(problem: LedgerImportProblem, mappable: Set<string>): boolean {
  return (
    (problem.code === 'unit_unknown' || problem.code === 'unit_ambiguous') &&
    problem.row !== null &&
    mappable.has(String(problem.params.name))
  );
}

/** What the report asks of the clerk: nothing, only picks in the mapping card, or corrections in Excel. */
function reportAdvice(report: LedgerImportResult, t: TFunction): string {
  if (report.problemCount === 0) return t('ledger.noProblems');
  const mappable = mappableNames(report);
  const toMap = report.problems.filter((p) => awaitsMapping(p, mappable)).length;
  const complete = report.problemCount === report.problems.length;
  const parts = [
    report.problemCount > report.problems.length
      ? t('ledger.problemsTruncated', { shown: report.problems.length, count: report.problemCount })
      : null,
    toMap === 0 ? t('ledger.fixFirst') : complete && toMap === report.problems.length ? t('ledger.mapOnly') : t('ledger.mapThenFix'),
  ];
  return parts.filter(Boolean).join(' ');
}

function ProblemTable({ problems, mappable = new Set() }: { problems: LedgerImportProblem[]; mappable?: Set<string> }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  return (
    <Table<LedgerImportProblem & { key: number }>
      size="small"
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      columns={[
        { title: t('ledger.row'), dataIndex: 'row', width: 70, render: (row: number | null) => row ?? t('ledger.wholeFile') },
        { title: t('ledger.column'), dataIndex: 'column', width: 110, render: (column: string | null) => column ?? '—' },
        {
          title: t('ledger.problem'),
          key: 'text',
          render: (_v, problem) =>
            awaitsMapping(problem, mappable)
              ? t('ledger.awaitsMapping', { name: String(problem.params.name) })
              : ledgerImportProblemText(problem, locale),
        },
      ]}
    />
  );
}

function PreviewTable({ result }: { result: LedgerImportResult }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const sourceLabel = useSourceLabel();
  return (
    <Table
      size="small"
      rowKey={(row) => `${row.row}-${row.leadUnitName}`}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      dataSource={result.preview}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('ledger.row'), dataIndex: 'row', width: 60 },
        { title: t('tasks.title'), dataIndex: 'title', ellipsis: true },
        { title: t('tasks.leadUnit'), dataIndex: 'leadUnitName', width: 160 },
        { title: t('ledger.cooperatingUnits'), key: 'co', width: 180, render: (_v, row) => row.cooperatingUnitNames.join('、') || '—' },
        { title: t('ledger.responsibleLeader'), dataIndex: 'responsibleLeaderName', width: 100, render: (v: string | null) => v ?? '—' },
        {
          title: t('tasks.deadline'),
          key: 'deadline',
          width: 140,
          render: (_v, row) =>
            row.deadline ??
            (row.deadlineWorkingDays !== null ? t('tasks.workingDaysAfterAssign', { count: row.deadlineWorkingDays }) : '—'),
        },
        { title: t('tasks.source'), key: 'source', width: 120, render: (_v, row) => sourceLabel(row.source) },
        {
          title: t('ledger.frequency'),
          key: 'frequency',
          width: 90,
          render: (_v, row) => ledgerImportFrequencyWords[row.reportingFrequency]?.[locale] ?? row.reportingFrequency,
        },
      ]}
    />
  );
}

export function LedgerImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const client = useQueryClient();
  const [stage, setStage] = useState<Stage>('choose');
  const [file, setFile] = useState<File | null>(null);
  const sourceOptions = useSourceOptions();
  const [defaultSource, setDefaultSource] = useState<TaskSource | undefined>('work_report');
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [committing, setCommitting] = useState(false);
  const [report, setReport] = useState<LedgerImportResult | null>(null);
  const [mappings, setMappings] = useState<LedgerImportMappings>({});
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<(() => void) | null>(null);

  const reset = () => {
    abort.current?.();
    setStage('choose');
    setFile(null);
    setPhase(null);
    setReport(null);
    setMappings({});
    setError(null);
    setCommitting(false);
  };

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setCommitting(!dryRun);
    // A progress event that arrives after the answer must not bring the spinner back (the buttons would stay busy).
    let settled = false;
    const request = importWorkbookMapped(file, { dryRun, defaultSource, mappings }, (next) => {
      if (!settled) setPhase(next);
    });
    abort.current = request.abort;
    try {
      const result = await request.promise;
      setReport(result);
      setStage(dryRun ? 'report' : 'done');
      if (!dryRun) void client.invalidateQueries({ queryKey: ['tasks'] });
    } catch (caught) {
      setError(errorText(caught, locale));
    } finally {
      settled = true;
      abort.current = null;
      setPhase(null);
    }
  };

  const busy = phase !== null;
  const canCommit = !!report && report.problemCount === 0 && report.validRows > 0;
  const close = () => {
    reset();
    onClose();
  };

  const footer =
    stage === 'choose' ? (
      <Button type="primary" disabled={!file || busy} loading={busy} onClick={() => void run(true)}>
        {t('ledger.check')}
      </Button>
    ) : stage === 'report' && report ? (
      <Flex justify="end" gap={8}>
        <Button disabled={busy} onClick={reset}>
          {t('ledger.chooseAgain')}
        </Button>
        <Button type="primary" disabled={!canCommit || busy} loading={busy} onClick={() => void run(false)}>
          {t('ledger.commit', { count: report.validRows })}
        </Button>
      </Flex>
    ) : null;

  return (
    <Modal
      open={open}
      title={t('ledger.import')}
      width={960}
      onCancel={close}
      footer={footer}
      destroyOnHidden
      maskClosable={!busy}
      // The body scrolls and the footer stays: with 40 notes open the import button is still on screen.
      styles={{ body: { maxHeight: 'calc(100vh - 280px)', overflowY: 'auto', overflowX: 'hidden' } }}
    >
      <Steps
        size="small"
        current={stage === 'choose' ? 0 : stage === 'report' ? 1 : 2}
        items={[
          { title: t('ledger.importSteps.upload') },
          { title: t('ledger.importSteps.check') },
          { title: t('ledger.importSteps.done') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {phase && (
        <div style={{ marginBottom: 12 }}>
          <PhaseIndicator phase={phase} committing={committing} />
        </div>
      )}

      {stage === 'choose' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('ledger.importHint')}</Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            disabled={busy}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setError(null);
              return false; // sent by the wizard, not by the Upload component
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('ledger.importDrop')}</p>
            <p className="ant-upload-hint">
              {t('ledger.importLimits', { mb: ledgerLimits.importBytesMax / 1024 / 1024, rows: ledgerLimits.importRowsMax })}
            </p>
          </Upload.Dragger>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('ledger.defaultSource')}</Typography.Text>
            <Select<TaskSource>
              allowClear
              value={defaultSource}
              onChange={setDefaultSource}
              options={sourceOptions}
              style={{ width: 200 }}
            />
          </Flex>
        </Space>
      )}

      {stage === 'report' && report && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type={report.problemCount ? 'warning' : 'success'}
            showIcon
            title={t('ledger.summary', { total: report.totalRows, valid: report.validRows, problems: report.problemCount })}
            description={reportAdvice(report, t)}
          />
          <ImportMapping result={report} mappings={mappings} onChange={setMappings} onApply={() => void run(true)} busy={busy} />
          {report.problems.length > 0 && <ProblemTable problems={report.problems} mappable={mappableNames(report)} />}
          {report.notes.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'notes',
                  label: t('ledger.notesTitle', { count: report.notes.length }),
                  children: <ProblemTable problems={report.notes} />,
                },
              ]}
            />
          )}
          {report.preview.length > 0 && (
            <>
              <Typography.Title level={5}>{t('ledger.preview')}</Typography.Title>
              <PreviewTable result={report} />
            </>
          )}
        </Space>
      )}

      {stage === 'done' && report && (
        <Result
          status="success"
          title={t('ledger.imported', { count: report.created.length })}
          subTitle={report.created
            .slice(0, 5)
            .map((item) => item.serialNumber)
            .join('、')}
          extra={<Button onClick={close}>{t('ledger.close')}</Button>}
        />
      )}
    </Modal>
  );
}
