/**
 * Display rules of 督办事项 that do not depend on React: Beijing time, 办结时限 wording, labels of timeline events,
 * status colours. Times are shown in Asia/Shanghai whatever the computer's own zone (an official record is read in
 * Beijing time everywhere).
 */
import {
  escalationRungLabels,
  pendingChangeLabels,
  taskActionLabels,
  taskActionValues,
  taskStatusLabels,
  type EscalationRung,
  type Task,
  type TaskAction,
  type TaskStatus,
} from '@luoshi/contracts';
import i18next from 'i18next';
import type { AppLocale } from '../../app/i18n/types';

const zone = 'Asia/Shanghai';

const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(date: Date): Record<string, string> {
  return Object.fromEntries(dateTimeFormat.formatToParts(date).map((part) => [part.type, part.value]));
}

/** `YYYY-MM-DD HH:mm` in Beijing time. */
export function formatBeijingTime(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today's date (`YYYY-MM-DD`) in Beijing; a 办结时限 may not be earlier. */
export function beijingToday(now: Date = new Date()): string {
  const p = parts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Statuses in which the work is still open, so a passed 办结时限 counts as overdue. */
const openStatuses: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'completion_requested'];

/** True when an open item's 办结时限 is before today (Beijing). */
export function isOverdue(item: { status: TaskStatus; deadline: string | null }, today: string = beijingToday()): boolean {
  return item.deadline !== null && openStatuses.includes(item.status) && item.deadline < today;
}

/** Statuses that carry a warning light (the unit has the item and is working on it); the server keeps others green. */
const litStatuses: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress'];

/** True when the item's light means something now and is worth showing. */
export function carriesLight(status: TaskStatus): boolean {
  return litStatuses.includes(status);
}

/** Tag colour per status: grey before 交办, blue while with the unit, gold under review, green when done. */
export const taskStatusColours: Record<TaskStatus, string> = {
  draft: 'default',
  pending_approval: 'orange',
  assigned: 'blue',
  accepted: 'cyan',
  in_progress: 'processing',
  completion_requested: 'gold',
  completed: 'green',
  evaluated: 'success',
  archived: 'purple',
  suspended: 'warning',
  terminated: 'error',
  withdrawn: 'default',
};

/** The label of a status in the UI language. */
export function statusLabel(status: TaskStatus, locale: AppLocale): string {
  return taskStatusLabels[status][locale];
}

function isTaskAction(type: string): type is TaskAction {
  return (taskActionValues as readonly string[]).includes(type);
}

const otherEventLabels: Record<string, Record<AppLocale, string>> = {
  created: { 'zh-CN': '登记', en: 'Registered' },
  updated: { 'zh-CN': '修改', en: 'Edited' },
  instruction: { 'zh-CN': '领导批示', en: 'Leader instruction' },
  extension_step_approved: { 'zh-CN': '同意延期（转下一步审批）', en: 'Extension approved at one step' },
  broken_down: { 'zh-CN': '分解子事项', en: 'Broken down into sub-items' },
  reminded: { 'zh-CN': '系统提醒', en: 'Reminder' },
  escalated: { 'zh-CN': '督办升级', en: 'Escalation' },
};

/** The label of a sweep step: 督办升级 rungs by name, 临期提醒, 逾期未签收. */
function stepLabel(type: string, data: unknown, locale: AppLocale): string | null {
  const rung = data && typeof data === 'object' ? (data as Record<string, unknown>).rung : undefined;
  if (typeof rung !== 'string') return null;
  if (type === 'escalated' && Object.hasOwn(escalationRungLabels, rung)) {
    const prefix = locale === 'zh-CN' ? '督办升级：' : 'Escalation: ';
    return prefix + escalationRungLabels[rung as EscalationRung][locale];
  }
  if (type === 'reminded') {
    if (rung === 'sign_for') return locale === 'zh-CN' ? '逾期未签收提醒' : 'Reminder: not yet signed for';
    if (rung.startsWith('due_')) return locale === 'zh-CN' ? '临期提醒' : 'Deadline reminder';
  }
  return null;
}

/** A 暂停/中止/撤销 request, as the item and the approve/reject events carry it. */
export type PendingChange = NonNullable<Task['pendingChange']>;

function isPendingChange(value: unknown): value is PendingChange {
  return typeof value === 'string' && Object.hasOwn(pendingChangeLabels, value);
}

/**
 * The label of `action` on an item whose pending change is `change`: the leader's 同意 / 不同意 say what they decide
 * (同意暂停, 不同意撤销 …), every other action keeps its own label.
 */
export function actionLabelFor(action: TaskAction, change: PendingChange | null, locale: AppLocale): string {
  const label = taskActionLabels[action][locale];
  if ((action !== 'approve_change' && action !== 'reject_change') || !change) return label;
  const what = pendingChangeLabels[change][locale];
  return locale === 'zh-CN' ? `${label}${what}` : `${label} ${what}`;
}

/**
 * The audit event type's label (`auditEventTypes.extension.requested`) from the loaded UI texts. Read through
 * i18next rather than imported, so a page carries only the active language's texts, not both.
 */
function auditLabel(group: string, name: string, locale: AppLocale): string | undefined {
  const label: unknown = i18next.getResource(locale, 'translation', `auditEventTypes.${group}.${name}`);
  return typeof label === 'string' ? label : undefined;
}

/**
 * What a timeline event was: the action's label for transitions, 登记/修改, and for events of other modules
 * (`extension_requested`, `report_submitted`, `milestone_created` …) the label of the matching audit event type
 * (`extension.requested`). A leader's decision on a 暂停/中止/撤销 names the change from the event's `data.change`.
 * Unknown types stay raw rather than vanish.
 */
export function eventTypeLabel(type: string, locale: AppLocale, data?: unknown): string {
  if (isTaskAction(type)) {
    const change = data && typeof data === 'object' ? (data as Record<string, unknown>).change : undefined;
    return actionLabelFor(type, isPendingChange(change) ? change : null, locale);
  }
  const step = stepLabel(type, data, locale);
  if (step) return step;
  const own = otherEventLabels[type]?.[locale];
  if (own) {
    return own;
  }
  const separator = type.indexOf('_');
  const audit = separator > 0 ? auditLabel(type.slice(0, separator), type.slice(separator + 1), locale) : undefined;
  return audit ?? type;
}

/** The label of an action in the UI language. */
export function actionLabel(action: TaskAction, locale: AppLocale): string {
  return taskActionLabels[action][locale];
}
