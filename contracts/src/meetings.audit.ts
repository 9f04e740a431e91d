/**
 * The audit events of 会议 (one `meeting.*` family), spread into the closed list in audit.ts; in a file of their own so
 * that list pulls in none of the module's schemas.
 */
export const meetingAuditEventTypes = [
  'meeting.type_created',
  'meeting.created',
  'meeting.leaders_set',
  'meeting.agenda_item_added',
  'meeting.agenda_item_signed_off',
  'meeting.agenda_record_set',
  'meeting.material_uploaded',
  'meeting.material_late_decided',
  'meeting.attendee_registered',
  'meeting.attendee_removed',
  'meeting.decision_recorded',
  'meeting.decision_updated',
  'meeting.decision_supervised',
  'meeting.minutes_updated',
  'meeting.minutes_issued',
  'meeting.expert_created',
  'meeting.expert_updated',
  'meeting.experts_drawn',
  'meeting.expert_opinion_recorded',
] as const;
