/**
 * / 首页, the work desk: first what is the reader's turn today (工作台, most urgent first), then — for the people of
 * the units — 我承办的 (the items I handle, or stand in for as B角), then links to what my roles allow and the
 * account's details (there is no separate account page yet, so they stay here, last). A leader's 作出批示 is one tap
 * from here.
 */
import { PageContainer } from '../../app/page-container';
import { Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAppLocale } from '../../app/i18n/i18n';
import { menuEntriesFor } from '../../app/menu';
import { RoleTags } from '../../app/roles';
import { hasAnyRole, useCurrentUser } from '../../app/session';
import { MyItemsCard } from './my-items-card';
import { WorkDesk } from './work-desk';

/** The overview page. */
export function HomePage() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const links = menuEntriesFor(user, t).filter((entry) => entry.path !== '/');
  return (
    <PageContainer
      title={t('home.welcome', { name: user.displayName })}
      content={t('home.desk.intro')}
      extra={
        hasAnyRole(user, 'government_leader') && (
          <Button type="primary" onClick={() => void navigate('/instructions?issue=1')}>
            {t('todo.leader.issue')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <WorkDesk />
        </Col>
        {hasAnyRole(user, 'unit_handler', 'unit_leader') && (
          <Col xs={24}>
            <MyItemsCard />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <Card title={t('home.quickLinks')}>
            <Row gutter={[12, 12]}>
              {links.map((entry) => (
                <Col key={entry.path} xs={12} sm={8}>
                  <Link to={entry.path}>
                    <Card size="small" hoverable styles={{ body: { textAlign: 'center', padding: 16 } }}>
                      <div style={{ fontSize: 24 }}>{entry.icon}</div>
                      <Typography.Text>{entry.name}</Typography.Text>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('home.desk.account')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'username', label: t('home.username'), children: user.username },
                { key: 'roles', label: t('home.roles'), children: <RoleTags roles={user.roles} locale={locale} /> },
                { key: 'scope', label: t('home.scopeUnit'), children: user.scopeUnitName },
                {
                  key: 'password',
                  label: t('home.passwordExpiresAt'),
                  children: dayjs(user.passwordExpiresAt).format('YYYY-MM-DD'),
                },
                {
                  key: 'totp',
                  label: t('home.twoFactor'),
                  children: user.isTotpEnabled ? <Tag color="success">{t('home.twoFactorOn')}</Tag> : <Tag>{t('home.twoFactorOff')}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
