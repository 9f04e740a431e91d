/** `GET /api/cockpit`: the figures over the reader's scope. Kept for a minute; the page refetches on focus. */
import { cockpitSummary } from '@luoshi/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';

export const cockpitQueryKey = ['cockpit'] as const;

export function cockpitQuery() {
  return queryOptions({
    queryKey: cockpitQueryKey,
    queryFn: () => apiRequest('GET', '/api/cockpit', { schema: cockpitSummary }),
    staleTime: 60_000,
  });
}
