/**
 * One lifecycle action in a modal that asks only for what the action needs. 退回, 退回重办 and 撤销 ask for a second
 * confirmation. The request carries the item's version (If-Match) and an Idempotency-Key kept for retries of the same
 * input; a refusal (409) or a stale page (412) shows the server's reason and reloads the item.
 */
import type { TaskAction } from '@luoshi/contracts';
import { Alert, App, Checkbox, Form, Input, Modal, Radio, Rate, Typography, type FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/api-error';
import { createIdempotencyKeeper } from '../../app/api/idempotency';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { CompletionProofFields } from './completion-proof-fields';
import { HandlerSelect } from './handler-select';
import { useTaskTransition, type TaskDetail } from './tasks.api';
import {
  actionFieldErrors,
  actionNeeds,
  destructiveActions,
  takesReason,
  toTransitionBody,
  urgeChannels,
  type ActionFormValues,
} from './task-actions';
import { actionLabelFor } from './task-format';

const scores = ['quality', 'timeliness', 'satisfaction'] as const;

/** The modal for `action` on `item`; mount it fresh per opening (a new opening is a new submission). */
export function TaskActionModal({
  item,
  action,
  onClose,
  onStale,
}: {
  item: TaskDetail;
  action: TaskAction;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ActionFormValues>();
  const [keeper] = useState(() => createIdempotencyKeeper());
  const transition = useTaskTransition(item.id);
  const handleError = useApiErrorHandler();
  // A second click can arrive before React re-renders with `isPending`; the key would still dedupe it on the server.
  const inFlight = useRef(false);
  const label = actionLabelFor(action, item.pendingChange, locale);
  const { fields, reasonRequired } = actionNeeds[action];
  const isDestructive = destructiveActions.includes(action);

  const send = (values: ActionFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const body = toTransitionBody(action, values);
    transition.mutate(
      { body, version: item.version, idempotencyKey: keeper.keyFor(body) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
        onSuccess: () => {
          void message.success(t('tasks.actionDone', { action: label }));
          onClose();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') keeper.reset();
          const isStale = error instanceof ApiError && (error.status === 409 || error.status === 412);
          handleError(error);
          if (isStale) {
            onStale();
            onClose();
            return;
          }
          // Field paths come from the server, so they are set through the untyped instance.
          const untypedForm: FormInstance = form;
          untypedForm.setFields(actionFieldErrors(action, error, locale));
        },
      },
    );
  };

  const submit = (values: ActionFormValues) => {
    if (!isDestructive) {
      send(values);
      return;
    }
    void modal.confirm({
      title: t('tasks.actionConfirm', { action: label }),
      content: `${item.serialNumber} ${item.title}`,
      okText: label,
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  return (
    <Modal
      open
      title={`${label} · ${item.serialNumber}`}
      okText={label}
      okButtonProps={{ danger: isDestructive }}
      cancelText={t('common.cancel')}
      confirmLoading={transition.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ActionFormValues> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: 'system' }}>
        {fields.length === 0 && <Typography.Paragraph>{t('tasks.actionNoInput', { action: label })}</Typography.Paragraph>}
        {fields.includes('handlerId') && (
          <Form.Item
            name="handlerId"
            label={t('tasks.handler')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('tasks.handler') }) }]}
          >
            <HandlerSelect unitId={item.leadUnitId} />
          </Form.Item>
        )}
        {fields.includes('summary') && (
          <Form.Item
            name="summary"
            label={t('tasks.summary')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('tasks.summary') }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} placeholder={t('tasks.summaryPlaceholder')} />
          </Form.Item>
        )}
        {fields.includes('evidence') && <CompletionProofFields item={item} />}
        {fields.includes('evaluation') &&
          scores.map((score) => (
            <Form.Item
              key={score}
              name={score}
              label={t(`tasks.${score}`)}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t(`tasks.${score}`) }) }]}
            >
              <Rate allowClear={false} />
            </Form.Item>
          ))}
        {fields.includes('channel') && (
          <Form.Item
            name="channel"
            label={t('tasks.channel')}
            rules={[{ required: true, message: t('common.requiredSelect', { field: t('tasks.channel') }) }]}
          >
            <Radio.Group optionType="button" options={urgeChannels.map((value) => ({ value, label: t(`tasks.channels.${value}`) }))} />
          </Form.Item>
        )}
        {fields.includes('waiveOpenChildren') && item.openChildCount > 0 && (
          <>
            <Alert type="warning" showIcon title={t('tasks.openChildren', { count: item.openChildCount })} style={{ marginBottom: 16 }} />
            <Form.Item
              name="waiveOpenChildren"
              valuePropName="checked"
              rules={[{ validator: (_, checked) => (checked ? Promise.resolve() : Promise.reject(new Error(t('tasks.waiveRequired')))) }]}
            >
              <Checkbox>{t('tasks.waiveOpenChildren')}</Checkbox>
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('tasks.waiverReason')}
              rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('tasks.waiverReason') }) }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20_000} />
            </Form.Item>
          </>
        )}
        {takesReason(action) && (
          <Form.Item
            name="reason"
            label={t(`tasks.reasonLabels.${action}`)}
            rules={
              reasonRequired
                ? [{ required: true, whitespace: true, message: t('common.required', { field: t(`tasks.reasonLabels.${action}`) }) }]
                : []
            }
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={20_000}
              placeholder={t(`tasks.reasonPlaceholders.${action}`)}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
