/**
 * /login: sign-in form, then the session's pending step (TOTP code, TOTP enrolment or password change) on the same
 * page, then back to `?next=` (only same-site paths) or the home page.
 */
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { LanguageSwitch } from '../../app/language-switch';
import { safeNextPath } from '../../app/navigation';
import { PageLoading } from '../../app/page-states';
import { lastSignOutNotice } from '../../app/query-client';
import { useSession } from '../../app/session';
import { SignInForm } from './sign-in-form';
import { StageStep } from './stage-step';

const pageStyle = {
  minHeight: '100vh',
  display: 'flex',
  flexDirection: 'column',
  background: 'linear-gradient(180deg, #e8eef7 0%, #f5f7fa 60%)',
} as const;

/** The sign-in page and flow. */
export function LoginPage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const session = useSession();
  const notice = lastSignOutNotice();

  if (session.data?.stage === 'active') {
    return <Navigate to={next} replace />;
  }

  let content;
  if (session.isPending) {
    content = <PageLoading />;
  } else if (session.data) {
    content = <StageStep session={session.data} />;
  } else {
    content = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.signInTitle')}
        </Typography.Title>
        {notice && <Alert type="warning" showIcon title={notice[locale]} style={{ marginBottom: 16 }} />}
        {session.isError && <Alert type="error" showIcon title={errorText(session.error, locale)} style={{ marginBottom: 16 }} />}
        <SignInForm />
      </>
    );
  }

  return (
    <div style={pageStyle}>
      <header style={{ display: 'flex', justifyContent: 'flex-end', padding: '8px 12px' }}>
        <LanguageSwitch />
      </header>
      <main style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '0 16px 48px' }}>
        <div style={{ textAlign: 'center', margin: '24px 0 20px' }}>
          <Typography.Title level={2} style={{ margin: 0, color: '#b71c1c', letterSpacing: '0.2em' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text style={{ fontSize: 16 }}>{t('app.fullName')}</Typography.Text>
        </div>
        <Card style={{ width: '100%', maxWidth: 420 }}>{content}</Card>
      </main>
      <footer style={{ textAlign: 'center', padding: 16, color: '#8c8c8c', fontSize: 12 }}>{t('app.footer')}</footer>
    </div>
  );
}
