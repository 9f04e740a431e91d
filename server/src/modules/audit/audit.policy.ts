/**
 * Only the audit administrator (审计管理员) reads the audit log; nobody changes it. The system and security
 * administrators cannot read it (三员分立), so the people whose actions it records cannot inspect or tidy it.
 */
import type { Actor } from '../../platform/context.js';

export function canReadAuditLog(actor: Actor): boolean {
  return actor.roles.includes('audit_admin');
}
