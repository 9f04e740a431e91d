/**
 * The supervision engine's public surface (督办事项): the one file other modules, the demo and the jobs import.
 * Everything else in this folder is the engine's own.
 */
export { registerTaskRoutes } from './tasks.routes.js';
export { ensureDeadlineDefaults } from './tasks.seed.js';
export { createTask } from './tasks.service.js';
export { transitionTask } from './tasks.transitions.js';
export { breakDownTask } from './tasks.breakdown.js';
