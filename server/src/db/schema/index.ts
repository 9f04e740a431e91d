/** Every table, for drizzle's typed queries and for drizzle-kit's migration generator. */
export * from './org.js';
export * from './auth.js';
export * from './audit.js';
export * from './calendar.js';
export * from './tasks.js';
export * from './sources.js';
export * from './extensions.js';
export * from './reports.js';
export * from './notifications.js';
export * from './unit-aliases.js';
export * from './task-reach.js';
export * from './meetings.js';
export * from './experts.js';
