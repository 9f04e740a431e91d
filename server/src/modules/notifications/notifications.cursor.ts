/** Keyset cursors `<ISO time>|<uuid>`: opaque to clients, refused with a field error when tampered with. */
import { fieldError } from '../../platform/errors.js';

export function encodeCursor(createdAt: Date, id: string): string {
  return `${createdAt.toISOString()}|${id}`;
}

export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = cursor.split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id))
    throw fieldError('VALIDATION_FAILED', 'cursor', 'bad cursor');
  return { createdAt, id };
}
