/** The single source of API types for server and web. */
export * from './common.js';
export * from './errors.js';
export * from './roles.js';
export * from './auth.js';
export * from './org.js';
export * from './users.js';
export * from './audit.js';
export * from './calendar.js';
export * from './health.js';
export * from './tasks.js';
export * from './reports.js';
export * from './extensions.js';
export * from './cooperation.js';
export * from './instructions.js';
export * from './warnings.js';
export * from './roadmap.js';
export * from './notifications.js';
