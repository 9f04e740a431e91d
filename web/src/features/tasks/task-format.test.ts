import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en';
import { zhCN } from '../../app/i18n/zh-CN';
import { actionLabelFor, beijingToday, eventTypeLabel, formatBeijingTime, isOverdue } from './task-format';

describe('Beijing time', () => {
  it('formats an instant in Asia/Shanghai whatever the local zone', () => {
    expect(formatBeijingTime('2026-03-01T16:05:00.000Z')).toBe('2026-03-02 00:05');
    expect(formatBeijingTime('2026-03-01T03:30:00Z')).toBe('2026-03-01 11:30');
  });
  it('gives the Beijing date', () => {
    expect(beijingToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('isOverdue', () => {
  it('flags only open items past their deadline', () => {
    expect(isOverdue({ status: 'in_progress', deadline: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'in_progress', deadline: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'completed', deadline: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'assigned', deadline: null }, '2026-03-02')).toBe(false);
  });
});

describe('eventTypeLabel', () => {
  // The audit event labels come from the loaded UI texts, as in the app after `initI18n`.
  beforeAll(async () => {
    await i18next.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng: 'zh-CN', initAsync: false });
  });
  it('uses the glossary words', () => {
    expect(eventTypeLabel('created', 'zh-CN')).toBe('登记');
    expect(eventTypeLabel('updated', 'zh-CN')).toBe('修改');
    expect(eventTypeLabel('assign', 'zh-CN')).toBe('交办');
    expect(eventTypeLabel('send_back', 'zh-CN')).toBe('退回重办');
    expect(eventTypeLabel('archive', 'en')).toBe('Archive');
    expect(eventTypeLabel('extension_requested', 'zh-CN')).toBe('申请延期');
    expect(eventTypeLabel('cooperation_duty_set', 'en')).toBe('Cooperation duty set');
    expect(eventTypeLabel('something_new', 'zh-CN')).toBe('something_new');
    expect(eventTypeLabel('constructor', 'zh-CN')).toBe('constructor');
  });
});

describe('sweep steps on the timeline', () => {
  it('names the escalation rung and the reminder', () => {
    expect(eventTypeLabel('escalated', 'zh-CN', { rung: 'notice' })).toBe('督办升级：督办通知');
    expect(eventTypeLabel('escalated', 'en', { rung: 'interview' })).toBe('Escalation: Interview recommended');
    expect(eventTypeLabel('reminded', 'zh-CN', { rung: 'due_1' })).toBe('临期提醒');
    expect(eventTypeLabel('reminded', 'zh-CN', { rung: 'sign_for' })).toBe('逾期未签收提醒');
    expect(eventTypeLabel('escalated', 'zh-CN', {})).toBe('督办升级');
  });
});

describe('approve / reject labels', () => {
  it('names the pending change the leader decides on', () => {
    expect(actionLabelFor('approve_change', 'suspend', 'zh-CN')).toBe('同意暂停');
    expect(actionLabelFor('reject_change', 'withdraw', 'zh-CN')).toBe('不同意撤销');
    expect(actionLabelFor('approve_change', 'terminate', 'en')).toBe('Approve termination');
    expect(actionLabelFor('approve_change', null, 'zh-CN')).toBe('同意');
    expect(actionLabelFor('request_suspension', 'suspend', 'zh-CN')).toBe('申请暂停');
  });
  it('labels the new timeline events, decisions with the change from their data', () => {
    expect(eventTypeLabel('approve_change', 'zh-CN', { change: 'suspend' })).toBe('同意暂停');
    expect(eventTypeLabel('reject_change', 'en', { change: 'withdraw' })).toBe('Reject withdrawal');
    expect(eventTypeLabel('approve_change', 'zh-CN', { change: 'toString' })).toBe('同意');
    expect(eventTypeLabel('resume', 'zh-CN', { pausedWorkingDays: 3 })).toBe('恢复办理');
    expect(eventTypeLabel('broken_down', 'zh-CN')).toBe('分解子事项');
    expect(eventTypeLabel('milestone_created', 'zh-CN')).toBe('新增时间节点');
    expect(eventTypeLabel('milestone_deleted', 'en')).not.toBe('milestone_deleted');
    expect(eventTypeLabel('submit_for_approval', 'zh-CN')).toBe('报请审批');
  });
});
