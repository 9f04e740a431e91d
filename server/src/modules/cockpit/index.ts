/** 领导驾驶舱: the module's public surface; other code imports only this file. */
export { registerCockpitRoutes } from './cockpit.routes.js';
