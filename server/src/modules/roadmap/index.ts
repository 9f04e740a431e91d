/** 路线图 (milestones, Gantt): the module's public surface; other code imports only this file. */
export { registerRoadmapRoutes } from './roadmap.routes.js';
export { addMilestone } from './roadmap.service.js';
