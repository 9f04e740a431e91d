/**
 * One 进展反馈 as the item page shows it: 报送期次, status, version (a correction says which version it corrects),
 * 报送人 and time, 完成进度 or 阶段性成果/节点, the four texts, 佐证材料 as download links, the 审核 result, and the
 * buttons this reader may use now (`allowedActions`). A version that has been corrected folds its content away.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import {
  progressReportActionLabels,
  progressReportStatusLabels,
  type ProgressReport,
  type ProgressReportAction,
  type ProgressReportStatus,
} from '@luoshi/contracts';
import { Alert, Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppLocale } from '../../app/i18n/i18n';
import { formatBeijingTime } from '../tasks/task-format';
import { formatBytes } from './report-form';
import { attachmentUrl } from './reports.api';

const statusColours: Record<ProgressReportStatus, string> = { submitted: 'gold', accepted: 'green', returned: 'red' };

const multiline = { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** The status as a coloured tag, in the contract's wording. */
export function ReportStatusTag({ status }: { status: ProgressReportStatus }) {
  const locale = useAppLocale();
  return (
    <Tag color={statusColours[status]} style={{ marginInlineEnd: 0 }}>
      {progressReportStatusLabels[status][locale]}
    </Tag>
  );
}

function Labelled({ label, text }: { label: string; text: string | null }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <Typography.Paragraph style={multiline}>
      <Typography.Text type="secondary">
        {label}
        {t('tasks.labelSeparator')}
      </Typography.Text>
      {text}
    </Typography.Paragraph>
  );
}

function ReportContent({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6}>
      {report.percent !== null && (
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {t('reports.percent')}
          </Typography.Text>
          <Progress percent={report.percent} size="small" style={{ flex: 1, margin: 0 }} aria-label={t('reports.percent')} />
        </Flex>
      )}
      <Labelled label={t('reports.milestone')} text={report.milestone} />
      <Labelled label={t('reports.done')} text={report.done} />
      <Labelled label={t('reports.nextSteps')} text={report.nextSteps} />
      <Labelled label={t('reports.problems')} text={report.problems} />
      <Labelled label={t('reports.helpNeeded')} text={report.helpNeeded} />
      {report.attachments.length > 0 && (
        <div>
          <Typography.Text type="secondary">
            {t('reports.attachments')}
            {t('tasks.labelSeparator')}
          </Typography.Text>
          <Flex vertical gap={2}>
            {report.attachments.map((file) => (
              <span key={file.id} style={{ overflowWrap: 'anywhere' }}>
                <PaperClipOutlined aria-hidden style={{ marginInlineEnd: 4 }} />
                <a href={attachmentUrl(file.id)} download={file.fileName}>
                  {file.fileName}
                </a>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {formatBytes(file.size)}
                </Typography.Text>
              </span>
            ))}
          </Flex>
        </div>
      )}
    </Flex>
  );
}

function Review({ report }: { report: ProgressReport }) {
  const { t } = useTranslation();
  if (report.status === 'submitted' || !report.reviewedAt) return null;
  const who = t('reports.reviewedBy', { name: report.reviewerName ?? '—', at: formatBeijingTime(report.reviewedAt) });
  if (report.status === 'returned') {
    return (
      <Alert
        type="warning"
        showIcon
        title={
          <Flex vertical gap={2}>
            <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('reports.returnReason')}
              {t('tasks.labelSeparator')}
              {report.reviewReason ?? '—'}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {who}
            </Typography.Text>
          </Flex>
        }
      />
    );
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {who}
    </Typography.Text>
  );
}

/** The card of one report; `versionOf` finds the version of the report that corrected it. */
export function ReportCard({
  report,
  versionOf,
  busy,
  onAction,
}: {
  report: ProgressReport;
  versionOf: (reportId: string) => number | undefined;
  busy: boolean;
  onAction: (action: ProgressReportAction, report: ProgressReport) => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const isSuperseded = report.correctedByReportId !== null;
  const [isOpen, setIsOpen] = useState(!isSuperseded);
  const correctedVersion = report.correctedByReportId ? versionOf(report.correctedByReportId) : undefined;
  const versionText =
    report.correctsReportId !== null
      ? t('reports.correction', { version: report.version, corrects: report.version - 1 })
      : t('reports.version', { version: report.version });
  // The person who filed it and their unit, as recorded at filing.
  const unit = report.reporterUnitName ? (locale === 'zh-CN' ? `（${report.reporterUnitName}）` : ` (${report.reporterUnitName})`) : '';
  const reporter = `${t('reports.reporter')} ${report.reporterName ?? '—'}${unit}`;
  const meta = [versionText, reporter, formatBeijingTime(report.createdAt)];

  return (
    <Card size="small" type="inner" style={isSuperseded ? { opacity: 0.75 } : undefined}>
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap justify="space-between">
          <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
              {report.periodLabel}
            </Typography.Text>
            <ReportStatusTag status={report.status} />
            {isSuperseded && (
              <Tag style={{ marginInlineEnd: 0 }}>
                {correctedVersion ? t('reports.correctedBy', { version: correctedVersion }) : t('reports.corrected')}
              </Tag>
            )}
          </Flex>
          {isSuperseded && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setIsOpen((open) => !open)}>
              {isOpen ? t('reports.hideContent') : t('reports.showContent')}
            </Button>
          )}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {meta.join(' · ')}
        </Typography.Text>
        {isOpen && <ReportContent report={report} />}
        <Review report={report} />
        {report.allowedActions.length > 0 && (
          <Flex gap={8} wrap>
            {report.allowedActions.map((action) => (
              <Button
                key={action}
                size="small"
                type={action === 'return' ? 'default' : 'primary'}
                danger={action === 'return'}
                disabled={busy}
                onClick={() => onAction(action, report)}
              >
                {progressReportActionLabels[action][locale]}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
