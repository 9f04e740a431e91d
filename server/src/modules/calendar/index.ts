/** 工作日历 administration: the module's public surface; other code imports only this file. */
export { registerCalendarRoutes } from './calendar.routes.js';
