/** 新增人员 / 编辑人员. Editing sends the version it was opened with; a conflict reloads the list and closes. */
import type { Person } from '@luoshi/contracts';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useCreatePerson, useUpdatePerson } from './org.api';

type Values = { name: string; title?: string; phone?: string; email?: string; isLeader: boolean; oversightAreas?: string };

/** Blank optional text means "no value": omitted on create, cleared (null) on edit. */
function blankToNull(value: string | undefined): string | null {
  return value?.trim() ? value.trim() : null;
}

/** The modal; `person` null means create in `unitId`. */
export function PersonFormModal({
  unitId,
  person,
  open,
  onClose,
}: {
  unitId: string;
  person: Person | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const isLeader = Form.useWatch('isLeader', form);
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const handleError = useApiErrorHandler();

  const submit = (values: Values) => {
    const fields = {
      name: values.name.trim(),
      title: blankToNull(values.title),
      phone: blankToNull(values.phone),
      email: blankToNull(values.email),
      isLeader: values.isLeader,
      oversightAreas: values.isLeader ? blankToNull(values.oversightAreas) : null,
    };
    const onSuccess = () => {
      void message.success(person ? t('common.saved') : t('common.created'));
      onClose();
    };
    if (person) {
      update.mutate({ target: person, body: fields }, { onSuccess, onError: (error) => handleError(error, { form, onConflict: onClose }) });
    } else {
      create.mutate(
        {
          unitId,
          name: fields.name,
          title: fields.title ?? undefined,
          phone: fields.phone ?? undefined,
          email: fields.email ?? undefined,
          isLeader: fields.isLeader,
          oversightAreas: fields.oversightAreas ?? undefined,
        },
        { onSuccess, onError: (error) => handleError(error, { form }) },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={person ? t('org.editPerson') : t('org.createPerson')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: person?.name,
          title: person?.title ?? undefined,
          phone: person?.phone ?? undefined,
          email: person?.email ?? undefined,
          isLeader: person?.isLeader ?? false,
          oversightAreas: person?.oversightAreas ?? undefined,
        }}
      >
        <Form.Item
          name="name"
          label={t('org.person.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('org.person.name') }) }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="title" label={t('org.person.title')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('org.person.phone')}
          rules={[{ pattern: /^[0-9+\-() ]{5,32}$/, message: t('org.person.phoneFormat') }]}
        >
          <Input inputMode="tel" maxLength={32} />
        </Form.Item>
        <Form.Item name="email" label={t('org.person.email')} rules={[{ type: 'email', message: t('org.person.emailFormat') }]}>
          <Input inputMode="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="isLeader" label={t('org.person.isLeader')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {isLeader && (
          <Form.Item name="oversightAreas" label={t('org.person.oversightAreas')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
