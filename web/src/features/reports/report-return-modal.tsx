/**
 * 退回修改: the 督查室 returns a report with the reason the unit must act on (required). A report that someone else
 * reviewed meanwhile (409) shows the server's reason and the list is re-read.
 */
import type { ProgressReport } from '@luoshi/contracts';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { formatBeijingTime } from '../tasks/task-format';
import { useReviewReport } from './reports.api';

type Values = { reason?: string };

/** Mount it per opening. */
export function ReportReturnModal({ taskId, report, onClose }: { taskId: string; report: ProgressReport; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const review = useReviewReport(taskId);
  const handleError = useApiErrorHandler();
  const label = t('reports.returnReason');

  const submit = (values: Values) => {
    if (review.isPending) return;
    review.mutate(
      { report, body: { accept: false, reason: values.reason?.trim() ?? '' } },
      {
        onSuccess: () => {
          void message.success(t('reports.returnedDone'));
          onClose();
        },
        onError: (error) => {
          handleError(error, { form });
          if (error instanceof ApiError && error.status === 409) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('reports.returnTitle')}
      okText={t('reports.returnTitle')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {report.periodLabel} · {t('reports.version', { version: report.version })} · {report.reporterName ?? '—'} ·{' '}
        {formatBeijingTime(report.createdAt)}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={20_000}
            placeholder={t('reports.returnReasonPlaceholder')}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
