/** The signed-in session as react-query state: one fetch at start-up, shared by the guard, the shell and pages. */
import type { CurrentUser, Role, SessionBody } from '@luoshi/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call, contractsModule } from './api/client';
import { ApiError } from './api/api-error';
import { cachedSession, dropSession, sessionQueryKey } from './query-client';

/** Reads the session; a 401 is the ordinary "not signed in" answer and yields `null`, not an error. */
export async function fetchSession(): Promise<SessionBody | null> {
  try {
    return await call(
      contractsModule.then((m) => m.authRoutes.session),
      { signOutOn401: false },
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      if (cachedSession()) {
        // The session ended while the app was open (idle timeout): forget the previous user's cached data too.
        dropSession(error.messages);
      }
      return null;
    }
    throw error;
  }
}

/** The session query. Re-checked on window focus so an idle-expired session sends the user to sign in. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/**
 * The active session's user. Only valid below `RequireSession`, which renders nothing until a session exists;
 * calling it elsewhere is a programming error and throws.
 */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) {
    throw new Error('useCurrentUser() used outside RequireSession');
  }
  return data.user;
}

/** Whether the user holds any of the roles; menus and edit buttons use it, the server enforces it. */
export function hasAnyRole(user: Pick<CurrentUser, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** Signs out on the server and always forgets the session locally, even if the server call fails. */
export function useSignOut() {
  return useMutation({
    mutationFn: () =>
      call(
        contractsModule.then((m) => m.authRoutes.signOut),
        { body: {}, signOutOn401: false },
      ),
    onSettled: () => dropSession(),
  });
}
