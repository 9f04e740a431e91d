/**
 * What each lifecycle action asks the user for, and the transition body built from it. The server enforces the
 * same rules; the UI only asks for what the action needs (REQUIREMENTS S3).
 */
import type { CompletionCheck, TaskAction, transitionBody } from '@luoshi/contracts';
import type { BodyOf } from '../../app/api/contract-types';
import { ApiError } from '../../app/api/api-error';
import { errorText } from '../../app/api/errors';
import { formFieldErrors, type FormFieldError } from '../../app/api/form-errors';
import type { AppLocale } from '../../app/i18n/types';

/** How the unit was urged (催办方式). */
export type UrgeChannel = 'system' | 'phone' | 'document' | 'on_site';
export const urgeChannels: readonly UrgeChannel[] = ['system', 'phone', 'document', 'on_site'];

/** Inputs an action can need. */
export type ActionField = 'reason' | 'handlerId' | 'summary' | 'evaluation' | 'channel' | 'waiveOpenChildren' | 'evidence' | 'checklist';

/** Per action: its inputs, and whether the reason is mandatory. */
export const actionNeeds: Record<TaskAction, { fields: readonly ActionField[]; reasonRequired: boolean }> = {
  assign: { fields: [], reasonRequired: false },
  accept: { fields: [], reasonRequired: false },
  return: { fields: ['reason'], reasonRequired: true },
  start: { fields: ['handlerId'], reasonRequired: false },
  request_completion: { fields: ['summary', 'evidence', 'checklist', 'waiveOpenChildren'], reasonRequired: false },
  approve_completion: { fields: ['reason'], reasonRequired: false },
  send_back: { fields: ['reason'], reasonRequired: true },
  evaluate: { fields: ['evaluation', 'reason'], reasonRequired: false },
  archive: { fields: [], reasonRequired: false },
  urge: { fields: ['reason', 'channel'], reasonRequired: true },
  withdraw: { fields: ['reason'], reasonRequired: true },
  submit_for_approval: { fields: [], reasonRequired: false },
  approve_assignment: { fields: ['reason'], reasonRequired: false },
  reject_assignment: { fields: ['reason'], reasonRequired: true },
  request_suspension: { fields: ['reason'], reasonRequired: true },
  request_termination: { fields: ['reason'], reasonRequired: true },
  request_withdrawal: { fields: ['reason'], reasonRequired: true },
  approve_change: { fields: ['reason'], reasonRequired: false },
  reject_change: { fields: ['reason'], reasonRequired: true },
  resume: { fields: ['reason'], reasonRequired: true },
};

/** Actions that take a reason (mandatory or not); each has its own wording for it (退回理由, 审核意见 …). */
export type ReasonAction =
  | 'return'
  | 'approve_completion'
  | 'send_back'
  | 'evaluate'
  | 'urge'
  | 'withdraw'
  | 'approve_assignment'
  | 'reject_assignment'
  | 'request_suspension'
  | 'request_termination'
  | 'request_withdrawal'
  | 'approve_change'
  | 'reject_change'
  | 'resume';

/** True for an action (or timeline event type) whose input includes a reason. */
export function takesReason(type: string): type is ReasonAction {
  return Object.hasOwn(actionNeeds, type) && actionNeeds[type as TaskAction].fields.includes('reason');
}

/** Actions that undo or reject work; they ask for a second confirmation and show as danger buttons. */
export const destructiveActions: readonly TaskAction[] = [
  'return',
  'send_back',
  'withdraw',
  'reject_assignment',
  'request_termination',
  'request_withdrawal',
  'reject_change',
];

/** Side paths that never count as the page's main step even when nothing else is allowed first. */
const sideActions: readonly TaskAction[] = ['urge', 'request_suspension', 'request_termination', 'request_withdrawal'];

/** One button of the action bar. */
export type ActionButton = { action: TaskAction; kind: 'primary' | 'default' | 'danger' };

/**
 * The action bar's buttons: the main forward step first and primary (交办, 签收, 同意交办, 恢复办理 …), then the other
 * plain actions (催办, 申请暂停 …), and the actions that undo or reject work last, in danger style. Within each group the
 * server's order is kept.
 */
export function arrangeActions(actions: readonly TaskAction[]): ActionButton[] {
  const primary = actions.find((action) => !destructiveActions.includes(action) && !sideActions.includes(action));
  const plain = actions.filter((action) => action !== primary && !destructiveActions.includes(action));
  const danger = actions.filter((action) => destructiveActions.includes(action));
  return [
    ...(primary ? [{ action: primary, kind: 'primary' as const }] : []),
    ...plain.map((action) => ({ action, kind: 'default' as const })),
    ...danger.map((action) => ({ action, kind: 'danger' as const })),
  ];
}

/** Values of the action modal's form. */
export type ActionFormValues = {
  reason?: string;
  handlerId?: string;
  summary?: string;
  quality?: number;
  timeliness?: number;
  satisfaction?: number;
  channel?: UrgeChannel;
  waiveOpenChildren?: boolean;
  /** 申请办结: ids of the item's attachments offered as evidence. */
  evidenceIds?: string[];
  /** 申请办结: the checklist points confirmed. */
  checklist?: CompletionCheck[];
};

/** The transition body: the action plus exactly the inputs it needs. */
export function toTransitionBody(action: TaskAction, values: ActionFormValues): BodyOf<typeof transitionBody> {
  const { fields } = actionNeeds[action];
  const body: BodyOf<typeof transitionBody> = { action };
  const reason = values.reason?.trim();
  if (fields.includes('reason') && reason) body.reason = reason;
  if (fields.includes('handlerId') && values.handlerId) body.handlerId = values.handlerId;
  const summary = values.summary?.trim();
  if (fields.includes('summary') && summary) body.summary = summary;
  if (fields.includes('channel') && values.channel) body.channel = values.channel;
  if (fields.includes('evidence') && values.evidenceIds?.length) body.evidenceIds = values.evidenceIds;
  if (fields.includes('checklist') && values.checklist?.length) body.checklist = values.checklist;
  if (fields.includes('waiveOpenChildren') && values.waiveOpenChildren) {
    body.waiveOpenChildren = true;
    if (reason) body.reason = reason;
  }
  if (fields.includes('evaluation') && values.quality && values.timeliness && values.satisfaction) {
    body.evaluation = { quality: values.quality, timeliness: values.timeliness, satisfaction: values.satisfaction };
  }
  return body;
}

const formFieldOf: Record<ActionField, string> = {
  reason: 'reason',
  handlerId: 'handlerId',
  summary: 'summary',
  evaluation: 'quality',
  channel: 'channel',
  waiveOpenChildren: 'waiveOpenChildren',
  evidence: 'evidenceIds',
  checklist: 'checklist',
};

function isActionField(value: unknown): value is ActionField {
  return typeof value === 'string' && Object.hasOwn(formFieldOf, value);
}

const inputCodes = new Set([
  'TASK_REASON_REQUIRED',
  'TASK_FIELD_REQUIRED',
  'TASK_HANDLER_NOT_IN_UNIT',
  'TASK_EVIDENCE_REQUIRED',
  'TASK_CHECKLIST_INCOMPLETE',
]);

/**
 * Field errors of the action modal. A TASK_* input error lands on the input it names (its field path or
 * `params.field`, else the action's main input) with the server's message in the UI language; other errors map by
 * path as usual.
 */
export function actionFieldErrors(action: TaskAction, error: unknown, locale: AppLocale): FormFieldError[] {
  if (!(error instanceof ApiError) || !inputCodes.has(error.code)) {
    return formFieldErrors(error, locale);
  }
  const { fields } = actionNeeds[action];
  // The server names `evidenceIds`; the form's input for it is `evidence`.
  const named = [error.fields[0]?.path, error.params.field].map((path) => (path === 'evidenceIds' ? 'evidence' : path)).find(isActionField);
  const target = named ?? (error.code === 'TASK_REASON_REQUIRED' ? 'reason' : fields.find((field) => field !== 'reason'));
  return target ? [{ name: [formFieldOf[target]], errors: [errorText(error, locale)] }] : [];
}
