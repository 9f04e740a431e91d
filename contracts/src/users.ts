/** Account administration by the security administrator (安全管理员). */
import { z } from 'zod';
import { limits, text } from './common.js';
import { roleSchema } from './roles.js';

export const userAccount = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  personId: z.uuid().nullable(),
  scopeUnitId: z.uuid(),
  scopeUnitName: z.string(),
  roles: z.array(roleSchema),
  isTotpEnabled: z.boolean(),
  isDisabled: z.boolean(),
  isLocked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type UserAccount = z.infer<typeof userAccount>;

export const userListQuery = z.strictObject({
  q: z.string().trim().min(1).max(limits.nameMax).optional(),
  scopeUnitId: z.uuid().optional(),
});

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, { message: 'letters, digits, dot, underscore and hyphen only' });

export const createUserBody = z.strictObject({
  username: usernameSchema,
  displayName: text(64),
  personId: z.uuid().optional(),
  scopeUnitId: z.uuid(),
  roles: z.array(roleSchema).min(1).max(9),
  /** Initial password; the user must change it at first sign-in. */
  initialPassword: z.string().min(1).max(256),
});

export const updateUserBody = z.strictObject({
  displayName: text(64).optional(),
  scopeUnitId: z.uuid().optional(),
  roles: z.array(roleSchema).min(1).max(9).optional(),
  isDisabled: z.boolean().optional(),
});

export const resetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(256) });
