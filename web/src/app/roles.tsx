/** Role names for display, taken from the contracts so server and client never disagree on a label. */
import { roleLabels, type Role } from '@luoshi/contracts';
import { Tag } from 'antd';
import type { AppLocale } from './i18n/types';

const adminColours: Partial<Record<Role, string>> = { system_admin: 'blue', security_admin: 'gold', audit_admin: 'purple' };

/** The label of `role` in the UI language. */
export function roleLabel(role: Role, locale: AppLocale): string {
  return roleLabels[role][locale];
}

/** Roles as tags; the three administrator roles are coloured so 三员 accounts stand out in lists. */
export function RoleTags({ roles, locale }: { roles: readonly Role[]; locale: AppLocale }) {
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={adminColours[role]} style={{ marginBlock: 2 }}>
          {roleLabel(role, locale)}
        </Tag>
      ))}
    </>
  );
}
