/** Accounts, sign-in and sessions: the module's public surface; other code imports only this file. */
export { registerAuthRoutes } from './auth.routes.js';
export { registerSignInAddressThrottle } from './address-throttle.js';
export { actorOf, assertPasswordAcceptable, resolveSession, type SessionWithUser } from './auth.service.js';
export {
  clearThrottle,
  deleteExpiredSessions,
  deleteSessionsOfUser,
  deleteStaleThrottles,
  findSessionWithUser,
} from './auth.repository.js';
export { isSessionExpired, usernameKey } from './auth.rules.js';
