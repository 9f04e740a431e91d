/** The 6-digit one-time code input shared by sign-in verification and enrolment confirmation. */
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** A Form.Item named `code`: digits only, numeric keyboard on phones, autofill from SMS/OTP managers allowed. */
export function TotpCodeField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="code"
      label={t('auth.totpCode')}
      normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
      rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.totpCodeFormat') }]}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        size="large"
        placeholder="000000"
        style={{ letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );
}
