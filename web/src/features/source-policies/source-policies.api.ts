/** Per-source 办理时限 defaults and warning thresholds (system_admin edits; the 督查室 reads). */
import { sourcePolicy, type SourcePolicy, type TaskSource } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';

export const sourcePoliciesQuery = queryOptions({
  queryKey: ['source-policies'],
  queryFn: () => apiRequest('GET', '/api/source-policies', { schema: sourcePolicy.array() }),
});

export function useSetSourcePolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, ...body }: SourcePolicy & { source: TaskSource }) =>
      apiRequest('PUT', `/api/source-policies/${source}`, { schema: sourcePolicy, body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['source-policies'] }),
  });
}
