/** 进展反馈 and evidence: the module's public surface; other code imports only this file. */
export { registerReportRoutes } from './reports.routes.js';
export { submitProgressReport } from './reports.service.js';
export { uploadAttachment } from './attachments.service.js';
