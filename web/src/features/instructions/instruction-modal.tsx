/**
 * 批示 by a government leader: the text, and optionally 同时生成新的督办事项 — a linked new item (拟办) with its title,
 * 牵头单位 and an optional 办结时限, which the 督查室 then completes and assigns.
 */
import { Alert, App, Form, Input, Modal, Switch, type FormInstance } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '../../app/api/form-errors';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useAppLocale } from '../../app/i18n/i18n';
import type { TaskDetail } from '../tasks/tasks.api';
import { useGiveInstruction } from './instructions.api';
import { NewItemFields, type NewItemValues } from './new-item-fields';

type Values = { text: string; spawn: boolean } & NewItemValues;

/** The modal; mount it fresh per opening. */
export function InstructionModal({ item, onClose }: { item: TaskDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const spawn = Form.useWatch('spawn', form);
  const give = useGiveInstruction(item.id);
  const handleError = useApiErrorHandler();
  const inFlight = useRef(false);

  const submit = (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    const text = values.text.trim();
    const body =
      values.spawn && values.title && values.leadUnitId
        ? {
            text,
            spawn: {
              title: values.title.trim(),
              leadUnitId: values.leadUnitId,
              ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}),
            },
          }
        : { text };
    give.mutate(body, {
      onSettled: () => {
        inFlight.current = false;
      },
      onSuccess: (given) => {
        void message.success(
          given.childSerialNumber ? t('instructions.givenWithChild', { serial: given.childSerialNumber }) : t('instructions.given'),
        );
        onClose();
      },
      onError: (error) => {
        handleError(error);
        // Server paths are `spawn.title` …; the form keeps those fields flat.
        const fields = formFieldErrors(error, locale).map(({ name, errors }) => ({
          name: name[0] === 'spawn' ? name.slice(1) : name,
          errors,
        }));
        const untypedForm: FormInstance = form;
        untypedForm.setFields(fields);
      },
    });
  };

  return (
    <Modal
      open
      title={`${t('instructions.give')} · ${item.serialNumber}`}
      okText={t('instructions.give')}
      cancelText={t('common.cancel')}
      confirmLoading={give.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ spawn: false, title: item.title }}>
        <Form.Item<Values>
          name="text"
          label={t('instructions.text')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('instructions.text') }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20_000} placeholder={t('instructions.textPlaceholder')} />
        </Form.Item>
        <Form.Item<Values> name="spawn" label={t('instructions.spawn')} valuePropName="checked" extra={t('instructions.spawnHint')}>
          <Switch />
        </Form.Item>
        {spawn && (
          <>
            <Alert type="info" showIcon title={t('instructions.spawnNotice')} style={{ marginBottom: 16 }} />
            <NewItemFields titleLabel={t('instructions.childTitle')} />
          </>
        )}
      </Form>
    </Modal>
  );
}
