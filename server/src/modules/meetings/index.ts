/** 会议 (meetings, 议题, 会议决定事项, 会议纪要): the module's public surface; other code imports only this file. */
export { registerMeetingRoutes } from './meetings.routes.js';
