/** 督查工作台账 (ledger, export, 分工方案 import): the module's public surface; other code imports only this file. */
export { registerLedgerRoutes } from './ledger.routes.js';
