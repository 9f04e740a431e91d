/** Sign-in step `mfa_required`: the user proves the second factor with a code from their authenticator app. */
import { Button, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useVerifyTotp } from './auth.api';
import { TotpCodeField } from './totp-code-field';

/** The code form; on success the session moves on by itself (to active or password change). */
export function TotpCodeStep() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const verify = useVerifyTotp();
  const handleError = useApiErrorHandler();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ code }) =>
        verify.mutate(code, {
          onError: (error) => {
            form.resetFields();
            handleError(error, { form });
          },
        })
      }
    >
      <Typography.Title level={4}>{t('auth.totpTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.totpPrompt')}</Typography.Paragraph>
      <TotpCodeField />
      <Button type="primary" htmlType="submit" size="large" block loading={verify.isPending}>
        {t('auth.verify')}
      </Button>
    </Form>
  );
}
