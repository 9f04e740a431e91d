/**
 * Reads and writes of 会议. Every write answers with the meeting (or a part of it) and refreshes the meeting and the
 * list, so the page always shows the server's state — the decisions' items with their live status included.
 */
import {
  meetingRoutes,
  type createAgendaItemBody,
  type createMeetingBody,
  type recordDecisionBody,
  type registerAttendeeBody,
  type setMeetingLeadersBody,
  type updateMinutesBody,
} from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, routeUrl } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { uploadFile } from '../../app/api/upload';

export function meetingTypesQuery() {
  return queryOptions({ queryKey: ['meetings', 'types'], queryFn: () => call(meetingRoutes.types), staleTime: 300_000 });
}

export function meetingListQuery(filter: { year?: number; type?: string }) {
  return queryOptions({ queryKey: ['meetings', 'list', filter], queryFn: () => call(meetingRoutes.list, { query: filter }) });
}

export function meetingQuery(id: string) {
  return queryOptions({ queryKey: ['meetings', 'detail', id], queryFn: () => call(meetingRoutes.get, { params: { id } }) });
}

/** Where the minutes' DOCX downloads from (the issued bytes once issued, else the draft). */
export function minutesUrl(id: string): string {
  return routeUrl(meetingRoutes.minutesDocx, { params: { id } });
}

export function materialUrl(id: string): string {
  return routeUrl(meetingRoutes.downloadMaterial, { params: { id } });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['meetings'] });
}

export function useConvene() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createMeetingBody>) => call(meetingRoutes.create, { body }),
    onSettled: refresh,
  });
}

/** Every write on one meeting's page, each refreshing the meeting afterwards. */
export function useMeetingWrites(meetingId: string) {
  const refresh = useRefresh();
  const on = { onSettled: refresh };
  return {
    setLeaders: useMutation({
      mutationFn: (body: BodyOf<typeof setMeetingLeadersBody>) => call(meetingRoutes.setLeaders, { params: { id: meetingId }, body }),
      ...on,
    }),
    addAgendaItem: useMutation({
      mutationFn: (body: BodyOf<typeof createAgendaItemBody>) => call(meetingRoutes.addAgendaItem, { params: { id: meetingId }, body }),
      ...on,
    }),
    signOff: useMutation({ mutationFn: (id: string) => call(meetingRoutes.signOff, { params: { id } }), ...on }),
    setRecord: useMutation({
      mutationFn: ({ id, record }: { id: string; record: string | null }) =>
        call(meetingRoutes.setRecord, { params: { id }, body: { record } }),
      ...on,
    }),
    registerAttendee: useMutation({
      mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof registerAttendeeBody> }) =>
        call(meetingRoutes.registerAttendee, { params: { id }, body }),
      ...on,
    }),
    removeAttendee: useMutation({ mutationFn: (id: string) => call(meetingRoutes.removeAttendee, { params: { id } }), ...on }),
    uploadMaterial: useMutation({
      mutationFn: ({ id, file, lateReason }: { id: string; file: File; lateReason?: string }) =>
        uploadFile(meetingRoutes.uploadMaterial, { params: { id }, query: lateReason ? { lateReason } : {}, file }).promise,
      ...on,
    }),
    decideLate: useMutation({
      mutationFn: ({ id, decision }: { id: string; decision: 'accepted' | 'refused' }) =>
        call(meetingRoutes.decideLateMaterial, { params: { id }, body: { decision } }),
      ...on,
    }),
    recordDecision: useMutation({
      mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof recordDecisionBody> }) =>
        call(meetingRoutes.recordDecision, { params: { id }, body }),
      ...on,
    }),
    supervise: useMutation({ mutationFn: (id: string) => call(meetingRoutes.superviseDecision, { params: { id } }), ...on }),
    updateMinutes: useMutation({
      mutationFn: (body: BodyOf<typeof updateMinutesBody>) => call(meetingRoutes.updateMinutes, { params: { id: meetingId }, body }),
      ...on,
    }),
    issueMinutes: useMutation({ mutationFn: () => call(meetingRoutes.issueMinutes, { params: { id: meetingId } }), ...on }),
  };
}
