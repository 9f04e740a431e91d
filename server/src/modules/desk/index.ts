/** 工作台 (each role's first screen): the module's public surface; other code imports only this file. */
export { registerDeskRoutes } from './desk.routes.js';
