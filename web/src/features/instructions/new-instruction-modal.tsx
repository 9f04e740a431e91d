/**
 * 作出批示 from 我的批示 (issue 13 item 4; REQUIREMENTS S7): the leader writes the 批示 — a plain text box, so a
 * phone keyboard's voice input works in it — and either picks one of their items (the 批示 becomes a requirement on
 * it) or leaves the item empty and names a title and 牵头单位 (a new item, 拟办, for the 督查室 to assign).
 */
import type { LeaderItem } from '@luoshi/contracts';
import { App, Form, Input, Modal, Select, Typography, type FormInstance } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '../../app/api/form-errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import { useGiveInstruction, useIssueInstruction } from './instructions.api';
import { NewItemFields, type NewItemValues } from './new-item-fields';

type Values = { text: string; taskId?: string } & NewItemValues;

export function NewInstructionModal({ items, onClose }: { items: readonly LeaderItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const taskId = Form.useWatch('taskId', form);
  const give = useGiveInstruction(taskId ?? '');
  const issue = useIssueInstruction();
  const handleError = useApiErrorHandler();
  const inFlight = useRef(false);

  const failed = (error: unknown) => {
    handleError(error);
    const untypedForm: FormInstance = form;
    untypedForm.setFields(formFieldErrors(error, locale));
  };
  const submit = (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const settle = () => {
      inFlight.current = false;
    };
    const text = values.text.trim();
    if (values.taskId) {
      give.mutate(
        { text },
        {
          onSettled: settle,
          onSuccess: () => {
            void message.success(t('todo.leader.issued'));
            onClose();
          },
          onError: failed,
        },
      );
      return;
    }
    issue.mutate(
      {
        text,
        title: (values.title ?? '').trim(),
        leadUnitId: values.leadUnitId ?? '',
        ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}),
      },
      {
        onSettled: settle,
        onSuccess: (given) => {
          void message.success(t('todo.leader.issuedNew', { serial: given.taskSerialNumber }));
          onClose();
        },
        onError: failed,
      },
    );
  };

  return (
    <Modal
      open
      title={t('todo.leader.issueTitle')}
      okText={t('todo.leader.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={give.isPending || issue.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item<Values>
          name="text"
          label={t('instructions.text')}
          extra={t('todo.leader.issueHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('instructions.text') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} placeholder={t('instructions.textPlaceholder')} />
        </Form.Item>
        <Form.Item<Values> name="taskId" label={t('todo.leader.onItem')} extra={t('todo.leader.onItemHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('todo.leader.onItemPlaceholder')}
            options={items.map((i) => ({ value: i.taskId, label: `${i.serialNumber} ${i.title}` }))}
          />
        </Form.Item>
        {!taskId && (
          <>
            <Typography.Paragraph type="secondary">{t('instructions.spawnNotice')}</Typography.Paragraph>
            <NewItemFields titleLabel={t('todo.leader.newTitle')} />
          </>
        )}
      </Form>
    </Modal>
  );
}
