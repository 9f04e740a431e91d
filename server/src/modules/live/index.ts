/** Live updates (server-sent events): the module's public surface. */
export { registerLiveRoutes } from './live.routes.js';
