/** Rows → API shapes for 督办事项; `allowedActions` is computed for the reader. */
import type { Task, TaskAction, TaskStatus, WarningReason } from '@luoshi/contracts';
import { warningColourOf, type taskDetail, type taskEvent } from '@luoshi/contracts';
import type { z } from 'zod';
import type { TaskRow } from './tasks.repository.js';

type TaskDetail = z.infer<typeof taskDetail>;
type TaskEvent = z.infer<typeof taskEvent>;
type Urgency = Task['urgency'];
type Frequency = Task['reportingFrequency'];

/** The handler's absence, when `today` falls inside it. */
function absenceOn(row: TaskRow, today: string): Task['handlerAbsence'] {
  if (!row.handlerAbsentFrom || !row.handlerAbsentUntil || today < row.handlerAbsentFrom || today > row.handlerAbsentUntil) return null;
  return {
    until: row.handlerAbsentUntil,
    reason: row.handlerAbsenceReason ?? '',
    backupId: row.handlerBackupId,
    backupName: row.handlerBackupName,
  };
}

/** What the service works out for the reader besides the row itself. */
export interface TaskExtras {
  cooperatingUnits: { unitId: string; unitName: string }[];
  allowedActions: TaskAction[];
  today: string;
  signForDue: string | null;
  children: { total: number; open: number };
}

export function presentTask(row: TaskRow, extras: TaskExtras): Task {
  const { cooperatingUnits, allowedActions, today } = extras;
  return {
    id: row.id,
    serialNumber: row.serialNumber,
    title: row.title,
    source: row.source,
    sourceRef: row.sourceRef ?? {},
    content: row.content,
    requirements: row.requirements,
    status: row.status as TaskStatus,
    urgency: row.urgency as Urgency,
    reportingFrequency: row.reportingFrequency as Frequency,
    deadline: row.deadline,
    deadlineWorkingDays: row.deadlineWorkingDays,
    originalDeadline: row.originalDeadline,
    supervisingUnitId: row.supervisingUnitId,
    supervisingUnitName: row.supervisingUnitName,
    leadUnitId: row.leadUnitId,
    leadUnitName: row.leadUnitName,
    cooperatingUnits,
    responsibleLeaderId: row.responsibleLeaderId,
    responsibleLeaderName: row.responsibleLeaderName,
    handlerId: row.handlerId,
    handlerName: row.handlerName,
    handlerAbsence: absenceOn(row, today),
    relatedTaskId: row.relatedTaskId,
    parentId: row.parentId,
    depth: row.depth,
    rollupMode: (row.rollupMode ?? 'average') as Task['rollupMode'],
    weight: row.weight,
    childCount: extras.children.total,
    openChildCount: extras.children.open,
    progressPercent: row.progressPercent,
    warning: { colour: warningColourOf(row.warningLevel), reasons: (row.warningReasons ?? []) as WarningReason[] },
    pendingChange: row.pendingChange as Task['pendingChange'],
    signForDue: extras.signForDue,
    sendBackCount: row.sendBackCount,
    urgeCount: row.urgeCount,
    assignedAt: row.assignedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    evaluation: (row.evaluation ?? null) as Task['evaluation'],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    allowedActions,
  };
}

export interface EventRowWithUnit {
  event: {
    id: number;
    at: Date;
    type: string;
    fromStatus: string | null;
    toStatus: string | null;
    actorName: string | null;
    reason: string | null;
    data: unknown;
  };
  actorUnitName: string | null;
}

export function presentEvent(row: EventRowWithUnit): TaskEvent {
  return {
    id: row.event.id,
    at: row.event.at.toISOString(),
    type: row.event.type,
    fromStatus: row.event.fromStatus as TaskStatus | null,
    toStatus: row.event.toStatus as TaskStatus | null,
    actorName: row.event.actorName,
    actorUnitName: row.actorUnitName,
    reason: row.event.reason,
    data: row.event.data ?? null,
  };
}

export function presentDetail(task: Task, events: EventRowWithUnit[]): TaskDetail {
  return { ...task, timeline: events.map(presentEvent) };
}
