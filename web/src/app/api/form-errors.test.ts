import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { formFieldErrors, toNamePath } from './form-errors';

const messages = { 'zh-CN': '密码过于常见，容易被猜中', en: 'This password is too common' };

describe('toNamePath', () => {
  it('turns numeric segments into indexes', () => {
    expect(toNamePath('roles.0')).toEqual(['roles', 0]);
    expect(toNamePath('name')).toEqual(['name']);
  });
});

describe('formFieldErrors', () => {
  it('maps server fields by path, using our wording for known codes', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'invalid',
      fields: [
        { path: 'roles.0', code: 'ROLE_SEPARATION', message: 'raw' },
        { path: 'name', code: 'too_small', message: 'Too small' },
      ],
    });
    expect(formFieldErrors(error, 'zh-CN')).toEqual([
      { name: ['roles', 0], errors: ['系统管理员、安全管理员、审计管理员须由不同账户担任（三员分立）'] },
      { name: ['name'], errors: ['Too small'] },
    ]);
  });
  it('puts a top-level PASSWORD_* error on the password field in the UI language', () => {
    const error = new ApiError({ status: 400, code: 'PASSWORD_COMMON', message: 'x', messages });
    expect(formFieldErrors(error, 'en', 'newPassword')).toEqual([{ name: ['newPassword'], errors: ['This password is too common'] }]);
  });
  it('puts a top-level code on the field named for it', () => {
    const error = new ApiError({
      status: 400,
      code: 'TASK_REASON_REQUIRED',
      message: 'x',
      messages: { 'zh-CN': '退回须填写理由', en: 'A reason is required to return' },
    });
    expect(formFieldErrors(error, 'zh-CN', undefined, { TASK_REASON_REQUIRED: 'reason' })).toEqual([
      { name: ['reason'], errors: ['退回须填写理由'] },
    ]);
    expect(formFieldErrors(error, 'zh-CN', undefined, { OTHER: 'reason' })).toEqual([]);
  });
  it('ignores non-API errors', () => {
    expect(formFieldErrors(new Error('boom'), 'zh-CN')).toEqual([]);
  });
});
