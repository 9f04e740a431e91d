/**
 * The words of each reminder and escalation rung, in Chinese, and who hears them. Pure, so that the bell, e-mail,
 * SMS and group bots say the same thing and tests can read it.
 *
 * Who: reminders go to the 承办人 (or their B角 while absent) — or, before a 承办人 is named, to the lead unit's
 * handlers and leaders; 催办 to the lead unit and the 承办人; 督办通知 to the lead unit's leaders; 通报候选 to the
 * 督查室 and the lead unit's leaders; 约谈建议 to the 督查室 and the 分管领导.
 */
import type { NotificationKind } from '@luoshi/contracts';
import type { Audience, TaskFacts } from '../notifications/index.js';
import type { SweepStep } from './escalations.rules.js';

export interface StepMessage {
  kind: NotificationKind;
  audience: Audience[];
  title: string;
  body: string;
  /** Whether the step goes on the item's 时间线 (and the audit log): routine report reminders do not. */
  onTimeline: boolean;
}

const frequencyWords: Record<string, string> = {
  weekly: '每周',
  half_monthly: '每半月',
  monthly: '每月',
  quarterly: '每季度',
};

const named = (t: TaskFacts) => `${t.serialNumber}「${t.title}」`;

export function stepMessage(step: SweepStep, task: TaskFacts & { reportingFrequency: string }, hasHandler: boolean): StepMessage {
  const doer: Audience[] = hasHandler ? ['handler'] : ['lead_unit'];
  const n = step.workingDays;
  switch (step.rung) {
    case 'report':
      return {
        kind: 'report_due',
        audience: doer,
        title: `进展反馈提醒：${task.title}`,
        body: `${named(task)}按${frequencyWords[task.reportingFrequency] ?? '规定'}反馈进展，本次应于 ${step.keyDate} 前报送${n <= 0 ? '，已到期' : ''}。`,
        onTimeline: false,
      };
    case 'sign_for':
      return {
        kind: 'sign_for_overdue',
        audience: ['lead_unit', 'supervisor'],
        title: `逾期未签收：${task.title}`,
        body: `${named(task)}应于 ${step.keyDate} 前签收，已逾期 ${n} 个工作日，请${task.leadUnitName}及时签收。`,
        onTimeline: true,
      };
    case 'remind':
      return {
        kind: 'overdue',
        audience: doer,
        title: `逾期提醒：${task.title}`,
        body: `${named(task)}已超过办结时限（${step.keyDate}）${n} 个工作日，请抓紧办结；确有困难的请说明原因。`,
        onTimeline: true,
      };
    case 'urge':
      return {
        kind: 'urged',
        audience: ['lead_unit', 'handler'],
        title: `催办：${task.title}`,
        body: `${named(task)}已逾期 ${n} 个工作日（办理时限 ${step.keyDate}），请${task.leadUnitName}加快办理并及时反馈进展。`,
        onTimeline: true,
      };
    case 'notice':
      return {
        kind: 'escalation',
        audience: ['lead_unit_leader', 'handler'],
        title: `督办通知：${task.title}`,
        body: `${named(task)}已逾期 ${n} 个工作日（办理时限 ${step.keyDate}），请${task.leadUnitName}负责同志督促办理。`,
        onTimeline: true,
      };
    case 'bulletin':
      return {
        kind: 'escalation',
        audience: ['supervisor', 'lead_unit_leader'],
        title: `列入通报候选：${task.title}`,
        body: `${named(task)}已逾期 ${n} 个工作日（牵头单位：${task.leadUnitName}），已列入督查通报候选名单。`,
        onTimeline: true,
      };
    case 'interview':
      return {
        kind: 'escalation',
        audience: ['supervisor', 'leader'],
        title: `建议约谈：${task.title}`,
        body: `${named(task)}已逾期 ${n} 个工作日，建议约谈${task.leadUnitName}负责同志。`,
        onTimeline: true,
      };
    default:
      return {
        kind: 'deadline_near',
        audience: doer,
        title: `临期提醒：${task.title}`,
        body:
          n <= 0
            ? `${named(task)}今日（${step.keyDate}）到期，请按时办结；如需延期请及时申请。`
            : `${named(task)}距办结时限（${step.keyDate}）还有 ${n} 个工作日，请抓紧办理；如需延期请及时申请。`,
        onTimeline: true,
      };
  }
}
