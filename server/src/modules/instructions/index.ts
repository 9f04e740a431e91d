/** 领导批示 and 我的批示: the module's public surface; other code imports only this file. */
export { registerInstructionRoutes } from './instructions.routes.js';
