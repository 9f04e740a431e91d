/**
 * Who may do what with progress reports and evidence files. The parties are those of the item (`standingOf` in
 * tasks.policy.ts): the lead unit files reports and uploads their evidence; the supervising 督查室 reviews them.
 * Everyone who can see the item (cooperating units too) reads its reports — one report serves every view.
 */
import type { ActorStanding } from '../tasks/index.js';

export { standingOf } from '../tasks/index.js';

import type { RefusalCode } from '@luoshi/contracts';

/** Why the actor may not file reports (or upload evidence) on the item; null when they may. */
export function reporterRefusal(standing: ActorStanding): RefusalCode | null {
  return standing.isLeadUnit ? null : 'report_lead_unit';
}

/** Why the actor may not review the item's reports; null when they may. */
export function reviewerRefusal(standing: ActorStanding): RefusalCode | null {
  return standing.isSupervisor ? null : 'report_reviewer';
}
