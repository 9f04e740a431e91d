/**
 * Password rules (等保 2.0 8.1.4.1 a; ASVS 6.2): at least 8 characters, at most 128, three of four character
 * classes, not a commonly used password, not containing the username. ASVS discourages composition rules, but for
 * a 等保-graded system the standard's text wins; the common-password check (ASVS 6.2.4) is added on top.
 */
import type { ErrorCode } from '@luoshi/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords Chinese users pick that the English-centred list misses. */
const chineseCommonPasswords = [
  'woaini1314',
  'woaini520',
  'a123456789',
  'aa123456',
  'abc123456',
  'abc@123',
  'abc@1234',
  'abc@123456',
  'admin@123',
  'admin@1234',
  'admin123456',
  'p@ssw0rd',
  'p@ssword1',
  'password@123',
  'qwe@123',
  'qwer@1234',
  '1qaz@wsx',
  '1qaz2wsx',
  '1qaz!qaz',
  'zaq1@wsx',
  'test@123',
  'root@123',
  'huawei@123',
  'yunnan@123',
  'kunming@123',
];

let commonPasswords: Set<string> | null = null;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set([...dictionary['passwords-common'], ...chineseCommonPasswords]);
  return commonPasswords.has(password.toLowerCase());
}

export interface PasswordViolation {
  code: ErrorCode;
  params: Record<string, number>;
}

/** The first rule the password breaks, or null when it passes. */
export function findPasswordViolation(password: string, username: string): PasswordViolation | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { code: 'PASSWORD_TOO_SHORT', params: { min: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'PASSWORD_TOO_LONG', params: { max: PASSWORD_MAX_LENGTH } };
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return { code: 'PASSWORD_CLASSES', params: {} };
  if (isCommon(password)) return { code: 'PASSWORD_COMMON', params: {} };
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return { code: 'PASSWORD_CONTAINS_USERNAME', params: {} };
  return null;
}
