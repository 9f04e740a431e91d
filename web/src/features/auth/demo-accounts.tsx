/**
 * In demo mode only: says the server runs on fictional data and lists the demo accounts by role, each a button that
 * fills the sign-in form. The server decides (`GET /api/demo-mode`); a production server lists nothing, so this
 * renders nothing there. Loaded lazily by the sign-in page, so a production first view does not carry it.
 */
import { demoModeRoutes, roleValues, type DemoAccountEntry, type Role } from '@luoshi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/client';
import { useAppLocale } from '../../app/i18n/i18n';
import { roleLabel } from '../../app/roles';

/** The accounts under their first role, in the roles' own order (督查员, 承办人 … the three administrators last). */
function byRole(accounts: DemoAccountEntry[]): [Role, DemoAccountEntry[]][] {
  const groups = new Map<Role, DemoAccountEntry[]>();
  for (const account of accounts) {
    const role = account.roles[0];
    if (role) groups.set(role, [...(groups.get(role) ?? []), account]);
  }
  return roleValues.flatMap((role) => {
    const list = groups.get(role);
    return list ? [[role, list] as [Role, DemoAccountEntry[]]] : [];
  });
}

export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const demo = useQuery({ queryKey: ['demo-mode'], queryFn: () => call(demoModeRoutes.get), staleTime: Infinity });
  const password = demo.data?.password;
  if (!demo.data?.demo || !password) return null;
  return (
    <section aria-labelledby="demo-accounts-title" style={{ width: '100%', maxWidth: 420, marginTop: 16 }}>
      <Alert
        type="info"
        showIcon
        title={<span id="demo-accounts-title">{t('auth.demo.title')}</span>}
        description={t('auth.demo.intro', { password })}
        style={{ marginBottom: 12 }}
      />
      {byRole(demo.data.accounts).map(([role, accounts]) => (
        <div key={role} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{roleLabel(role, locale)}</Typography.Text>
          <Flex wrap gap={4} style={{ marginTop: 4 }}>
            {accounts.map((account) => (
              <Button
                key={account.username}
                size="small"
                aria-label={t('auth.demo.pick', { username: account.username, name: account.displayName, unit: account.unitName })}
                title={`${account.displayName} · ${account.unitName}`}
                onClick={() => onPick(account.username, password)}
              >
                {account.username}
              </Button>
            ))}
          </Flex>
        </div>
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {t('auth.demo.adminHint')}
      </Typography.Paragraph>
    </section>
  );
}
