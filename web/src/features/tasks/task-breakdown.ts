/**
 * 分解子事项 (一级督一级) without React: who may break an item down, the breakdown form's values and the request
 * body built from them. Empty optional inputs are left out so the server fills them from the parent (title, content,
 * deadline); the server checks everything again (scope, state, deadline within the parent's).
 */
import type { breakdownBody, Task, TaskStatus } from '@luoshi/contracts';
import type { BodyOf } from '../../app/api/contract-types';

/** How a parent's progress rolls up from its sub-items. */
export type RollupMode = Task['rollupMode'];
export const rollupModes: readonly RollupMode[] = ['average', 'weighted', 'status'];

/** Statuses in which an item can still be broken down (as the server's `breakable`). */
export const breakableStatuses: readonly TaskStatus[] = ['draft', 'pending_approval', 'assigned', 'accepted', 'in_progress'];

/** The 分解子事项 button shows for a 督查员 on an item that can still be broken down. */
export function canBreakDown(item: Pick<Task, 'status'>, isSupervisor: boolean): boolean {
  return isSupervisor && breakableStatuses.includes(item.status);
}

/** A date input's value: antd's DatePicker gives a dayjs object, which formats itself. */
type DateValue = { format: (template: string) => string };

/** One row of the form: the lead unit, and optionally its own title, deadline and weight. */
export type BreakdownRowValues = { leadUnitId?: string; title?: string; deadline?: DateValue | null; weight?: number | null };

/** The whole form. */
export type BreakdownFormValues = { items: BreakdownRowValues[]; assignNow: boolean; rollupMode: RollupMode };

/** The form's starting values: two empty rows, 立即交办 on, and the parent's current roll-up mode. */
export function initialBreakdownValues(parent: Pick<Task, 'rollupMode'>): BreakdownFormValues {
  return { items: [{ weight: 1 }, { weight: 1 }], assignNow: true, rollupMode: parent.rollupMode };
}

/** True when a sub-item's deadline would be later than the parent's (the server refuses it with TASK_SUBITEM_DEADLINE). */
export function isAfterParentDeadline(deadline: string | undefined, parentDeadline: string | null): boolean {
  return deadline !== undefined && parentDeadline !== null && deadline > parentDeadline;
}

/**
 * The `POST /api/tasks/:id/subtasks` body. Rows keep their order (the form's field errors come back as
 * `items.<index>.…`); a weight is sent only for the weighted roll-up, where it matters.
 */
export function toBreakdownBody(values: BreakdownFormValues): BodyOf<typeof breakdownBody> {
  return {
    items: values.items.map((row) => {
      const item: BodyOf<typeof breakdownBody>['items'][number] = { leadUnitId: row.leadUnitId ?? '' };
      const title = row.title?.trim();
      if (title) item.title = title;
      if (row.deadline) item.deadline = row.deadline.format('YYYY-MM-DD');
      if (values.rollupMode === 'weighted' && row.weight) item.weight = row.weight;
      return item;
    }),
    assignNow: values.assignNow,
    rollupMode: values.rollupMode,
  };
}
