/**
 * Reads and writes of 配合单位 and 协调请求. Every write answers with the whole section, which replaces the cached one
 * at once; the item (header, 时间线) is refreshed too, since each write adds a timeline event.
 */
import {
  cooperationRoutes,
  type contributionBody,
  type coordinationAttempt,
  type decideCoordinationBody,
  type escalateCoordinationBody,
  type raiseCoordinationBody,
  type setCooperationDutyBody,
  type taskCooperation,
} from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { taskQuery } from '../tasks/tasks.api';

/** The section as `GET /api/tasks/:id/cooperation` returns it. */
export type TaskCooperation = ReturnType<typeof taskCooperation.parse>;
/** One cooperating unit's 配合任务 and 配合情况. */
export type Cooperation = TaskCooperation['cooperations'][number];
/** One 协调请求. */
export type Coordination = TaskCooperation['coordination'][number];
/** One 已开展的协调 (协调会 / 电话沟通 / 函商). */
export type CoordinationAttempt = BodyOf<typeof coordinationAttempt>;

/** The section's query, below the item's key so refreshing the item refreshes it too. */
export function taskCooperationQuery(taskId: string) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'cooperation'],
    queryFn: () => call(cooperationRoutes.get, { params: { id: taskId } }),
  });
}

type Write =
  | { kind: 'duty'; unitId: string; body: BodyOf<typeof setCooperationDutyBody> }
  | { kind: 'contribution'; unitId: string; body: BodyOf<typeof contributionBody> }
  | { kind: 'raise'; body: BodyOf<typeof raiseCoordinationBody> }
  | { kind: 'escalate'; coordinationId: string; body: BodyOf<typeof escalateCoordinationBody> }
  | { kind: 'decide'; coordinationId: string; body: BodyOf<typeof decideCoordinationBody> };

function send(taskId: string, write: Write) {
  switch (write.kind) {
    case 'duty':
      return call(cooperationRoutes.setDuty, { params: { id: taskId, unitId: write.unitId }, body: write.body });
    case 'contribution':
      return call(cooperationRoutes.contribute, { params: { id: taskId, unitId: write.unitId }, body: write.body });
    case 'raise':
      return call(cooperationRoutes.raiseCoordination, { params: { id: taskId }, body: write.body });
    case 'escalate':
      return call(cooperationRoutes.escalateCoordination, { params: { id: write.coordinationId }, body: write.body });
    case 'decide':
      return call(cooperationRoutes.decideCoordination, { params: { id: write.coordinationId }, body: write.body });
  }
}

/**
 * All five writes of the section: 明确配合任务 (PUT duty), 报送配合情况, 提出协调请求, 报分管领导协调, 协调决定.
 * Afterwards the item is refreshed (and with it this section: its key lies below the item's).
 */
export function useCooperationWrite(taskId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: Write) => send(taskId, write),
    onSuccess: (section) => client.setQueryData(taskCooperationQuery(taskId).queryKey, section),
    onSettled: () => client.invalidateQueries({ queryKey: taskQuery(taskId).queryKey }),
  });
}
