/** 领导批示 and 我的批示: the module's public surface; other code imports only this file. */
export { registerInstructionRoutes } from './instructions.routes.js';
/** A leader's 批示 on an item, as a use case (the demo gives the demo leader's through it). */
export { giveInstruction } from './instructions.service.js';
