/** 预警 lights and 序时进度: the module's public surface; other code imports only this file. */
export { registerWarningRoutes } from './warnings.routes.js';
export { refreshStaleWarnings } from './warnings.service.js';
