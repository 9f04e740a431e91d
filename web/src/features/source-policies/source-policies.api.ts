/**
 * Writes to the source registry (督办事项来源, with each source's 办理时限 defaults and warning thresholds; the system
 * administrator adds and edits) and the governments' item number patterns. Reads of the registry: use-sources.ts.
 */
import { sourceRoutes, type RouteBodyInput } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';

export function useCreateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteBodyInput<typeof sourceRoutes.create>) => call(sourceRoutes.create, { body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['sources'] }),
  });
}

export function useUpdateSource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: RouteBodyInput<typeof sourceRoutes.update> }) =>
      call(sourceRoutes.update, { params: { source: code }, body }),
    onSettled: () => client.invalidateQueries({ queryKey: ['sources'] }),
  });
}

export const numberPatternsQuery = queryOptions({
  queryKey: ['number-patterns'],
  queryFn: () => call(sourceRoutes.listNumberPatterns),
});

export function useSetNumberPattern() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, pattern }: { unitId: string; pattern: string }) =>
      call(sourceRoutes.setNumberPattern, { params: { unitId }, body: { pattern } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['number-patterns'] }),
  });
}
