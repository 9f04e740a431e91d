/** Routes of 路线图: an item's 时间节点 (every write answers with the whole list) and the Gantt rows. */
import { idParams } from './common.js';
import { milestoneBody, milestoneList, roadmap, roadmapQuery } from './roadmap.js';
import { defineRoute } from './route.js';

export const roadmapRoutes = {
  milestones: defineRoute({ method: 'GET', path: '/api/tasks/:id/milestones', params: idParams, response: milestoneList }),
  addMilestone: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/milestones',
    params: idParams,
    body: milestoneBody,
    status: 201,
    response: milestoneList,
  }),
  changeMilestone: defineRoute({
    method: 'PUT',
    path: '/api/milestones/:id',
    params: idParams,
    body: milestoneBody,
    response: milestoneList,
  }),
  removeMilestone: defineRoute({ method: 'DELETE', path: '/api/milestones/:id', params: idParams, response: milestoneList }),
  roadmap: defineRoute({ method: 'GET', path: '/api/roadmap', query: roadmapQuery, response: roadmap }),
};
