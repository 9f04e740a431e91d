/**
 * Binding an authenticator app: the sign-in step `mfa_enrolment_required` (administrators) and the 个人设置 card.
 * The secret is shown as a QR code and as text for phones that cannot scan; it is bound only after a valid code.
 */
import { Button, Form, Space, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../app/api/use-api-error';
import { useConfirmTotpEnrolment, useStartTotpEnrolment } from './auth.api';
import { TotpCodeField } from './totp-code-field';

/** Groups the base32 secret in fours so it can be typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The enrolment flow; `onDone` runs after the server confirmed the binding. */
export function TotpEnrolment({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotpEnrolment();
  const handleError = useApiErrorHandler();

  if (!start.data) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('auth.enrolIntro')}</Typography.Paragraph>
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate(undefined, { onError: (e) => handleError(e) })}>
          {t('auth.enrolStart')}
        </Button>
      </Space>
    );
  }

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ code }) =>
        confirm.mutate(code, {
          onSuccess: () => onDone?.(),
          onError: (error) => {
            form.resetFields();
            handleError(error, { form });
          },
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('auth.enrolIntro')}</Typography.Paragraph>
      <div style={{ display: 'flex', justifyContent: 'center', padding: 12, background: '#fff' }}>
        <QRCodeSVG value={start.data.otpauthUri} size={184} marginSize={2} title={t('auth.enrolTitle')} />
      </div>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t('auth.manualKey')}
        <br />
        <Typography.Text code copyable={{ text: start.data.secret }} style={{ wordBreak: 'break-all' }}>
          {groupSecret(start.data.secret)}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('auth.enrolConfirmPrompt')}</Typography.Paragraph>
      <TotpCodeField />
      <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
        {t('auth.enrolConfirm')}
      </Button>
    </Form>
  );
}
