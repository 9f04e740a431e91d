/** Maps a server error onto form fields, by the dot paths the server reports. */
import { errorMessages, formatErrorMessage, type ErrorCode } from '@luoshi/contracts';
import type { AppLocale } from '../i18n/types';
import { ApiError } from './api-error';
import { errorText } from './errors';

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

/** A form field error in antd's `setFields` shape. */
export type FormFieldError = { name: (string | number)[]; errors: string[] };

/** Splits a dot path (`roles.0`) into antd's name path (`['roles', 0]`). */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Field (dot path) that a top-level error code without `fields` belongs to, e.g. TASK_REASON_REQUIRED → `reason`. */
export type CodeFields = Readonly<Partial<Record<string, string>>>;

/**
 * Field errors for a form. Server `fields` map by path; a stable code gets our wording in the current language.
 * Top-level PASSWORD_* errors concern the new password, so they land on `passwordField` when the form has one; other
 * top-level codes land on the field `codeFields` names for them.
 */
export function formFieldErrors(error: unknown, locale: AppLocale, passwordField?: string, codeFields?: CodeFields): FormFieldError[] {
  if (!(error instanceof ApiError)) {
    return [];
  }
  const result: FormFieldError[] = error.fields.map((field) => ({
    name: toNamePath(field.path),
    errors: [isErrorCode(field.code) ? formatErrorMessage(field.code, locale, { ...error.params }) : field.message],
  }));
  if (passwordField && error.code.startsWith('PASSWORD_') && result.length === 0) {
    result.push({ name: [passwordField], errors: [errorText(error, locale)] });
  }
  const codeField = codeFields?.[error.code];
  if (codeField && result.length === 0) {
    result.push({ name: toNamePath(codeField), errors: [errorText(error, locale)] });
  }
  return result;
}
