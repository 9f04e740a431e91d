/**
 * Roles. The three administrators (三员: system, security, audit) have disjoint powers and may not be combined
 * in one account; business roles may be combined freely.
 */
import { z } from 'zod';

export const roleValues = [
  'supervisor',
  'unit_handler',
  'unit_leader',
  'government_leader',
  'auditor',
  'assessor',
  'meeting_staff',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export const roleSchema = z.enum(roleValues);
export type Role = z.infer<typeof roleSchema>;

export const adminRoles = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];

export const roleLabels: Record<Role, { 'zh-CN': string; en: string }> = {
  supervisor: { 'zh-CN': '督查员', en: 'Supervisor' },
  unit_handler: { 'zh-CN': '承办人', en: 'Unit handler' },
  unit_leader: { 'zh-CN': '单位负责人', en: 'Unit leader' },
  government_leader: { 'zh-CN': '政府领导', en: 'Government leader' },
  auditor: { 'zh-CN': '审计人员', en: 'Auditor' },
  assessor: { 'zh-CN': '考评人员', en: 'Assessor' },
  meeting_staff: { 'zh-CN': '会务人员', en: 'Meeting staff' },
  system_admin: { 'zh-CN': '系统管理员', en: 'System administrator' },
  security_admin: { 'zh-CN': '安全管理员', en: 'Security administrator' },
  audit_admin: { 'zh-CN': '审计管理员', en: 'Audit administrator' },
};

/** True when the roles hold more than one of the three administrator roles (三员分立 forbids it). */
export function breaksRoleSeparation(roles: readonly Role[]): boolean {
  return adminRoles.filter((r) => roles.includes(r)).length > 1;
}

/** Administrators must use two-factor sign-in. */
export function requiresTwoFactor(roles: readonly Role[]): boolean {
  return adminRoles.some((r) => roles.includes(r));
}
