/** 用户名/密码 form, the first sign-in step. Errors (wrong password, locked, rate-limited) come from the server. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { useSignIn } from './auth.api';

export type SignInValues = { username: string; password: string };

/**
 * The form; success stores the session, and the login page then shows the next step or leaves. The page may pass
 * the form instance, so that the demo accounts list can fill it.
 */
export function SignInForm({ form: given }: { form?: FormInstance<SignInValues> }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const [own] = Form.useForm<SignInValues>();
  const form = given ?? own;
  const signIn = useSignIn();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      size="large"
      onFinish={(values) =>
        signIn.mutate(
          { username: values.username.trim(), password: values.password },
          { onError: () => form.setFieldValue('password', '') },
        )
      }
    >
      {signIn.isError && <Alert type="error" showIcon title={errorText(signIn.error, locale)} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" spellCheck={false} />
      </Form.Item>
      <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
        {t('auth.signIn')}
      </Button>
    </Form>
  );
}
