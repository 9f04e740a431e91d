/**
 * The signed-in frame: the role-filtered side menu (a drawer behind a menu button on phones), the notification bell,
 * language switch and the user menu. Pages render into its `<Outlet>` inside their own Suspense, so the frame stays
 * while a page loads. Built from plain antd Layout/Menu/Drawer: ProComponents' ProLayout did the same with about
 * 90 kB gzip more on every signed-in landing page.
 */
import { LogoutOutlined, MenuOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Grid, Layout, Menu, theme, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { lazyDialog } from './lazy-dialog';
import { menuEntriesFor } from './menu';
import { selectedMenuPath } from './navigation';
import { PageLoading } from './page-states';
import { useCurrentUser, useSignOut } from './session';

const siderWidth = 224;

/** The phone's menu drawer loads only on phones, so a desktop's first view does not carry it. */
const PhoneMenuDrawer = lazyDialog(() => import('./phone-menu-drawer').then((m) => m.PhoneMenuDrawer));

export function Logo({ withName }: { withName: boolean }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/"
      // On a phone the logo stands alone: the link still says where it goes.
      aria-label={withName ? undefined : t('app.name')}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 8, color: 'inherit', minWidth: 0 }}
    >
      <span
        aria-hidden
        style={{
          display: 'inline-flex',
          flex: 'none',
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
      {withName && <span style={{ fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.name')}</span>}
    </Link>
  );
}

/** The side menu; `onNavigate` closes the phone drawer after a choice. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const entries = menuEntriesFor(user, t);
  const selectedPath = selectedMenuPath(
    location.pathname,
    entries.map((entry) => entry.path),
  );
  const items: MenuProps['items'] = entries.map(({ path, name, icon }) => ({
    key: path,
    icon,
    label: (
      <Link to={path} onClick={onNavigate}>
        {name}
      </Link>
    ),
  }));
  return <Menu mode="inline" items={items} selectedKeys={selectedPath ? [selectedPath] : []} style={{ borderInlineEnd: 'none' }} />;
}

/** The signed-in user's name (one line, cut with an ellipsis so it never spills out of a phone's header) and menu. */
function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const items: MenuProps['items'] = [
    { key: 'settings', icon: <SettingOutlined />, label: t('menu.settings') },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('app.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'settings') {
      void navigate('/settings');
    } else if (key === 'sign-out') {
      signOut.mutate();
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} placement="bottomRight">
      <Flex align="center" gap={8} style={{ cursor: 'pointer', paddingInline: 8, minWidth: 0 }}>
        <Avatar size="small" icon={<UserOutlined />} />
        <span
          style={{
            display: 'inline-block',
            maxWidth: 'min(160px, 20vw)',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {user.displayName}
        </span>
      </Flex>
    </Dropdown>
  );
}

/** The application frame for every page behind `RequireSession`. */
export function AppShell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // Until the breakpoints are known (first render) the desktop frame is assumed; phones switch right after.
  const isPhone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider
          width={siderWidth}
          theme="light"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto', borderInlineEnd: `1px solid ${token.colorSplit}` }}
        >
          <div style={{ padding: '16px 20px' }}>
            <Logo withName />
          </div>
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            lineHeight: '56px',
            paddingInline: isPhone ? 8 : 16,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorSplit}`,
          }}
        >
          {isPhone && (
            <>
              <Button type="text" icon={<MenuOutlined />} aria-label={t('app.openMenu')} onClick={() => setDrawerOpen(true)} />
              <Logo withName={false} />
            </>
          )}
          <Flex align="center" justify="flex-end" gap={4} style={{ flex: 1, minWidth: 0 }}>
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isPhone && <PhoneMenuDrawer open={drawerOpen} width={siderWidth} onClose={() => setDrawerOpen(false)} />}
    </Layout>
  );
}
