/**
 * Reads and writes of the organisation (units, people, posts, divisions). Query keys start with the resource name,
 * so a write invalidates everything of that resource — lists, tree levels and details — in one call.
 */
import {
  orgRoutes,
  type createPersonBody,
  type createPostBody,
  type createUnitBody,
  type setAbsenceBody,
  type Person,
  type Post,
  type Unit,
  type updatePersonBody,
  type updatePostBody,
  type updateUnitBody,
} from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';

/** The caller's scope root(s): `GET /api/units` without parameters. */
export const rootUnitsQuery = queryOptions({
  queryKey: ['units', 'children', 'root'],
  queryFn: () => call(orgRoutes.units),
});

/** One tree level: children of `parentId`. */
export function unitChildrenQuery(parentId: string) {
  return queryOptions({
    queryKey: ['units', 'children', parentId],
    queryFn: () => call(orgRoutes.units, { query: { parentId } }),
  });
}

/** Name search within the caller's scope (the server caps it at 50). */
export function unitSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['units', 'search', q],
    queryFn: () => call(orgRoutes.units, { query: { q } }),
    enabled: q.length > 0,
  });
}

/** One unit, with its `version` for the next PATCH. */
export function unitQuery(id: string) {
  return queryOptions({
    queryKey: ['units', 'detail', id],
    queryFn: () => call(orgRoutes.unit, { params: { id } }),
  });
}

/** Divisions under `parentCode` (GB/T 2260); divisions never change at run time, so they are cached for long. */
export function divisionsQuery(parentCode: string) {
  return queryOptions({
    queryKey: ['divisions', parentCode],
    queryFn: () => call(orgRoutes.divisions, { query: { parentCode } }),
    staleTime: 24 * 3_600_000,
  });
}

/** Filters of `GET /api/persons`. */
export type PersonFilter = { unitId?: string; includeSubunits?: boolean; isLeader?: boolean; q?: string };

/** People matching `filter` (max 200). */
export function personsQuery(filter: PersonFilter) {
  return queryOptions({
    queryKey: ['persons', filter],
    queryFn: () => call(orgRoutes.persons, { query: filter }),
  });
}

/** Posts of a unit with their A角/B角. */
export function postsQuery(unitId: string) {
  return queryOptions({
    queryKey: ['posts', unitId],
    queryFn: () => call(orgRoutes.posts, { query: { unitId } }),
  });
}

/** `POST /api/units`. */
export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createUnitBody>) => call(orgRoutes.createUnit, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** `PATCH /api/units/:id` with `If-Match`. */
export function useUpdateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, body }: { target: Unit; body: BodyOf<typeof updateUnitBody> }) =>
      call(orgRoutes.updateUnit, { params: { id: target.id }, body, version: target.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['units'] }),
  });
}

/** `POST /api/persons`. */
export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createPersonBody>) => call(orgRoutes.createPerson, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['persons'] }),
  });
}

/** `PATCH /api/persons/:id` with `If-Match`. */
export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, body }: { target: Person; body: BodyOf<typeof updatePersonBody> }) =>
      call(orgRoutes.updatePerson, { params: { id: target.id }, body, version: target.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['persons'] }),
  });
}

/** `PUT /api/persons/:id/overseen-units`: replaces a leader's 分管 units. */
export function useSetOverseenUnits() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, unitIds }: { personId: string; unitIds: string[] }) =>
      call(orgRoutes.setOverseenUnits, { params: { id: personId }, body: { unitIds } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['persons'] }),
  });
}

/** `POST /api/posts`. */
export function useCreatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createPostBody>) => call(orgRoutes.createPost, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['posts'] }),
  });
}

/** `PATCH /api/posts/:id` with `If-Match`. */
export function useUpdatePost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ target, body }: { target: Post; body: BodyOf<typeof updatePostBody> }) =>
      call(orgRoutes.updatePost, { params: { id: target.id }, body, version: target.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ['posts'] }),
  });
}

/** `PUT /api/persons/:id/absence`: 请假/出差 from … until …; while it lasts the B角 acts on the person's items. */
export function useSetAbsence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: BodyOf<typeof setAbsenceBody> }) =>
      call(orgRoutes.setAbsence, { params: { id: personId }, body }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['persons'] }), client.invalidateQueries({ queryKey: ['tasks'] })]),
  });
}

/** `DELETE /api/persons/:id/absence`: 销假; the person's items are theirs again. */
export function useClearAbsence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => call(orgRoutes.clearAbsence, { params: { id: personId } }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['persons'] }), client.invalidateQueries({ queryKey: ['tasks'] })]),
  });
}
