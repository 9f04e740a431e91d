/**
 * The 登记 form's values and how they become a `createTaskBody`. Kept apart from the form component so the mapping
 * (which 来源信息 fields belong to which 来源, how the 办结时限 choice is sent) is unit-tested against the contract.
 */
import type { createTaskBody, reportingFrequencySchema, TaskSource, urgencySchema } from '@luoshi/contracts';
import type { Dayjs } from 'dayjs';
import type { BodyOf } from '../../app/api/contract-types';

/** The 来源信息 fields (`sourceRef`). */
export type SourceRefField = 'documentNumber' | 'meeting' | 'leaderName' | 'clause';

/** Which 来源信息 fields fit the sources that have their own (文号, 会议, 批示领导, 原文/条款); see `refFieldsOf`. */
export const sourceRefFields: Readonly<Record<string, readonly SourceRefField[]>> = {
  meeting_decision: ['meeting', 'documentNumber', 'clause'],
  leader_instruction: ['leaderName', 'documentNumber', 'clause'],
  work_report: ['clause'],
  document: ['documentNumber', 'clause'],
  superior_assignment: ['documentNumber', 'clause'],
  npc_suggestion: ['documentNumber', 'clause'],
  cppcc_proposal: ['documentNumber', 'clause'],
  audit_finding: ['documentNumber', 'clause'],
  media_report: ['clause'],
  public_complaint: ['documentNumber', 'clause'],
  inspection_campaign: ['documentNumber', 'clause'],
  first_inquiry: ['clause'],
  coordination_body: ['meeting', 'documentNumber', 'clause'],
};

/** The 来源信息 fields of a source; one the administrator added gets 文号 and 原文/条款. */
export function refFieldsOf(source: TaskSource): readonly SourceRefField[] {
  return sourceRefFields[source] ?? ['documentNumber', 'clause'];
}

/** 办结时限 is either a date or N 工作日 after 交办. */
export type DeadlineMode = 'date' | 'workingDays';

/** The form's values (antd Form). */
export type TaskFormValues = {
  title: string;
  source: TaskSource;
  sourceRef?: Partial<Record<SourceRefField, string>>;
  content: string;
  requirements?: string;
  deadlineMode: DeadlineMode;
  deadline?: Dayjs | null;
  deadlineWorkingDays?: number | null;
  urgency: BodyOf<typeof urgencySchema>;
  reportingFrequency: BodyOf<typeof reportingFrequencySchema>;
  leadUnitId: string;
  cooperatingUnitIds?: string[];
  responsibleLeaderId?: string | null;
};

function trimmed(value: string | undefined | null): string | undefined {
  const result = value?.trim();
  return result ? result : undefined;
}

/**
 * The request body. Only the 来源信息 fields of the chosen 来源 are sent (values typed for another source are
 * dropped), and only one of 指定日期 / 工作日数; leaving the days empty lets the server apply the source's default.
 */
export function toCreateTaskBody(values: TaskFormValues, relatedTaskId: string | null): BodyOf<typeof createTaskBody> {
  const sourceRef: Partial<Record<SourceRefField, string>> = {};
  for (const field of refFieldsOf(values.source)) {
    const value = trimmed(values.sourceRef?.[field]);
    if (value) {
      sourceRef[field] = value;
    }
  }
  const deadline = values.deadlineMode === 'date' && values.deadline ? values.deadline.format('YYYY-MM-DD') : undefined;
  const deadlineWorkingDays =
    values.deadlineMode === 'workingDays' && typeof values.deadlineWorkingDays === 'number' ? values.deadlineWorkingDays : undefined;
  return {
    title: values.title.trim(),
    source: values.source,
    sourceRef: Object.keys(sourceRef).length > 0 ? sourceRef : undefined,
    content: values.content.trim(),
    requirements: trimmed(values.requirements),
    deadline,
    deadlineWorkingDays,
    urgency: values.urgency,
    reportingFrequency: values.reportingFrequency,
    leadUnitId: values.leadUnitId,
    cooperatingUnitIds: values.cooperatingUnitIds ?? [],
    responsibleLeaderId: values.responsibleLeaderId ?? undefined,
    relatedTaskId: relatedTaskId ?? undefined,
  };
}

/** The text the duplicate check looks at: title and content together, within the query's length limit. */
export function similarityText(title: string | undefined, content: string | undefined): string {
  return `${title?.trim() ?? ''} ${content?.trim() ?? ''}`.trim().slice(0, 500);
}
