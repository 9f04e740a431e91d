/**
 * The one react-query cache of the SPA. The session lives in it under `sessionQueryKey`, so the API client can read
 * the CSRF token and a 401 anywhere can drop the session (and every cached record of the previous user) in one place.
 */
import type { SessionBody } from '@luoshi/contracts';
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/api-error';
import type { AppLocale } from './i18n/types';

/** Cache key of `GET /api/auth/session`; `null` data means "signed out". */
export const sessionQueryKey = ['session'] as const;

let signOutNotice: Readonly<Record<AppLocale, string>> | null = null;

/**
 * Why the last involuntary sign-out happened (e.g. session expired), shown on the login page until the next
 * successful sign-in. Reading does not clear it, so React's double render in development cannot lose it.
 */
export function lastSignOutNotice(): Readonly<Record<AppLocale, string>> | null {
  return signOutNotice;
}

/** Shared cache; failed reads retry once unless the server answered with a definite 4xx. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => failureCount < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});

/** The cached session, if any; used for the CSRF token and role checks outside React. */
export function cachedSession(): SessionBody | null {
  return queryClient.getQueryData<SessionBody | null>(sessionQueryKey) ?? null;
}

/** Stores a session body returned by any auth endpoint, so the guard and the CSRF header see it at once. */
export function applySession(session: SessionBody): void {
  signOutNotice = null;
  queryClient.setQueryData<SessionBody | null>(sessionQueryKey, session);
}

/**
 * Forgets the signed-in user: clears every other cached query first (no data of one user may linger for the next
 * person at a shared computer), then marks the session as signed out, which sends the guard to /login.
 */
export function dropSession(notice?: Readonly<Record<AppLocale, string>> | null): void {
  signOutNotice = notice ?? null;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData<SessionBody | null>(sessionQueryKey, null);
}
