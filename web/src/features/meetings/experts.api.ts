/** Reads and writes of the 专家库; every write refreshes the experts and the draws. */
import { expertRoutes, type createExpertBody, type drawExpertsBody } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';

export function expertsQuery() {
  return queryOptions({ queryKey: ['experts', 'list'], queryFn: () => call(expertRoutes.list, { query: {} }) });
}

export function drawsQuery() {
  return queryOptions({ queryKey: ['experts', 'draws'], queryFn: () => call(expertRoutes.draws) });
}

export function useExpertWrites() {
  const client = useQueryClient();
  const on = { onSettled: () => client.invalidateQueries({ queryKey: ['experts'] }) };
  return {
    create: useMutation({ mutationFn: (body: BodyOf<typeof createExpertBody>) => call(expertRoutes.create, { body }), ...on }),
    setAvailable: useMutation({
      mutationFn: ({ id, isAvailable }: { id: string; isAvailable: boolean }) =>
        call(expertRoutes.update, { params: { id }, body: { isAvailable } }),
      ...on,
    }),
    draw: useMutation({ mutationFn: (body: BodyOf<typeof drawExpertsBody>) => call(expertRoutes.draw, { body }), ...on }),
    verify: useMutation({ mutationFn: (id: string) => call(expertRoutes.verify, { params: { id } }) }),
    recordOpinion: useMutation({
      mutationFn: ({ id, expertId, opinion }: { id: string; expertId: string; opinion: string }) =>
        call(expertRoutes.recordOpinion, { params: { id }, body: { expertId, opinion } }),
      ...on,
    }),
  };
}
