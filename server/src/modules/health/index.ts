/** Liveness and readiness: the module's public surface. */
export { registerHealthRoutes } from './health.routes.js';
