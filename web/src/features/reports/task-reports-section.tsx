/**
 * 进展反馈 on the item page: every report, newest first (all versions), with 采纳 / 退回修改 for the 督查室 and
 * 更正后重报 for the lead unit where `allowedActions` allows, and 报送进展 when the reader may file one (`canSubmit`).
 * The form is its own lazy chunk: readers who never report do not download it.
 */
import { PlusOutlined } from '@ant-design/icons';
import { progressReportActionLabels, type ProgressReport, type ProgressReportAction } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import type { ReportTask } from './report-form-drawer';
import { ReportCard } from './report-card';
import { reportsQuery, useReviewReport } from './reports.api';
import { lazyDialog } from '../../app/lazy-dialog';

/** Its dialogs load on first open (`lazyDialog`), not with the page. */
const ReportReturnModal = lazyDialog(() => import('./report-return-modal').then((m) => m.ReportReturnModal));

const ReportFormDrawer = lazy(() => import('./report-form-drawer').then((m) => ({ default: m.ReportFormDrawer })));

type Opening = { kind: 'form'; correcting: ProgressReport | null; at: number } | { kind: 'return'; report: ProgressReport; at: number };

/** The section; `task` is the item as the page has it (its version keys the reports, so an action re-reads them). */
export function TaskReportsSection({ task }: { task: ReportTask }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message, modal } = App.useApp();
  const reports = useQuery(reportsQuery(task.id, task.version));
  const review = useReviewReport(task.id);
  const handleError = useApiErrorHandler();
  const [opening, setOpening] = useState<Opening | null>(null);

  const accept = (report: ProgressReport) => {
    void modal.confirm({
      title: t('reports.acceptConfirm'),
      content: `${report.periodLabel} · ${t('reports.version', { version: report.version })}`,
      okText: progressReportActionLabels.accept[locale],
      cancelText: t('common.cancel'),
      onOk: () =>
        review.mutateAsync({ report, body: { accept: true } }).then(
          () => void message.success(t('reports.acceptedDone')),
          (error: unknown) => handleError(error),
        ),
    });
  };

  const onAction = (action: ProgressReportAction, report: ProgressReport) => {
    if (action === 'accept') accept(report);
    else if (action === 'return') setOpening({ kind: 'return', report, at: Date.now() });
    else setOpening({ kind: 'form', correcting: report, at: Date.now() });
  };

  let body;
  if (reports.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (reports.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={`${t('reports.loadFailed')}：${errorText(reports.error, locale)}`}
        action={
          <Button size="small" onClick={() => void reports.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (reports.data.items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} style={{ marginBlock: 8 }} />;
  } else {
    const versions = new Map(reports.data.items.map((report) => [report.id, report.version]));
    body = (
      <Flex vertical gap={12}>
        {reports.data.items.map((report) => (
          <ReportCard key={report.id} report={report} versionOf={(id) => versions.get(id)} busy={review.isPending} onAction={onAction} />
        ))}
      </Flex>
    );
  }

  return (
    <Card
      size="small"
      title={t('reports.title')}
      extra={
        reports.data?.canSubmit && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setOpening({ kind: 'form', correcting: null, at: Date.now() })}
          >
            {t('reports.submit')}
          </Button>
        )
      }
    >
      {body}
      {opening?.kind === 'form' && (
        <Suspense fallback={null}>
          <ReportFormDrawer key={opening.at} task={task} correcting={opening.correcting} onClose={() => setOpening(null)} />
        </Suspense>
      )}
      {opening?.kind === 'return' && (
        <ReportReturnModal key={opening.at} taskId={task.id} report={opening.report} onClose={() => setOpening(null)} />
      )}
    </Card>
  );
}
