/**
 * 督办事项来源 and item numbering: the module's public surface; other code imports only this file. It imports no
 * other module, so the engine (tasks), warnings, escalations and the ledger may all read the registry.
 */
export { registerSourceRoutes } from './sources.routes.js';
export { listSourcePolicies, listSources, numberFor, sourceByCode, sourceForNewItem, sourceLabels } from './sources.service.js';
