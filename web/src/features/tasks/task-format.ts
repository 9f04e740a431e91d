/**
 * Display rules of 督办事项 that do not depend on React: Beijing time, 办结时限 wording, labels of timeline events,
 * status colours. Times are shown in Asia/Shanghai whatever the computer's own zone (an official record is read in
 * Beijing time everywhere).
 */
import {
  taskActionLabels,
  taskActionValues,
  taskSourceLabels,
  taskStatusLabels,
  type TaskAction,
  type TaskSource,
  type TaskStatus,
} from '@luoshi/contracts';
import { en } from '../../app/i18n/en';
import type { AppLocale } from '../../app/i18n/types';
import { zhCN } from '../../app/i18n/zh-CN';

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
};

const auditLabels: Record<AppLocale, Record<string, Partial<Record<string, string>> | undefined>> = {
  'zh-CN': zhCN.auditEventTypes,
  en: en.auditEventTypes,
};

/**
 * What a timeline event was: the action's label for transitions, 登记/修改, and for events of other modules
 * (`extension_requested`, `report_submitted` …) the label of the matching audit event type (`extension.requested`).
 * Unknown types stay raw rather than vanish.
 */
export function eventTypeLabel(type: string, locale: AppLocale): string {
  if (isTaskAction(type)) {
    return taskActionLabels[type][locale];
  }
  const own = otherEventLabels[type]?.[locale];
  if (own) {
    return own;
  }
  const separator = type.indexOf('_');
  const audit = separator > 0 ? auditLabels[locale][type.slice(0, separator)]?.[type.slice(separator + 1)] : undefined;
  return audit ?? type;
}

/** The label of a 来源 in the UI language. */
export function sourceLabel(source: TaskSource, locale: AppLocale): string {
  return taskSourceLabels[source][locale];
}

/** The label of an action in the UI language. */
export function actionLabel(action: TaskAction, locale: AppLocale): string {
  return taskActionLabels[action][locale];
}
