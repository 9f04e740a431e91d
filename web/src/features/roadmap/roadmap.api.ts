/**
 * Reads and writes of 路线图: an item's 时间节点 and the Gantt rows of an item's subtree or of a programme. The item's
 * queries sit below the item's key and carry its version, so a lifecycle action (which changes the version) re-reads
 * them; every milestone write answers with the whole list and refreshes the item (timeline, light).
 */
import { milestoneList, roadmap, type milestoneBody, type TaskSource } from '@luoshi/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../app/api/client';
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
    queryFn: () => apiRequest('GET', `/api/tasks/${encodeURIComponent(taskId)}/milestones`, { schema: milestoneList }),
    placeholderData: keepPreviousData,
  });
}

/** Gantt rows of an item with all its sub-items (to any depth). */
export function itemRoadmapQuery(taskId: string, version: number) {
  return queryOptions({
    queryKey: [...taskQuery(taskId).queryKey, 'roadmap', version],
    queryFn: () => apiRequest('GET', '/api/roadmap', { schema: roadmap, query: { parentId: taskId } }),
    placeholderData: keepPreviousData,
  });
}

/** Gantt rows of a programme: the top-level items of one source (e.g. 政府工作报告). */
export function programmeRoadmapQuery(source: TaskSource) {
  return queryOptions({
    queryKey: ['tasks', 'roadmap', source],
    queryFn: () => apiRequest('GET', '/api/roadmap', { schema: roadmap, query: { source, limit: 500 } }),
  });
}

/** One milestone write: add (no id), change, or remove. */
export type MilestoneWrite =
  { kind: 'add'; body: MilestoneBody } | { kind: 'change'; id: string; body: MilestoneBody } | { kind: 'remove'; id: string };

function send(taskId: string, write: MilestoneWrite) {
  switch (write.kind) {
    case 'add':
      return apiRequest('POST', `/api/tasks/${encodeURIComponent(taskId)}/milestones`, { schema: milestoneList, body: write.body });
    case 'change':
      return apiRequest('PUT', `/api/milestones/${encodeURIComponent(write.id)}`, { schema: milestoneList, body: write.body });
    case 'remove':
      return apiRequest('DELETE', `/api/milestones/${encodeURIComponent(write.id)}`, { schema: milestoneList });
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
