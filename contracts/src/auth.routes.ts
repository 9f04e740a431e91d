/** Routes of sign-in and the own account; each step answers with the new session. */
import { changePasswordBody, sessionBody, signInBody, totpConfirmBody, totpEnrolmentBody, totpVerifyBody } from './auth.js';
import { okBody } from './common.js';
import { defineRoute } from './route.js';

export const authRoutes = {
  signIn: defineRoute({ method: 'POST', path: '/api/auth/sign-in', body: signInBody, response: sessionBody }),
  session: defineRoute({ method: 'GET', path: '/api/auth/session', response: sessionBody }),
  verifyTotp: defineRoute({ method: 'POST', path: '/api/auth/totp', body: totpVerifyBody, response: sessionBody }),
  startTotpEnrolment: defineRoute({ method: 'POST', path: '/api/auth/totp/enrolment', response: totpEnrolmentBody }),
  confirmTotpEnrolment: defineRoute({
    method: 'POST',
    path: '/api/auth/totp/enrolment/confirm',
    body: totpConfirmBody,
    response: sessionBody,
  }),
  changePassword: defineRoute({ method: 'POST', path: '/api/auth/password', body: changePasswordBody, response: sessionBody }),
  signOut: defineRoute({ method: 'POST', path: '/api/auth/sign-out', response: okBody }),
};
