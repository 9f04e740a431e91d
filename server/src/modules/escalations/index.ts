/** 提醒与督办升级 (the daily sweep): the module's public surface; other code imports only this file. */
export { registerEscalationRoutes } from './escalations.routes.js';
export { runEscalationSweep } from './escalations.service.js';
/** The sweep's pure rules: what a running item is owed on a day (the demo replays past days with them). */
export { stepsDue } from './escalations.rules.js';
