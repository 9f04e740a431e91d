/** A unit's aliases (the names documents use for it): read by anyone in scope, changed by the system administrator. */
import { unitAliasRoutes } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';

export function unitAliasesQuery(unitId: string) {
  return queryOptions({
    queryKey: ['unit-aliases', unitId],
    queryFn: () => call(unitAliasRoutes.list, { params: { id: unitId } }),
  });
}

export function useAddUnitAlias(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (alias: string) => call(unitAliasRoutes.create, { params: { id: unitId }, body: { alias } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['unit-aliases', unitId] }),
  });
}

export function useRemoveUnitAlias(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (alias: string) => call(unitAliasRoutes.remove, { params: { id: unitId, alias } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['unit-aliases', unitId] }),
  });
}
