/** 新增账户 / 编辑账户. Username, linked person and initial password are set once, at creation. */
import { breaksRoleSeparation, type Role, type UserAccount } from '@luoshi/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { PasswordRules } from '../auth/password-rules';
import { UnitPicker } from '../org/unit-picker';
import { PersonPicker } from './person-picker';
import { RoleSelect } from './role-select';
import { useCreateUser, useUpdateUser } from './users.api';

type Values = {
  username: string;
  displayName: string;
  personId?: string;
  scopeUnitId: string;
  roles: Role[];
  initialPassword: string;
};

/** The modal; `user` null means create. */
export function UserFormModal({ user, open, onClose }: { user: UserAccount | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const username = Form.useWatch('username', form) ?? '';
  const initialPassword = Form.useWatch('initialPassword', form) ?? '';
  const create = useCreateUser();
  const update = useUpdateUser();
  const handleError = useApiErrorHandler();
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  const submit = (values: Values) => {
    const onSuccess = () => {
      void message.success(user ? t('common.saved') : t('common.created'));
      onClose();
    };
    if (user) {
      update.mutate(
        { target: user, body: { displayName: values.displayName, scopeUnitId: values.scopeUnitId, roles: values.roles } },
        { onSuccess, onError: (error) => handleError(error, { form, onConflict: onClose }) },
      );
    } else {
      create.mutate(
        { ...values, username: values.username.trim(), personId: values.personId ?? undefined },
        { onSuccess, onError: (error) => handleError(error, { form, passwordField: 'initialPassword' }) },
      );
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.edit') : t('users.create')}
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
        initialValues={user ? { displayName: user.displayName, scopeUnitId: user.scopeUnitId, roles: user.roles } : { roles: [] }}
      >
        {user ? (
          <Form.Item label={t('users.username')}>
            <Input value={user.username} disabled />
          </Form.Item>
        ) : (
          <Form.Item name="username" label={t('users.username')} rules={[required(t('users.username'))]}>
            <Input maxLength={64} autoComplete="off" autoCapitalize="off" spellCheck={false} />
          </Form.Item>
        )}
        {!user && (
          <Form.Item name="personId" label={t('users.person')}>
            <PersonPicker
              onPick={(person) => {
                if (!form.getFieldValue('displayName')) form.setFieldValue('displayName', person.name);
                if (!form.getFieldValue('scopeUnitId')) form.setFieldValue('scopeUnitId', person.unitId);
              }}
            />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName'))]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="scopeUnitId"
          label={t('users.scopeUnit')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.scopeUnit') }) }]}
        >
          <UnitPicker />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('users.roles') }) },
            {
              validator: (_rule, value: Role[] | undefined) =>
                breaksRoleSeparation(value ?? []) ? Promise.reject(new Error(t('users.separationBroken'))) : Promise.resolve(),
            },
          ]}
        >
          <RoleSelect />
        </Form.Item>
        {!user && (
          <>
            <PasswordRules password={initialPassword} username={username.trim() || null} />
            <Form.Item
              name="initialPassword"
              label={t('users.initialPassword')}
              extra={t('users.initialPasswordHint')}
              rules={[required(t('users.initialPassword'))]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
