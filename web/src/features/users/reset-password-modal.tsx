/** 重置密码: the security administrator sets a temporary password; the user must change it at next sign-in. */
import type { UserAccount } from '@luoshi/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { PasswordRules } from '../auth/password-rules';
import { useResetPassword } from './users.api';

/** The modal for `user`; closed when `user` is null. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const reset = useResetPassword();
  const handleError = useApiErrorHandler();
  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordFor', { name: user.displayName }) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          onFinish={({ newPassword: value }) =>
            reset.mutate(
              { id: user.id, newPassword: value },
              {
                onSuccess: () => {
                  void message.success(t('users.resetDone'));
                  onClose();
                },
                onError: (error) => handleError(error, { form, passwordField: 'newPassword' }),
              },
            )
          }
        >
          <PasswordRules password={newPassword} username={user.username} />
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            rules={[{ required: true, message: t('common.required', { field: t('auth.newPassword') }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
