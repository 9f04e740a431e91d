import { describe, expect, it } from 'vitest';
import { eventDetails } from './task-event-details';

describe('eventDetails', () => {
  it('reads the pause and the moved deadline of 恢复办理', () => {
    expect(eventDetails('resume', { pausedWorkingDays: 4, deadline: '2026-07-06' })).toEqual({
      resumed: { pausedWorkingDays: 4, deadline: '2026-07-06' },
    });
    expect(eventDetails('resume', { pausedWorkingDays: 0, deadline: null })).toEqual({ resumed: { pausedWorkingDays: 0, deadline: null } });
  });
  it('lists the sub-items of a breakdown, skipping malformed entries', () => {
    const child = { id: 'c1', serialNumber: '督〔2026〕7号', leadUnitName: '昆明市人民政府' };
    expect(eventDetails('broken_down', { children: [child, { id: 3 }, null] })).toEqual({ children: [child] });
  });
  it('reads a milestone’s title and date, and a waiver of open sub-items', () => {
    expect(eventDetails('milestone_updated', { milestoneId: 'm', title: '完成选址', plannedDate: '2026-03-20' })).toEqual({
      milestone: { title: '完成选址', plannedDate: '2026-03-20' },
    });
    expect(eventDetails('request_completion', { summary: '已完成', waiveOpenChildren: true })).toEqual({
      summary: '已完成',
      waivedOpenChildren: true,
    });
  });
  it('reads a sweep step: rung, key date, working days and the rungs passed meanwhile', () => {
    expect(eventDetails('escalated', { rung: 'bulletin', keyDate: '2026-10-20', workingDays: 14, passed: ['remind', 'urge', 7] })).toEqual({
      step: { rung: 'bulletin', keyDate: '2026-10-20', workingDays: 14, passed: ['remind', 'urge'] },
    });
    expect(eventDetails('reminded', { rung: 'due_3', keyDate: '2026-09-30', workingDays: 3 })).toEqual({
      step: { rung: 'due_3', keyDate: '2026-09-30', workingDays: 3, passed: [] },
    });
    expect(eventDetails('reminded', { rung: 'due_3' })).toEqual({});
  });
  it('keeps the earlier facts and ignores unknown shapes', () => {
    expect(eventDetails('urge', { channel: 'phone' })).toEqual({ channel: 'phone' });
    expect(eventDetails('urge', { channel: 'pigeon' })).toEqual({});
    expect(eventDetails('assign', null)).toEqual({});
    expect(eventDetails('assign', ['x'])).toEqual({});
    expect(eventDetails('created', { pausedWorkingDays: 3 })).toEqual({});
  });
});
