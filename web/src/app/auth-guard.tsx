/** Route guards: a page renders only for an active session, and admin pages only for their role. */
import type { Role } from '@luoshi/contracts';
import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorText } from './api/errors';
import { useAppLocale } from './i18n/i18n';
import { loginPathFor } from './navigation';
import { PageLoading, SessionUnavailable } from './page-states';
import { hasAnyRole, useCurrentUser, useSession } from './session';

const ForbiddenPage = lazy(() => import('./status-pages').then((m) => ({ default: m.ForbiddenPage })));

/**
 * Renders children only for a fully signed-in session. No session, or a session still at a step (TOTP, enrolment,
 * password change), goes to /login, which shows exactly that step; `next` brings the user back afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const locale = useAppLocale();
  if (session.data === undefined) {
    if (session.isError) {
      return <SessionUnavailable message={errorText(session.error, locale)} onRetry={() => void session.refetch()} />;
    }
    return <PageLoading />;
  }
  if (session.data === null || session.data.stage !== 'active') {
    return <Navigate to={loginPathFor(location)} replace />;
  }
  return children;
}

/** Shows a 403 page unless the user holds one of `roles`; the menu hides such pages too, this covers typed URLs. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  return hasAnyRole(user, ...roles) ? children : <ForbiddenPage />;
}
