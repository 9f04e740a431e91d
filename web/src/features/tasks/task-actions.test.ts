import { transitionBody } from '@luoshi/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api/api-error';
import { actionFieldErrors, arrangeActions, takesReason, toTransitionBody } from './task-actions';

const person = '0190f3a4-7b1c-7def-8abc-0123456789ab';
const all = {
  reason: ' 不属于本单位职责 ',
  handlerId: person,
  summary: ' 已完成 ',
  quality: 5,
  timeliness: 4,
  satisfaction: 3,
  channel: 'phone' as const,
};

describe('toTransitionBody', () => {
  it('sends only what the action needs', () => {
    expect(toTransitionBody('return', all)).toEqual({ action: 'return', reason: '不属于本单位职责' });
    expect(toTransitionBody('start', all)).toEqual({ action: 'start', handlerId: person });
    expect(toTransitionBody('request_completion', all)).toEqual({ action: 'request_completion', summary: '已完成' });
    expect(toTransitionBody('urge', all)).toEqual({ action: 'urge', reason: '不属于本单位职责', channel: 'phone' });
    expect(toTransitionBody('assign', all)).toEqual({ action: 'assign' });
    expect(toTransitionBody('approve_completion', {})).toEqual({ action: 'approve_completion' });
    const evaluate = toTransitionBody('evaluate', all);
    expect(evaluate).toEqual({
      action: 'evaluate',
      reason: '不属于本单位职责',
      evaluation: { quality: 5, timeliness: 4, satisfaction: 3 },
    });
    expect(transitionBody.safeParse(evaluate).success).toBe(true);
  });
});

describe('actionFieldErrors', () => {
  const messages = { 'zh-CN': '评价须填写evaluation', en: 'evaluation is required to Evaluate' };
  it('puts a missing input on its form field in the UI language', () => {
    const error = new ApiError({
      status: 400,
      code: 'TASK_FIELD_REQUIRED',
      message: 'x',
      messages,
      params: { field: 'evaluation' },
      fields: [{ path: 'evaluation', code: 'required', message: 'evaluation required' }],
    });
    expect(actionFieldErrors('evaluate', error, 'en')).toEqual([{ name: ['quality'], errors: ['evaluation is required to Evaluate'] }]);
  });
  it('falls back to the action input when the error names none', () => {
    const reason = new ApiError({ status: 400, code: 'TASK_REASON_REQUIRED', message: 'x', messages });
    expect(actionFieldErrors('urge', reason, 'zh-CN')[0]?.name).toEqual(['reason']);
    const summary = new ApiError({ status: 400, code: 'TASK_FIELD_REQUIRED', message: 'x', messages });
    expect(actionFieldErrors('request_completion', summary, 'zh-CN')[0]?.name).toEqual(['summary']);
    const handler = new ApiError({
      status: 400,
      code: 'TASK_HANDLER_NOT_IN_UNIT',
      message: 'x',
      messages,
      fields: [{ path: 'handlerId', code: 'TASK_HANDLER_NOT_IN_UNIT', message: 'x' }],
    });
    expect(actionFieldErrors('start', handler, 'zh-CN')[0]?.name).toEqual(['handlerId']);
  });
  it('leaves other errors to the path mapping', () => {
    const conflict = new ApiError({ status: 409, code: 'TASK_ACTION_NOT_ALLOWED', message: 'x', messages });
    expect(actionFieldErrors('accept', conflict, 'zh-CN')).toEqual([]);
  });
});

describe('takesReason', () => {
  it('knows which actions and event types carry a reason', () => {
    expect(takesReason('return')).toBe(true);
    expect(takesReason('approve_completion')).toBe(true);
    expect(takesReason('accept')).toBe(false);
    expect(takesReason('created')).toBe(false);
    expect(takesReason('toString')).toBe(false);
  });
});

describe('arrangeActions', () => {
  it('puts the forward step first as primary and the undoing actions last in danger style', () => {
    expect(arrangeActions(['urge', 'request_suspension', 'request_termination', 'request_withdrawal'])).toEqual([
      { action: 'urge', kind: 'default' },
      { action: 'request_suspension', kind: 'default' },
      { action: 'request_termination', kind: 'danger' },
      { action: 'request_withdrawal', kind: 'danger' },
    ]);
    expect(arrangeActions(['approve_change', 'reject_change'])).toEqual([
      { action: 'approve_change', kind: 'primary' },
      { action: 'reject_change', kind: 'danger' },
    ]);
    expect(arrangeActions(['return', 'accept']).map((b) => b.action)).toEqual(['accept', 'return']);
    expect(arrangeActions(['urge', 'resume', 'request_termination'])).toEqual([
      { action: 'resume', kind: 'primary' },
      { action: 'urge', kind: 'default' },
      { action: 'request_termination', kind: 'danger' },
    ]);
  });
});
