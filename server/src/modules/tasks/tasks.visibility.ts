/**
 * Scope for records that hang off an item (进展反馈, 附件, 延期申请, 协调请求, 时间节点). A request names such a record by
 * its own id; its repository adds `taskVisibleIn(scope, <its task_id column>)` to the lookup, so a record of an item
 * outside the caller's scope is not found at all — the same rule as the item's (supervising government, lead unit or
 * a cooperating unit in scope), written once here.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Scope } from '../../platform/scope.js';

export function taskVisibleIn(scope: Scope, taskId: SQLWrapper): SQL {
  const pattern = `${scope.path}%`;
  return sql`exists (select 1 from tasks vt
    join units vsu on vsu.id = vt.supervising_unit_id
    join units vlu on vlu.id = vt.lead_unit_id
    where vt.id = ${taskId} and (vsu.path like ${pattern} or vlu.path like ${pattern} or exists (
      select 1 from task_cooperations vc join units vcu on vcu.id = vc.unit_id where vc.task_id = vt.id and vcu.path like ${pattern})))`;
}
