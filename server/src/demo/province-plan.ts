/**
 * The province-wide demo items as a plan, before anything is written: for each item who leads it, what it is about,
 * and its whole history as dated steps — 交办, 签收, reports (one returned and corrected), a 催办, an approved 延期,
 * a 申请办结 sent back and asked again, 办结, 评价, 归档 — following one of a few life stories chosen in turn, so
 * the ledger shows every stage and every light. Pure and deterministic (a fixed pseudo-random sequence), so the
 * same day always gives the same demo; province.demo.ts writes it.
 */
import type { TaskSource } from '@luoshi/contracts';
import type { WorkingDayCalendar } from '../platform/calendar/working-days.js';
import { demoTopics, demoWords, type DemoTopic } from './province-topics.js';

/** Who takes a step: the supervising 督查室, the lead unit's handler, or the daily sweep. */
export type StepActor = 'supervisor' | 'unit' | 'system';

export interface PlannedStep {
  type: string;
  on: string;
  /** Hour of the day in Beijing time (steps of one day keep their order). */
  hour: number;
  actor: StepActor;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
  data?: Record<string, unknown>;
}

export interface PlannedReport {
  on: string;
  periodLabel: string;
  done: string;
  nextSteps: string;
  percent: number;
  status: 'submitted' | 'accepted' | 'returned';
  reviewReason?: string;
  reviewedOn?: string;
  /** Index (in this item's reports) of the returned report this one corrects. */
  corrects?: number;
}

export interface PlannedExtension {
  requestedOn: string;
  decidedOn: string;
  reason: string;
  currentDeadline: string;
  newDeadline: string;
}

/** The stories an item can have lived; each shows a different stage or light in the demo. */
export type Story =
  'draft' | 'to_sign' | 'fresh' | 'steady' | 'extended' | 'urged' | 'overdue' | 'completion_requested' | 'completed' | 'archived';

/** The mix of stories, in the order they are dealt out: mostly running items, some done, a few red. */
const storyDeck: readonly Story[] = [
  'steady',
  'fresh',
  'to_sign',
  'urged',
  'steady',
  'completion_requested',
  'archived',
  'extended',
  'fresh',
  'overdue',
  'steady',
  'completed',
  'to_sign',
  'archived',
  'draft',
  'steady',
];

export interface PlannedItem {
  story: Story;
  leadUnitId: string;
  supervisingUnitId: string;
  cooperatingUnitIds: string[];
  title: string;
  content: string;
  source: TaskSource;
  sourceRef: Record<string, string>;
  urgency: 'normal' | 'urgent' | 'very_urgent';
  reportingFrequency: DemoTopic['reportingFrequency'];
  topicDepartment: string;
  createdOn: string;
  /** Final status after the steps. */
  status: string;
  assignedOn: string | null;
  originalDeadline: string | null;
  deadline: string | null;
  deadlineWorkingDays: number;
  steps: PlannedStep[];
  reports: PlannedReport[];
  extension: PlannedExtension | null;
  urgeCount: number;
  sendBackCount: number;
  completedOn: string | null;
  evaluation: { quality: number; timeliness: number; satisfaction: number } | null;
}

/** A lead unit with its short name for titles (曲靖市, 盘龙区, 省水利厅). */
export interface PlanUnit {
  id: string;
  shortName: string;
  name: string;
}

export interface PlanInput {
  today: string;
  calendar: WorkingDayCalendar;
  /** The province government (supervises the 州市 and department items). */
  province: PlanUnit;
  prefectures: PlanUnit[];
  /** Departments that lead items, by short name. */
  departments: Map<string, PlanUnit>;
  /** Counties that lead items of their 州市, with the 州市. */
  counties: { county: PlanUnit; prefecture: PlanUnit }[];
  /** How many items each 州市, department and county leads. */
  perPrefecture: number;
  perDepartment: number;
  perCounty: number;
  /** Leaders' names by the department short name they 分管 (for 批示 items). */
  leaderNameOf: (departmentShortName: string) => string | undefined;
}

/** A small deterministic generator (LCG), so the demo is the same on every start of the same day. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function dayOf(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** The working day on or before `day`. */
function workingOnOrBefore(calendar: WorkingDayCalendar, day: string): string {
  let n = dayNumber(day);
  while (!calendar.isWorkingDay(dayOf(n))) n--;
  return dayOf(n);
}

/** The working day `n` calendar days before `today` (or the one before it). */
function daysAgo(input: PlanInput, n: number): string {
  return workingOnOrBefore(input.calendar, dayOf(dayNumber(input.today) - n));
}

function periodLabel(frequency: DemoTopic['reportingFrequency'], day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  if (frequency === 'quarterly') return `${year}年第${Math.ceil(month / 3)}季度`;
  if (frequency === 'half_monthly') return `${year}年${month}月${Number(day.slice(8, 10)) <= 15 ? '上' : '下'}半月`;
  return `${year}年${month}月`;
}

const cadenceDays = { monthly: 30, quarterly: 90, half_monthly: 15 } as const;

/** One item's life: steps from 登记 to its story's end, dated back from today. */
function liveStory(input: PlanInput, item: PlannedItem, random: () => number, topic: DemoTopic): void {
  const { calendar } = input;
  const story = item.story;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const steps = item.steps;
  const step = (s: PlannedStep) => steps.push(s);

  if (story === 'draft') {
    item.createdOn = daysAgo(input, 1 + Math.floor(random() * 3));
    step({ type: 'created', on: item.createdOn, hour: 9, actor: 'supervisor', toStatus: 'draft' });
    item.status = 'draft';
    return;
  }
  // How long ago it was 交办, by story.
  const age =
    story === 'to_sign'
      ? Math.floor(random() * 2)
      : story === 'fresh'
        ? 8 + Math.floor(random() * 14)
        : story === 'urged'
          ? 45 + Math.floor(random() * 30)
          : 60 + Math.floor(random() * 80);
  const assignedOn = daysAgo(input, age);
  item.createdOn = workingOnOrBefore(calendar, dayOf(dayNumber(assignedOn) - 1 - Math.floor(random() * 3)));
  item.assignedOn = assignedOn;
  // The deadline as set at 交办, chosen so the story's light comes out: far for running items, near for urged ones,
  // passed for overdue ones, reached for finished ones.
  const deadline =
    story === 'urged'
      ? calendar.addWorkingDays(input.today, 2 + Math.floor(random() * 4))
      : story === 'overdue'
        ? calendar.addWorkingDays(
            assignedOn,
            Math.max(10, calendar.workingDaysBetween(assignedOn, input.today) - 6 - Math.floor(random() * 12)),
          )
        : story === 'extended'
          ? calendar.addWorkingDays(input.today, 2 + Math.floor(random() * 3))
          : calendar.addWorkingDays(input.today, 15 + Math.floor(random() * 110));
  item.originalDeadline = deadline;
  item.deadline = deadline;
  item.deadlineWorkingDays = calendar.workingDaysBetween(assignedOn, deadline);
  step({ type: 'created', on: item.createdOn, hour: 9, actor: 'supervisor', toStatus: 'draft' });
  step({ type: 'assign', on: assignedOn, hour: 10, actor: 'supervisor', fromStatus: 'draft', toStatus: 'assigned' });
  if (story === 'to_sign') {
    item.status = 'assigned';
    return;
  }
  const acceptedOn = calendar.addWorkingDays(assignedOn, 1);
  step({ type: 'accept', on: acceptedOn, hour: 9, actor: 'unit', fromStatus: 'assigned', toStatus: 'accepted' });
  step({ type: 'start', on: acceptedOn, hour: 9, actor: 'unit', fromStatus: 'accepted', toStatus: 'in_progress' });
  item.status = 'in_progress';

  // Reports on the item's rhythm until it was finished (or until now); the urged item stopped reporting a while ago.
  const finished = story === 'completion_requested' || story === 'completed' || story === 'archived';
  const requestOn = daysAgo(input, story === 'completion_requested' ? 12 : 30);
  const stopBefore =
    story === 'urged'
      ? dayNumber(input.today) - cadenceDays[item.reportingFrequency] - 12
      : finished
        ? dayNumber(requestOn) - 1
        : dayNumber(input.today) - 2;
  const reportDays: string[] = [];
  for (
    let n = dayNumber(acceptedOn) + cadenceDays[item.reportingFrequency] - 3;
    n <= stopBefore;
    n += cadenceDays[item.reportingFrequency]
  ) {
    reportDays.push(workingOnOrBefore(calendar, dayOf(n)));
  }
  if (reportDays.length === 0 && story !== 'urged') reportDays.push(calendar.addWorkingDays(acceptedOn, 3));
  const returnAt = story === 'steady' && reportDays.length >= 2 ? 1 : -1;
  reportDays.forEach((on, index) => {
    const last = index === reportDays.length - 1;
    const percent = finished && last ? 100 : Math.min(95, Math.round(((index + 1) / (reportDays.length + 1.5)) * 100));
    const text = topic.progress[Math.min(index, topic.progress.length - 1)] ?? topic.progress[0] ?? '';
    const returned = index === returnAt;
    const reviewedOn = returned || !last ? calendar.addWorkingDays(on, 1) : undefined;
    item.reports.push({
      on,
      periodLabel: periodLabel(item.reportingFrequency, on),
      done: text,
      nextSteps: topic.next,
      percent,
      status: returned ? 'returned' : last ? 'submitted' : 'accepted',
      ...(reviewedOn ? { reviewedOn } : {}),
      ...(returned ? { reviewReason: pick(demoWords.reportReturned) } : {}),
    });
    if (returned) {
      const correctedOn = calendar.addWorkingDays(on, 2);
      item.reports.push({
        on: correctedOn,
        periodLabel: periodLabel(item.reportingFrequency, on),
        done: `${text}（补充）已完成计划工作量的 ${percent}%，佐证材料已上传。`,
        nextSteps: topic.next,
        percent,
        status: 'accepted',
        reviewedOn: calendar.addWorkingDays(correctedOn, 1),
        corrects: item.reports.length - 1,
      });
    }
  });
  // A 催办 where the item lags: the urged one (twice), the overdue one, and now and then another.
  if (story === 'urged' || story === 'overdue' || (story === 'steady' && random() < 0.3)) {
    const times = story === 'urged' ? 2 : 1;
    for (let i = 0; i < times; i++) {
      step({
        type: 'urge',
        on: daysAgo(input, 10 - i * 6),
        hour: 15,
        actor: 'supervisor',
        reason: pick(demoWords.urged),
        data: { channel: pick(['phone', 'document', 'system'] as const) },
      });
      item.urgeCount++;
    }
  }
  if (story === 'extended') {
    const requestedOn = daysAgo(input, 12);
    const decidedOn = calendar.addWorkingDays(requestedOn, 2);
    const newDeadline = calendar.addWorkingDays(deadline, 30);
    item.extension = { requestedOn, decidedOn, reason: pick(demoWords.extensionReason), currentDeadline: deadline, newDeadline };
    item.deadline = newDeadline;
  }
  if (!finished) return;
  const requestData = { summary: demoWords.completion, checklist: ['goals_met', 'evidence_true', 'cooperating_consulted', 'nothing_left'] };
  step({
    type: 'request_completion',
    on: requestOn,
    hour: 10,
    actor: 'unit',
    fromStatus: 'in_progress',
    toStatus: 'completion_requested',
    data: requestData,
  });
  item.status = 'completion_requested';
  if (story === 'completion_requested') {
    // 退回重办 once, then asked again with the missing evidence.
    const backOn = calendar.addWorkingDays(requestOn, 2);
    step({
      type: 'send_back',
      on: backOn,
      hour: 16,
      actor: 'supervisor',
      fromStatus: 'completion_requested',
      toStatus: 'in_progress',
      reason: pick(demoWords.sentBack),
    });
    item.sendBackCount = 1;
    step({
      type: 'request_completion',
      on: calendar.addWorkingDays(backOn, 4),
      hour: 10,
      actor: 'unit',
      fromStatus: 'in_progress',
      toStatus: 'completion_requested',
      data: requestData,
    });
    return;
  }
  const approvedOn = calendar.addWorkingDays(requestOn, 3);
  step({
    type: 'approve_completion',
    on: approvedOn,
    hour: 11,
    actor: 'supervisor',
    fromStatus: 'completion_requested',
    toStatus: 'completed',
  });
  item.status = 'completed';
  item.completedOn = approvedOn;
  if (story === 'completed') return;
  const evaluation = {
    quality: 4 + Math.floor(random() * 2),
    timeliness: 3 + Math.floor(random() * 3),
    satisfaction: 4 + Math.floor(random() * 2),
  };
  const evaluatedOn = calendar.addWorkingDays(approvedOn, 2);
  step({
    type: 'evaluate',
    on: evaluatedOn,
    hour: 10,
    actor: 'supervisor',
    fromStatus: 'completed',
    toStatus: 'evaluated',
    data: { evaluation },
  });
  step({
    type: 'archive',
    on: calendar.addWorkingDays(evaluatedOn, 1),
    hour: 10,
    actor: 'supervisor',
    fromStatus: 'evaluated',
    toStatus: 'archived',
  });
  item.evaluation = evaluation;
  item.status = 'archived';
}

const urgencies = ['normal', 'normal', 'urgent', 'normal', 'very_urgent', 'normal', 'urgent'] as const;
const qualifiers = ['年度任务', '专项行动', '问题整改', '攻坚行动', '提质增效'] as const;

function sourceRefOf(input: PlanInput, topic: DemoTopic, serial: number): Record<string, string> {
  const year = input.today.slice(0, 4);
  switch (topic.source) {
    case 'work_report':
      return { documentNumber: `${year} 年省政府工作报告`, clause: `${topic.topic}，确保完成年度目标任务。` };
    case 'meeting_decision':
      return { meeting: `省政府第${8 + (serial % 12)}次常务会议`, clause: `抓紧推进${topic.topic}。` };
    case 'leader_instruction':
      return { leaderName: input.leaderNameOf(topic.department) ?? '省政府领导', clause: `请抓紧推进${topic.topic}，按时报告进展。` };
    case 'audit_finding':
      return { documentNumber: `云审〔${year}〕${10 + (serial % 30)}号` };
    case 'document':
      return { documentNumber: `云政办发〔${year}〕${20 + (serial % 60)}号` };
    default:
      return {};
  }
}

/** The whole plan: 州市 items, department items (both under the province), county items under their 州市. */
export function planProvinceItems(input: PlanInput): PlannedItem[] {
  const random = sequence(Number(input.today.replaceAll('-', '')));
  const items: PlannedItem[] = [];
  const byDepartment = new Map<string, DemoTopic[]>();
  for (const topic of demoTopics) byDepartment.set(topic.department, [...(byDepartment.get(topic.department) ?? []), topic]);
  const add = (lead: PlanUnit, supervising: PlanUnit, topic: DemoTopic, title: string, cooperating: string[]) => {
    const serial = items.length;
    const item: PlannedItem = {
      story: storyDeck[serial % storyDeck.length] ?? 'steady',
      leadUnitId: lead.id,
      supervisingUnitId: supervising.id,
      cooperatingUnitIds: cooperating.filter((id) => id !== lead.id),
      title,
      content: topic.content.replaceAll('{unit}', lead.name),
      source: topic.source,
      sourceRef: sourceRefOf(input, topic, serial),
      urgency: urgencies[serial % urgencies.length] ?? 'normal',
      reportingFrequency: topic.reportingFrequency,
      topicDepartment: topic.department,
      createdOn: input.today,
      status: 'draft',
      assignedOn: null,
      originalDeadline: null,
      deadline: null,
      deadlineWorkingDays: 30,
      steps: [],
      reports: [],
      extension: null,
      urgeCount: 0,
      sendBackCount: 0,
      completedOn: null,
      evaluation: null,
    };
    liveStory(input, item, random, topic);
    items.push(item);
  };
  input.prefectures.forEach((prefecture, p) => {
    for (let i = 0; i < input.perPrefecture; i++) {
      const topic = demoTopics[(p * 5 + i * 7) % demoTopics.length] as DemoTopic;
      add(prefecture, input.province, topic, `${prefecture.shortName}${topic.topic}`, []);
    }
  });
  let d = 0;
  for (const [shortName, department] of input.departments) {
    const topics = byDepartment.get(shortName) ?? [];
    for (let i = 0; i < input.perDepartment && topics.length; i++) {
      const topic = topics[i % topics.length] as DemoTopic;
      const qualifier = qualifiers[(d + i) % qualifiers.length];
      const cooperating = [input.prefectures[(d * 3 + i) % input.prefectures.length]?.id ?? ''].filter(Boolean);
      add(department, input.province, topic, `全省${topic.topic}${qualifier}（${i + 1}）`, cooperating);
    }
    d++;
  }
  input.counties.forEach(({ county, prefecture }, c) => {
    for (let i = 0; i < input.perCounty; i++) {
      const topic = demoTopics[(c * 3 + i * 5) % demoTopics.length] as DemoTopic;
      add(county, prefecture, topic, `${county.shortName}${topic.topic}`, []);
    }
  });
  return items;
}
