/** 通知 (the outbox, bells, delivery): the module's public surface; other code imports only this file. */
export { registerNotificationRoutes } from './notifications.routes.js';
export { notify, notifyTaskEvent, recipientsFor } from './notifications.outbox.js';
export { taskLink, type Audience, type TaskFacts } from './notifications.messages.js';
export { scheduleDelivery } from './delivery.worker.js';
export type { EventFacts as TaskEventFacts } from './notifications.event-messages.js';
