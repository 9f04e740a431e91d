/**
 * The signed-in frame: ProLayout with the role-filtered side menu (a drawer on phones), the notification bell,
 * language switch and the user menu. Pages render into its `<Outlet>` inside their own Suspense, so the frame stays while a page loads.
 */
import { LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Dropdown, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAppLocale } from './i18n/i18n';
import { NotificationBell } from '../features/notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { menuEntriesFor } from './menu';
import { selectedMenuPath } from './navigation';
import { PageLoading } from './page-states';
import { useCurrentUser, useSignOut } from './session';

function Logo() {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-flex',
        width: 28,
        height: 28,
        borderRadius: 4,
        background: '#b71c1c',
        color: '#fff',
        fontWeight: 700,
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      落
    </span>
  );
}

/** The application frame for every page behind `RequireSession`. */
export function AppShell() {
  const { t } = useTranslation();
  const locale = useAppLocale();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const menuEntries = menuEntriesFor(user, t);
  const selectedPath = selectedMenuPath(
    location.pathname,
    menuEntries.map((entry) => entry.path),
  );

  const userMenu: MenuProps['items'] = [
    { key: 'settings', icon: <SettingOutlined />, label: t('menu.settings') },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('app.signOut'), danger: true },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'settings') {
      void navigate('/settings');
    } else if (key === 'sign-out') {
      signOut.mutate();
    }
  };

  return (
    <ProLayout
      title={t('app.name')}
      logo={<Logo />}
      layout="side"
      fixSiderbar
      locale={locale === 'en' ? 'en-US' : 'zh-CN'}
      location={{ pathname: location.pathname }}
      // `children`, not `routes`: ProLayout re-derives its menu only when `route.children` changes (language switch).
      route={{ path: '/', children: menuEntries.map(({ path, name, icon }) => ({ path, name, icon })) }}
      menu={{ locale: false }}
      menuProps={{ selectedKeys: selectedPath ? [selectedPath] : [] }}
      menuItemRender={(item, dom, menuProps) => (
        // On phones the menu is a drawer; item.onClick closes it (on desktop it would collapse the sider).
        <Link to={item.path ?? '/'} onClick={menuProps.isMobile ? item.onClick : undefined}>
          {dom}
        </Link>
      )}
      actionsRender={() => [<NotificationBell key="notifications" />, <LanguageSwitch key="language" />]}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        // One line, cut with an ellipsis, so a long name never spills out of the header on a phone.
        title: (
          <span
            style={{
              display: 'inline-block',
              maxWidth: 'min(160px, 20vw)',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              verticalAlign: 'middle',
            }}
          >
            {user.displayName}
          </span>
        ),
        render: (_props, dom) => (
          <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} placement="bottomRight">
            {dom}
          </Dropdown>
        ),
      }}
      pageTitleRender={false}
      footerRender={false}
      contentStyle={{ padding: 0 }}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
