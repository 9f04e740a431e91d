/** Audit-log contracts: the closed set of event types and the search API for the audit administrator. */
import { z } from 'zod';
import { limits, pageOf } from './common.js';

/** Every kind of change or security event the system records. Closed: adding one is a code change. */
export const auditEventTypeValues = [
  'auth.sign_in_succeeded',
  'auth.sign_in_failed',
  'auth.sign_in_locked',
  'auth.signed_out',
  'auth.totp_enrolled',
  'auth.totp_failed',
  'auth.password_changed',
  'user.created',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'user.unlocked',
  'unit.created',
  'unit.updated',
  'person.created',
  'person.updated',
  'person.oversees_changed',
  'person.absence_set',
  'person.absence_cleared',
  'post.created',
  'post.updated',
  'task.created',
  'task.updated',
  'task.assign',
  'task.accept',
  'task.return',
  'task.start',
  'task.request_completion',
  'task.approve_completion',
  'task.send_back',
  'task.evaluate',
  'task.archive',
  'task.urge',
  'task.withdraw',
  'cooperation.duty_set',
  'cooperation.contributed',
  'coordination.raised',
  'coordination.escalated',
  'coordination.decided',
  'instruction.given',
  'extension.requested',
  'extension.approved',
  'extension.rejected',
  'report.submitted',
  'report.accepted',
  'report.returned',
  'attachment.uploaded',
  'ledger.view_saved',
  'ledger.view_deleted',
  'ledger.exported',
  'ledger.imported',
  'calendar.day_set',
  'calendar.day_removed',
  'system.seeded',
  'system.restored',
  'audit.purged',
] as const;
export const auditEventTypeSchema = z.enum(auditEventTypeValues);
export type AuditEventType = z.infer<typeof auditEventTypeSchema>;

export const auditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorUsername: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  eventType: auditEventTypeSchema,
  outcome: z.enum(['success', 'failure']),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditSearchQuery = z.strictObject({
  eventType: auditEventTypeSchema.optional(),
  actor: z.string().trim().min(1).max(64).optional(),
  objectId: z.string().trim().min(1).max(limits.nameMax).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).optional(),
  cursor: z.string().max(40).optional(),
});

export const auditPage = pageOf(auditEvent);

export const auditVerifyResult = z.object({
  isIntact: z.boolean(),
  checkedCount: z.number().int(),
  firstBrokenEventId: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
