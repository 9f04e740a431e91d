/** 组织机构 (units, people, posts, A角/B角): the module's public surface; other code imports only this file. */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { registerUnitAliasRoutes } from './aliases/unit-aliases.routes.js';
import { registerOrgRoutes as registerOrgCoreRoutes } from './org.routes.js';

/** Units, people, posts, 分管 and unit aliases. */
export function registerOrgRoutes(app: FastifyInstance, deps: Deps): void {
  registerOrgCoreRoutes(app, deps);
  registerUnitAliasRoutes(app, deps);
}
export { PROVINCE_GOVERNMENT_NAME, SUPERVISION_OFFICE_NAME, seedBase } from './seed/seed-base.js';
/** Scoped lookups other modules check a named unit or person against (an account's scope unit, its person). */
export { findPersonInScope, findUnitInScope, listLeadersForMatching } from './org.repository.js';
/** Name matching for imports and pickers: names, short names and aliases; the clerk's picks remembered as aliases. */
export { findUnitsByAnyName, listUnitsForMatching, type UnitForMatching } from './aliases/unit-aliases.repository.js';
export { rememberAliases } from './aliases/unit-aliases.service.js';
export { placeOfAutonomous } from './aliases/unit-aliases.rules.js';
