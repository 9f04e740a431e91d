import { describe, expect, it } from 'vitest';
import { isPendingStep, nextStepAfter } from './extension-steps';

describe('nextStepAfter', () => {
  it('follows 单位负责人 → 督查员 → 分管领导', () => {
    expect(nextStepAfter('pending_unit_leader', true)).toBe('pending_supervisor');
    expect(nextStepAfter('pending_supervisor', true)).toBe('pending_leader');
    expect(nextStepAfter('pending_leader', true)).toBe('approved');
  });
  it('passes over the leader step when the item has no responsible leader', () => {
    expect(nextStepAfter('pending_supervisor', false)).toBe('approved');
  });
  it('treats decided requests as final', () => {
    expect(isPendingStep('approved')).toBe(false);
    expect(nextStepAfter('rejected', true)).toBe('approved');
  });
});
