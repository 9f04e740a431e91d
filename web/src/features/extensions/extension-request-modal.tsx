/**
 * 申请延期: the new 办结时限 (only dates after the current one), the reason and the 当前进展. The request must reach
 * the server before the deadline passes; it then goes to the unit leader, the 督查员 and the responsible leader in turn.
 * One Idempotency-Key per input, so a double click or a retry does not ask twice.
 */
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { createIdempotencyKeeper } from '../../app/api/idempotency';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import type { TaskDetail } from '../tasks/tasks.api';
import { useRequestExtension } from './extensions.api';

type Values = { newDeadline: Dayjs; reason: string; progress: string };

/** The modal; mount it fresh per opening (a new opening is a new submission). */
export function ExtensionRequestModal({ item, onClose }: { item: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [keeper] = useState(() => createIdempotencyKeeper());
  const inFlight = useRef(false);
  const request = useRequestExtension(item.id);
  const handleError = useApiErrorHandler();
  const deadline = item.deadline ?? '';
  const notLater = (day: Dayjs) => day.format('YYYY-MM-DD') <= deadline;

  const submit = (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = { newDeadline: values.newDeadline.format('YYYY-MM-DD'), reason: values.reason.trim(), progress: values.progress.trim() };
    request.mutate(
      { body, idempotencyKey: keeper.keyFor(body) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: () => {
          void message.success(t('extensions.requested'));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') keeper.reset();
          handleError(error, { form });
          // Refused for the item's state (deadline passed, another request pending): the page reloads and the button goes.
          if (error instanceof ApiError && error.status === 409) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t('extensions.request')} · ${item.serialNumber}`}
      okText={t('extensions.submitRequest')}
      cancelText={t('common.cancel')}
      confirmLoading={request.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('extensions.rule', { deadline })} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item label={t('extensions.deadlineNow')}>{deadline}</Form.Item>
        <Form.Item<Values>
          name="newDeadline"
          label={t('extensions.newDeadline')}
          extra={t('extensions.newDeadlineHint', { deadline })}
          rules={[
            { required: true, message: t('common.requiredSelect', { field: t('extensions.newDeadline') }) },
            {
              validator: (_rule, value: Dayjs | null | undefined) =>
                value && notLater(value) ? Promise.reject(new Error(t('extensions.newDeadlineHint', { deadline }))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker
            disabledDate={notLater}
            defaultPickerValue={deadline ? dayjs(deadline).add(1, 'day') : undefined}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item<Values>
          name="reason"
          label={t('extensions.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('extensions.reason') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} placeholder={t('extensions.reasonPlaceholder')} />
        </Form.Item>
        <Form.Item<Values>
          name="progress"
          label={t('extensions.progress')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('extensions.progress') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} placeholder={t('extensions.progressPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
