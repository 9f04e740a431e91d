/**
 * Reads and writes of 路线图: an item's 时间节点 and the Gantt rows of an item's subtree or of a programme. The item's
 * queries sit below the item's key and carry its version, so a lifecycle action (which changes the version) re-reads
 * them; every milestone write answers with the whole list and refreshes the item (timeline, light).
 */
import { roadmapRoutes, type milestoneBody, type milestoneList, type TaskSource } from '@luoshi/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';
import type { BodyOf } from '../../app/api/contract-types';
import { taskQuery } from '../tasks/tasks.api';

/** The list as `GET /api/tasks/:id/milestones` returns it. */
export type MilestoneList = ReturnType<typeof milestoneList.parse>;
/** One 时间节点. */
export type Milestone = MilestoneList['items'][number];
/** What a milestone form sends. */
export type MilestoneBody = BodyOf<typeof milestoneBody>;

/** 时间节点 of an item, re-read when the item's version changes. */
export function milestonesQuery(taskId: string, version: number) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'milestones', version],
    queryFn: () => call(roadmapRoutes.milestones, { params: { id: taskId } }),
    placeholderData: keepPreviousData,
  });
}

/** Gantt rows of an item with all its sub-items (to any depth). */
export function itemRoadmapQuery(taskId: string, version: number) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'roadmap', version],
    queryFn: () => call(roadmapRoutes.roadmap, { query: { parentId: taskId } }),
    placeholderData: keepPreviousData,
  });
}

/** Gantt rows of a programme: the top-level items of one source (e.g. 政府工作报告). */
export function programmeRoadmapQuery(source: TaskSource) {
  return queryOptions({
    queryKey: ['tasks', 'roadmap', source],
    queryFn: () => call(roadmapRoutes.roadmap, { query: { source, limit: 500 } }),
  });
}

/** One milestone write: add (no id), change, or remove. */
export type MilestoneWrite =
  { kind: 'add'; body: MilestoneBody } | { kind: 'change'; id: string; body: MilestoneBody } | { kind: 'remove'; id: string };

function send(taskId: string, write: MilestoneWrite) {
  switch (write.kind) {
    case 'add':
      return call(roadmapRoutes.addMilestone, { params: { id: taskId }, body: write.body });
    case 'change':
      return call(roadmapRoutes.changeMilestone, { params: { id: write.id }, body: write.body });
    case 'remove':
      return call(roadmapRoutes.removeMilestone, { params: { id: write.id } });
  }
}

/** Milestone writes of item `taskId` (at `version`); the item and its Gantt are refreshed afterwards. */
export function useMilestoneWrite(taskId: string, version: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: MilestoneWrite) => send(taskId, write),
    onSuccess: (list) => client.setQueryData(milestonesQuery(taskId, version).queryKey, list),
    onSettled: () => client.invalidateQueries({ queryKey: taskQuery(taskId).queryKey }),
  });
}
