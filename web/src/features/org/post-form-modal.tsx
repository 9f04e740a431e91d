/** 新增岗位 / 编辑岗位: a post with its A角 (primary holder) and B角 (backup), both people of the same unit. */
import type { Post } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { personsQuery, useCreatePost, useUpdatePost } from './org.api';

type Values = { name: string; primaryHolderId?: string | null; backupHolderId?: string | null };

/** The modal; `post` null means create in `unitId`. */
export function PostFormModal({ unitId, post, open, onClose }: { unitId: string; post: Post | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const persons = useQuery({ ...personsQuery({ unitId, includeSubunits: false }), enabled: open });
  const create = useCreatePost();
  const update = useUpdatePost();
  const handleError = useApiErrorHandler();
  const options = (persons.data ?? [])
    .filter((person) => !person.isDisabled)
    .map((person) => ({ value: person.id, label: person.title ? `${person.name}（${person.title}）` : person.name }));

  const submit = (values: Values) => {
    const body = {
      name: values.name.trim(),
      primaryHolderId: values.primaryHolderId ?? null,
      backupHolderId: values.backupHolderId ?? null,
    };
    const onSuccess = () => {
      void message.success(post ? t('common.saved') : t('common.created'));
      onClose();
    };
    if (post) {
      update.mutate({ target: post, body }, { onSuccess, onError: (error) => handleError(error, { form, onConflict: onClose }) });
    } else {
      create.mutate({ unitId, ...body }, { onSuccess, onError: (error) => handleError(error, { form }) });
    }
  };

  return (
    <Modal
      open={open}
      title={post ? t('org.editPost') : t('org.createPost')}
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
        initialValues={{ name: post?.name, primaryHolderId: post?.primaryHolderId, backupHolderId: post?.backupHolderId }}
      >
        <Form.Item
          name="name"
          label={t('org.post.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('org.post.name') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="primaryHolderId" label={t('org.post.primaryHolder')}>
          <Select allowClear options={options} loading={persons.isFetching} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="backupHolderId"
          label={t('org.post.backupHolder')}
          dependencies={['primaryHolderId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | null | undefined) =>
                value && value === getFieldValue('primaryHolderId') ? Promise.reject(new Error(t('org.sameHolder'))) : Promise.resolve(),
            }),
          ]}
        >
          <Select allowClear options={options} loading={persons.isFetching} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
