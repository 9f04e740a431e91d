import { describe, expect, it } from 'vitest';
import { characterClassCount, checkPassword } from './password-policy';

describe('characterClassCount', () => {
  it('counts upper, lower, digit and symbol', () => {
    expect(characterClassCount('abc')).toBe(1);
    expect(characterClassCount('Abc1')).toBe(3);
    expect(characterClassCount('Abc1!')).toBe(4);
  });
});

describe('checkPassword', () => {
  it('flags a password that contains the username, case-insensitively', () => {
    expect(checkPassword('ZhangSan#2026', 'zhangsan').avoidsUsername).toBe(false);
    expect(checkPassword('Yunnan#2026', 'zhangsan').avoidsUsername).toBe(true);
  });
  it('counts characters, not UTF-16 units', () => {
    expect(checkPassword('督查督办落实Aa', null).isLongEnough).toBe(true);
    expect(checkPassword('短Aa1!', null).isLongEnough).toBe(false);
  });
  it('leaves the common-password rule to the server', () => {
    expect(checkPassword('Password1', 'x').isUncommon).toBeNull();
  });
});
