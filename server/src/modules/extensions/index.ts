/** 延期申请: the module's public surface; other code imports only this file. */
export { registerExtensionRoutes } from './extensions.routes.js';
