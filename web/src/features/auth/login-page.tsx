/**
 * /login: sign-in form, then the session's pending step (TOTP code, TOTP enrolment or password change) on the same
 * page, then back to `?next=` (only same-site paths) or the home page.
 */
import { Alert, Form, theme, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { errorText } from '../../app/api/errors';
import { useAppLocale } from '../../app/i18n/i18n';
import { LanguageSwitch } from '../../app/language-switch';
import { safeNextPath } from '../../app/navigation';
import { PageLoading } from '../../app/page-states';
import { lastSignOutNotice } from '../../app/query-client';
import { useSession } from '../../app/session';
import { SignInForm, type SignInValues } from './sign-in-form';

/** The steps after the password (code, enrolment with its QR code, password change) load only when one is due. */
const StageStep = lazy(() => import('./stage-step').then((m) => ({ default: m.StageStep })));
/** The demo accounts list asks the server whether it runs in demo mode; production shows nothing. */
const DemoAccounts = lazy(() => import('./demo-accounts').then((m) => ({ default: m.DemoAccounts })));

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
  const { token } = theme.useToken();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const session = useSession();
  const notice = lastSignOutNotice();
  const [form] = Form.useForm<SignInValues>();

  if (session.data?.stage === 'active') {
    return <Navigate to={next} replace />;
  }

  let content;
  if (session.isPending) {
    content = <PageLoading />;
  } else if (session.data) {
    content = (
      <Suspense fallback={<PageLoading />}>
        <StageStep session={session.data} />
      </Suspense>
    );
  } else {
    content = (
      <>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.signInTitle')}
        </Typography.Title>
        {notice && <Alert type="warning" showIcon title={notice[locale]} style={{ marginBottom: 16 }} />}
        {session.isError && <Alert type="error" showIcon title={errorText(session.error, locale)} style={{ marginBottom: 16 }} />}
        <SignInForm form={form} />
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
        {/* A plain panel, not antd's Card: Card brings its tab strip (about 13 kB gzip) to the sign-in page. */}
        <div
          style={{
            width: '100%',
            maxWidth: 420,
            boxSizing: 'border-box',
            padding: token.paddingLG,
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG,
            border: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {content}
        </div>
        {!session.data && (
          <Suspense fallback={null}>
            <DemoAccounts onPick={(username, password) => form.setFieldsValue({ username, password })} />
          </Suspense>
        )}
      </main>
      <footer style={{ textAlign: 'center', padding: 16, color: '#595959', fontSize: 12 }}>{t('app.footer')}</footer>
    </div>
  );
}
