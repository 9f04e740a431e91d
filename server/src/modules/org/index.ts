/** 组织机构 (units, people, posts, A角/B角): the module's public surface; other code imports only this file. */
export { registerOrgRoutes } from './org.routes.js';
export { PROVINCE_GOVERNMENT_NAME, SUPERVISION_OFFICE_NAME, seedBase } from './seed/seed-base.js';
/** Scoped lookups other modules check a named unit or person against (an account's scope unit, its person). */
export { findPersonInScope, findUnitInScope } from './org.repository.js';
