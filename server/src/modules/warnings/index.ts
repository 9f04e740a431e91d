/** 预警 lights and 序时进度: the module's public surface; other code imports only this file. */
export { refreshStaleWarnings } from './warnings.daily.js';
export { announceTaskChange, noteReport, refreshDerived } from './warnings.service.js';
export { plannedPercentOn } from './warnings.rules.js';
export { allThresholds, milestoneFactsOf } from './warnings.repository.js';
export { defaultThresholds, nextReportDue, signForDueOf, type WarningThresholds } from './warnings.rules.js';
