/**
 * The supervision engine's public surface (督办事项): the one file other modules, the demo and the jobs import.
 * Everything else in this folder is the engine's own (ESLint refuses imports of it from outside).
 *
 * - read an item in the actor's scope: `findTaskInScope` (a `TaskInScope`, the only thing steps accept);
 * - register an item from another source: `registerTask` (numbering, deadline, parties, timeline, audit);
 * - act on it through the lifecycle: `actOnTask` (inside a transaction) or `transitionTask` (a request's own);
 * - record any other step on it: `recordTaskStep` (timeline, light, outbox, live announcement, audit — together);
 * - the parties' standing and the lifecycle's vocabulary: `standingOf`, `factsOf`, `canRegisterTasks`, `openStatuses`.
 */
export { registerTaskRoutes } from './tasks.routes.js';
export { createTask } from './tasks.service.js';
export { applyTransition as actOnTask, transitionTask } from './tasks.transitions.js';
export { breakDownTask } from './tasks.breakdown.js';
export { ITEM_AFTER, recordTaskStep, type TaskStep } from './tasks.steps.js';
export {
  findTaskInScope,
  findUnitPathsInScope,
  isPersonInUnitTree,
  moveTaskDeadline,
  noteHandlerAbsence,
  registerTask,
  supervisingGovernmentOf,
  type SourceRecord,
} from './tasks.engine.js';
export type { InScope, TaskInScope } from './tasks.repository.js';
export { isSystemScope, reachUnitOf, taskVisibleIn } from './tasks.visibility.js';
export { canRegisterTasks, factsOf, leadActingOf, standingOf, type LeadActing } from './tasks.policy.js';
export { openStatuses, type ActorStanding } from './tasks.rules.js';
export { allowedActions, inboxStatuses } from './tasks.rules.js';
