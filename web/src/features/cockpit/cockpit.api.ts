/** `GET /api/cockpit`: the figures over the reader's scope. Kept for a minute; the page refetches on focus. */
import { cockpitRoutes } from '@luoshi/contracts';
import { queryOptions } from '@tanstack/react-query';
import { call } from '../../app/api/client';

export const cockpitQueryKey = ['cockpit'] as const;

export function cockpitQuery() {
  return queryOptions({
    queryKey: cockpitQueryKey,
    queryFn: () => call(cockpitRoutes.summary),
    staleTime: 60_000,
  });
}
