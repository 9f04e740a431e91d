/** 审计日志 (reading the audit log): the module's public surface; other code imports only this file. */
export { registerAuditRoutes } from './audit.routes.js';
