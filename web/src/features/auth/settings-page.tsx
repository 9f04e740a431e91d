/** /settings 个人设置: change one's own password and, if not done yet, bind an authenticator app. */
import { PageContainer } from '../../app/page-container';
import { Alert, Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { PasswordChangeForm } from './password-change-form';
import { TotpEnrolment } from './totp-enrolment';

/** The page; both cards stack on phones. */
export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <PageContainer title={t('menu.settings')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('auth.changePassword')}>
            <PasswordChangeForm username={user.username} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('settings.twoFactor')} style={{ marginBottom: 16 }}>
            {user.isTotpEnabled ? <Alert type="success" showIcon title={t('settings.twoFactorEnabledHint')} /> : <TotpEnrolment />}
          </Card>
          <Card title={t('settings.account')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('home.username'), children: user.username },
                { key: 'scope', label: t('home.scopeUnit'), children: user.scopeUnitName },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
