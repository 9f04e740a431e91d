/** The side-menu entries and who sees them. The server enforces the same rules; this only avoids dead links. */
import {
  AlertOutlined,
  ApartmentOutlined,
  FieldTimeOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  CalendarOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  ProjectOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { CurrentUser, Role } from '@luoshi/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { hasAnyRole } from './session';

/** One menu entry; `roles` empty means every signed-in user. */
export type MenuEntry = { path: string; name: string; icon: ReactNode; roles: Role[] };

/** Menu entries visible to `user`, in display order. */
export function menuEntriesFor(user: Pick<CurrentUser, 'roles'>, t: TFunction): MenuEntry[] {
  const entries: MenuEntry[] = [
    { path: '/', name: t('menu.home'), icon: <HomeOutlined />, roles: [] },
    {
      path: '/todo',
      name: t('todo.menu'),
      icon: <CheckSquareOutlined />,
      roles: ['supervisor', 'unit_handler', 'unit_leader', 'government_leader'],
    },
    { path: '/cockpit', name: t('menu.cockpit'), icon: <DashboardOutlined />, roles: [] },
    { path: '/tasks', name: t('menu.tasks'), icon: <FileTextOutlined />, roles: [] },
    { path: '/tasks/new', name: t('menu.taskCreate'), icon: <FileAddOutlined />, roles: ['supervisor'] },
    { path: '/roadmap', name: t('menu.roadmap'), icon: <ProjectOutlined />, roles: ['supervisor', 'government_leader'] },
    { path: '/ledger', name: t('menu.ledger'), icon: <TableOutlined />, roles: [] },
    { path: '/meetings', name: t('menu.meetings'), icon: <ScheduleOutlined />, roles: [] },
    { path: '/experts', name: t('meetings.experts.heading'), icon: <SolutionOutlined />, roles: [] },
    { path: '/escalations', name: t('menu.escalations'), icon: <AlertOutlined />, roles: ['supervisor', 'government_leader'] },
    { path: '/instructions', name: t('instructions.mine'), icon: <ReadOutlined />, roles: ['government_leader'] },
    { path: '/org', name: t('menu.org'), icon: <ApartmentOutlined />, roles: [] },
    { path: '/admin/users', name: t('menu.users'), icon: <TeamOutlined />, roles: ['security_admin'] },
    { path: '/admin/audit', name: t('menu.audit'), icon: <AuditOutlined />, roles: ['audit_admin'] },
    { path: '/admin/notifications', name: t('notifications.admin'), icon: <BellOutlined />, roles: ['system_admin', 'unit_leader'] },
    { path: '/calendar', name: t('menu.calendar'), icon: <CalendarOutlined />, roles: [] },
    {
      path: '/admin/source-policies',
      name: t('menu.sourcePolicies'),
      icon: <FieldTimeOutlined />,
      roles: ['system_admin', 'supervisor'],
    },
    { path: '/settings', name: t('menu.settings'), icon: <SettingOutlined />, roles: [] },
  ];
  return entries.filter((entry) => entry.roles.length === 0 || hasAnyRole(user, ...entry.roles));
}
