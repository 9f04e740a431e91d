/**
 * 批准 / 不批准 the step of a 延期申请 that waits for the reader. Refusing needs a reason; approving may carry an
 * opinion. The modal says what an approval leads to: the next step, or (at the last step) the new 办结时限.
 */
import type { ExtensionRequest } from '@luoshi/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import type { TaskDetail } from '../tasks/tasks.api';
import { useDecideExtension } from './extensions.api';
import { nextStepAfter } from './extension-steps';

type Values = { reason?: string };

/** The modal for one decision; `approve` picks 批准 or 不批准. */
export function ExtensionDecisionModal({
  item,
  request,
  approve,
  onClose,
}: {
  item: TaskDetail;
  request: ExtensionRequest;
  approve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const inFlight = useRef(false);
  const decide = useDecideExtension(item.id);
  const handleError = useApiErrorHandler();
  const label = approve ? t('extensions.approve') : t('extensions.refuse');
  const reasonLabel = approve ? t('extensions.approveReason') : t('extensions.refuseReason');
  const next = nextStepAfter(request.status, !!item.responsibleLeaderId);

  const submit = (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const reason = values.reason?.trim();
    decide.mutate(
      { extensionId: request.id, body: { approve, ...(reason ? { reason } : {}) } },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: (decided) => {
          void message.success(
            decided.status === 'approved'
              ? t('extensions.approvedNotice', { date: decided.newDeadline })
              : t('extensions.decided', { decision: label }),
          );
          onClose();
        },
        onError: (error) => {
          handleError(error, { form, codeFields: { TASK_REASON_REQUIRED: 'reason' } });
          // Decided meanwhile or no longer this reader's step: the page reloads with the current state.
          if (error instanceof ApiError && error.status === 409) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('extensions.decideTitle', { decision: label, serial: item.serialNumber })}
      okText={label}
      okButtonProps={{ danger: !approve }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={approve ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          !approve
            ? t('extensions.refuseHint', { deadline: request.currentDeadline })
            : next === 'approved'
              ? t('extensions.finalHint', { from: request.currentDeadline, to: request.newDeadline })
              : t('extensions.nextHint', { next: t(`extensions.steps.${next}`) })
        }
      />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item<Values>
          name="reason"
          label={reasonLabel}
          rules={approve ? [] : [{ required: true, whitespace: true, message: t('common.required', { field: reasonLabel }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={20_000}
            placeholder={approve ? t('extensions.approveReasonPlaceholder') : t('extensions.refuseReasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
