/**
 * The password policy, shown before the user types (so nobody learns it by trial and error) and ticked off live
 * where the browser can tell. "Not a common password" can only be checked by the server.
 */
import { CheckCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPassword } from './password-policy';

function Rule({ isMet, children }: { isMet: boolean | null; children: ReactNode }) {
  const icon = isMet ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <InfoCircleOutlined style={{ color: '#8c8c8c' }} />;
  return (
    <li style={{ listStyle: 'none', display: 'flex', gap: 8, alignItems: 'baseline' }}>
      {icon}
      <span>{children}</span>
    </li>
  );
}

/** The rule list for `password`; `username` enables the "must not contain the username" tick. */
export function PasswordRules({ password, username }: { password: string; username: string | null }) {
  const { t } = useTranslation();
  const check = checkPassword(password, username);
  return (
    <div style={{ background: '#f6f8fa', borderRadius: 4, padding: '8px 12px', marginBottom: 16 }}>
      <Typography.Text strong>{t('auth.rules.title')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', padding: 0 }}>
        <Rule isMet={check.isLongEnough}>{t('auth.rules.length')}</Rule>
        <Rule isMet={check.hasEnoughClasses}>{t('auth.rules.classes')}</Rule>
        <Rule isMet={check.isUncommon}>{t('auth.rules.common')}</Rule>
        <Rule isMet={check.avoidsUsername}>{t('auth.rules.username')}</Rule>
      </ul>
    </div>
  );
}
