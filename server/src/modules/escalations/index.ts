/** 提醒与督办升级 (the daily sweep): the module's public surface; other code imports only this file. */
export { registerEscalationRoutes } from './escalations.routes.js';
export { runEscalationSweep } from './escalations.service.js';
