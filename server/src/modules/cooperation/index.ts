/** 配合单位 duties and 协调请求: the module's public surface; other code imports only this file. */
export { registerCooperationRoutes } from './cooperation.routes.js';
