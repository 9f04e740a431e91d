/** Sign-in, session and own-account contracts. */
import { z } from 'zod';
import { roleSchema } from './roles.js';

export const signInBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/**
 * What a session may do now. Anything but `active` permits only the step it names (and sign-out):
 * a TOTP code, setting up TOTP, or changing the password.
 */
export const sessionStageSchema = z.enum(['active', 'mfa_required', 'mfa_enrolment_required', 'password_change_required']);
export type SessionStage = z.infer<typeof sessionStageSchema>;

export const currentUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  scopeUnitId: z.uuid(),
  scopeUnitName: z.string(),
  isTotpEnabled: z.boolean(),
  passwordExpiresAt: z.iso.datetime(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const sessionBody = z.object({
  stage: sessionStageSchema,
  csrfToken: z.string(),
  user: currentUser,
  idleTimeoutSeconds: z.number().int(),
  absoluteExpiresAt: z.iso.datetime(),
});
export type SessionBody = z.infer<typeof sessionBody>;

export const totpVerifyBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

export const totpEnrolmentBody = z.object({ secret: z.string(), otpauthUri: z.string() });

export const totpConfirmBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
