/**
 * AppError: the only error a service throws on purpose. It carries a stable code and params for the message; the
 * code's HTTP status is declared once beside it in contracts/errors.ts, and the HTTP layer turns the error into the
 * zh-CN/English error body.
 */
import { errorStatusOf, type ErrorCode } from '@luoshi/contracts';

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  /** The status contracts declare for the code. */
  readonly httpStatus: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldIssue[],
  ) {
    super(code);
    this.name = 'AppError';
    this.httpStatus = errorStatusOf(code);
  }
}

/** 404 that looks exactly like a missing record — also used for records outside the caller's scope. */
export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN');
}

/** An error naming one field, for rules that zod cannot express (e.g. password policy). */
export function fieldError(code: ErrorCode, path: string, message: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, params, [{ path, code, message }]);
}

/** True when a database error (possibly wrapped by drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let i = 0; i < 3 && current && typeof current === 'object'; i++) {
    if ('code' in current && current.code === '23505') return true;
    current = 'cause' in current ? current.cause : null;
  }
  return false;
}

/** Runs a write and turns a unique-constraint violation into 409 DUPLICATE naming the field. */
export async function refuseDuplicate<T>(name: string, field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { name }, [{ path: field, code: 'duplicate', message: 'duplicate' }]);
    throw error;
  }
}
