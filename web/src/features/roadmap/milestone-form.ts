/**
 * The 时间节点 form without React: its values from a saved milestone, the request body from its values, and the state
 * a milestone is shown in (已完成 / 已逾期 / 未到期). Empty optional inputs are left out; the server checks the planned
 * date against the 办结时限 and the responsible person against the unit again.
 */
import type { MilestoneBody, Milestone } from './roadmap.api';

/** A date input's value: antd's DatePicker gives a dayjs object, which formats itself. */
type DateValue = { format: (template: string) => string };

/** The form's values. */
export type MilestoneFormValues = {
  title: string;
  goal?: string;
  plannedDate?: DateValue | null;
  plannedPercent?: number | null;
  responsibleUnitId?: string;
  responsiblePersonId?: string;
};

/** The `POST /api/tasks/:id/milestones` and `PUT /api/milestones/:id` body. */
export function toMilestoneBody(values: MilestoneFormValues): MilestoneBody {
  const body: MilestoneBody = {
    title: values.title.trim(),
    plannedDate: values.plannedDate ? values.plannedDate.format('YYYY-MM-DD') : '',
    plannedPercent: values.plannedPercent ?? 0,
  };
  const goal = values.goal?.trim();
  if (goal) body.goal = goal;
  if (values.responsibleUnitId) body.responsibleUnitId = values.responsibleUnitId;
  if (values.responsiblePersonId) body.responsiblePersonId = values.responsiblePersonId;
  return body;
}

/** 已完成 (a report named it), 已逾期 (its date passed unreached) or 未到期. */
export type MilestoneState = 'reached' | 'overdue' | 'upcoming';

export function milestoneState(milestone: Pick<Milestone, 'reachedAt' | 'overdue'>): MilestoneState {
  if (milestone.reachedAt) return 'reached';
  return milestone.overdue ? 'overdue' : 'upcoming';
}
