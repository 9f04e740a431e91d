/**
 * What a half-signed-in session may do: exactly the step its `stage` names, plus signing out. Keeping this in one
 * switch makes it obvious that no other page is reachable before the session is active.
 */
import type { SessionBody } from '@luoshi/contracts';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../app/session';
import { PasswordChangeForm } from './password-change-form';
import { TotpCodeStep } from './totp-code-step';
import { TotpEnrolment } from './totp-enrolment';

function StepBody({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  switch (session.stage) {
    case 'mfa_required':
      return <TotpCodeStep />;
    case 'mfa_enrolment_required':
      return (
        <>
          <Typography.Title level={4}>{t('auth.enrolTitle')}</Typography.Title>
          <Alert type="info" showIcon title={t('auth.enrolRequired')} style={{ marginBottom: 12 }} />
          <TotpEnrolment />
        </>
      );
    case 'password_change_required':
      return (
        <>
          <Typography.Title level={4}>{t('auth.passwordTitle')}</Typography.Title>
          <Alert type="warning" showIcon title={t('auth.passwordChangeRequired')} style={{ marginBottom: 12 }} />
          <PasswordChangeForm username={session.user.username} />
        </>
      );
    case 'active':
      return null;
  }
}

/** The pending step for `session`, with a sign-out way out for someone who is not the account holder. */
export function StageStep({ session }: { session: SessionBody }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {session.user.displayName}（{session.user.username}）
      </Typography.Paragraph>
      <StepBody session={session} />
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('auth.stageSignOutHint')}</Typography.Text>{' '}
        <Button type="link" size="small" loading={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('app.signOut')}
        </Button>
      </div>
    </>
  );
}
