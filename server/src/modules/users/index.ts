/** Accounts administration: the module's public surface; other code imports only this file. */
export { registerUserRoutes } from './users.routes.js';
export { createAccount } from './users.service.js';
export { disableInactiveAccounts } from './users.inactive.js';
