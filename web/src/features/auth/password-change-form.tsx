/** Own password change: the required step after an initial or expired password, and a card in 个人设置. */
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useChangePassword } from './auth.api';
import { PasswordRules } from './password-rules';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

/** The form; `onDone` runs after the server accepted the new password (and returned the new session). */
export function PasswordChangeForm({ username, onDone }: { username: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const change = useChangePassword();
  const handleError = useApiErrorHandler();

  const submit = (values: Values) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          onDone?.();
        },
        onError: (error) => handleError(error, { form, passwordField: 'newPassword' }),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }}>
      <PasswordRules password={newPassword} username={username} />
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('common.required', { field: t('auth.currentPassword') }) }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        rules={[{ required: true, message: t('common.required', { field: t('auth.newPassword') }) }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required', { field: t('auth.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_rule, value: string | undefined) =>
              !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending} block>
        {t('auth.changePassword')}
      </Button>
    </Form>
  );
}
