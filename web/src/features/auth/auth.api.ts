/** Mutations of the sign-in flow and of one's own account. Each step answers with the new session, stored at once. */
import { authRoutes } from '@luoshi/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import { applySession } from '../../app/query-client';

/** `POST /api/auth/sign-in`; a 401 here means wrong credentials, not an expired session. */
export function useSignIn() {
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => call(authRoutes.signIn, { body, signOutOn401: false }),
    onSuccess: applySession,
  });
}

/** `POST /api/auth/totp`: the second factor at sign-in. */
export function useVerifyTotp() {
  return useMutation({
    mutationFn: (code: string) => call(authRoutes.verifyTotp, { body: { code } }),
    onSuccess: applySession,
  });
}

/** `POST /api/auth/totp/enrolment`: a fresh secret to scan; nothing is bound until it is confirmed. */
export function useStartTotpEnrolment() {
  return useMutation({
    mutationFn: () => call(authRoutes.startTotpEnrolment, { body: {} }),
  });
}

/** `POST /api/auth/totp/enrolment/confirm`: proves the app works, then binds the secret. */
export function useConfirmTotpEnrolment() {
  return useMutation({
    mutationFn: (code: string) => call(authRoutes.confirmTotpEnrolment, { body: { code } }),
    onSuccess: applySession,
  });
}

/** `POST /api/auth/password`: own password change (required step or voluntary). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => call(authRoutes.changePassword, { body }),
    onSuccess: applySession,
  });
}
