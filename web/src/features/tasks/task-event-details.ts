/**
 * The parts of a timeline event's `data` worth showing. The shape is open (each module writes its own facts), so
 * every field is checked before use and anything unexpected is ignored rather than shown raw.
 */
import { urgeChannels, type UrgeChannel } from './task-actions';

/** What the timeline shows besides who, when, the status change and the reason. */
export type EventDetails = {
  summary?: string;
  channel?: UrgeChannel;
  evaluation?: { quality: number; timeliness: number; satisfaction: number };
  /** 恢复办理: working days paused and the deadline after moving it by them. */
  resumed?: { pausedWorkingDays: number; deadline: string | null };
  /** 分解子事项: the sub-items created. */
  children?: { id: string; serialNumber: string; leadUnitName: string }[];
  /** 时间节点 added, changed or removed. */
  milestone?: { title: string; plannedDate: string };
  /** 申请办结 with open sub-items waived. */
  waivedOpenChildren?: boolean;
  /** A step of the daily sweep: 临期提醒 / 逾期未签收 (`reminded`) or an escalation rung (`escalated`). */
  step?: { rung: string; keyDate: string; workingDays: number; passed: string[] };
};

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Child = NonNullable<EventDetails['children']>[number];

function childOf(value: unknown): Child[] {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.serialNumber !== 'string') return [];
  return [
    { id: value.id, serialNumber: value.serialNumber, leadUnitName: typeof value.leadUnitName === 'string' ? value.leadUnitName : '' },
  ];
}

/** Reads the known facts of an event of `type` from its `data`. */
export function eventDetails(type: string, data: unknown): EventDetails {
  if (!isRecord(data)) return {};
  const details: EventDetails = {};
  if (typeof data.summary === 'string') details.summary = data.summary;
  if (typeof data.channel === 'string' && (urgeChannels as readonly string[]).includes(data.channel)) {
    details.channel = data.channel as UrgeChannel;
  }
  const evaluation = data.evaluation;
  if (
    isRecord(evaluation) &&
    typeof evaluation.quality === 'number' &&
    typeof evaluation.timeliness === 'number' &&
    typeof evaluation.satisfaction === 'number'
  ) {
    details.evaluation = { quality: evaluation.quality, timeliness: evaluation.timeliness, satisfaction: evaluation.satisfaction };
  }
  if (type === 'resume' && typeof data.pausedWorkingDays === 'number') {
    details.resumed = { pausedWorkingDays: data.pausedWorkingDays, deadline: typeof data.deadline === 'string' ? data.deadline : null };
  }
  if (type === 'broken_down' && Array.isArray(data.children)) {
    details.children = data.children.flatMap(childOf);
  }
  if (type.startsWith('milestone_') && typeof data.title === 'string' && typeof data.plannedDate === 'string') {
    details.milestone = { title: data.title, plannedDate: data.plannedDate };
  }
  if (data.waiveOpenChildren === true) details.waivedOpenChildren = true;
  if (
    (type === 'reminded' || type === 'escalated') &&
    typeof data.rung === 'string' &&
    typeof data.keyDate === 'string' &&
    typeof data.workingDays === 'number'
  ) {
    const passed = Array.isArray(data.passed) ? data.passed.filter((r): r is string => typeof r === 'string') : [];
    details.step = { rung: data.rung, keyDate: data.keyDate, workingDays: data.workingDays, passed };
  }
  return details;
}
