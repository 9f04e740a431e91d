import { describe, expect, it } from 'vitest';
import { reasonText } from './warning-dot';

describe('warning reasons in words', () => {
  it('words known codes in the UI language and shows unknown ones by code', () => {
    expect(reasonText({ code: 'deadline_near', params: { days: 3 } }, 'zh-CN')).toBe('距办结时限还有 3 个工作日');
    expect(reasonText({ code: 'deadline_near', params: { days: 3 } }, 'en')).toBe('3 working days to the deadline');
    expect(reasonText({ code: 'new_rule', params: { n: 1 } }, 'zh-CN')).toBe('new_rule（n: 1）');
  });
});
