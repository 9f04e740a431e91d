/**
 * The few contracts the frame needs before any page (the session probe and sign-out, the error body, the bell's
 * notification routes), loaded through `contractsModule`. A narrow module rather than the whole `@luoshi/contracts`
 * namespace, so the build can leave every other area's schemas to the pages that use them.
 */
export { authRoutes, errorBody, notificationRoutes } from '@luoshi/contracts';
