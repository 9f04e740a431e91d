/**
 * The words error messages quote, by vocabulary. An error's params carry stable keys (`status: 'assigned'`,
 * `action: 'sign'`, `why: 'party_lead_unit'`), never translated words; a message placeholder names the vocabulary
 * that renders the key: `{status|taskStatus}` → 已交办 / Assigned. So the server, the web and the DOCX say the same
 * thing in both languages from one table, and a client branching on params sees codes, not prose.
 *
 * An entry may itself hold placeholders filled from the same params (a refusal that names the statuses an action
 * applies to). A value listing several keys (`'draft,assigned'`) renders each and joins them (、 / or).
 */
import { coordinationStatusLabels } from './cooperation.js';
import { progressReportStatusLabels } from './reports.js';
import { completionCheckLabels, taskActionLabels, taskStatusLabels } from './tasks.js';

type Words = { 'zh-CN': string; en: string };

/** Actions refused by errors other than the lifecycle's own (which are `taskActionLabels`). */
const otherActions = {
  update: { 'zh-CN': '修改', en: 'edit' },
  refuse_extension: { 'zh-CN': '不批准延期', en: 'refuse an extension' },
  set_duty: { 'zh-CN': '明确配合任务', en: 'set a duty' },
  contribute: { 'zh-CN': '报送配合情况', en: 'send a contribution' },
  raise_coordination: { 'zh-CN': '提出协调请求', en: 'raise a coordination request' },
  escalate_coordination: { 'zh-CN': '报分管领导', en: 'escalate' },
  decide_coordination_again: { 'zh-CN': '再次作出决定', en: 'decide again' },
  submit_report: { 'zh-CN': '报送进展反馈', en: 'submit a progress report' },
  correct_report: { 'zh-CN': '更正该进展反馈', en: 'correct this progress report' },
  review_report: { 'zh-CN': '审核该进展反馈', en: 'review this progress report' },
  upload_evidence: { 'zh-CN': '上传附件', en: 'upload evidence' },
} as const satisfies Record<string, Words>;

/** Why something is refused. */
const refusals = {
  not_in_this_state: { 'zh-CN': '该状态下不可修改', en: 'it cannot be changed in this state' },
  status_only: { 'zh-CN': '该操作只适用于{allowed|taskStatus}的事项', en: 'it applies only to items that are {allowed|taskStatus}' },
  party_supervisor: { 'zh-CN': '只有负责督办的督查室可以执行', en: 'only the supervising office may do this' },
  party_lead_unit: {
    'zh-CN': '只有牵头单位的经办人员、事项的承办人或牵头政府的督查员可以执行；如需由您办理，请牵头单位负责人或督查室把您指定为承办人',
    en: "only the lead unit's staff, the item's named handler or the lead government's supervision office may do this; to act on it, ask the lead unit's leader or supervision office to name you as handler",
  },
  party_leader: { 'zh-CN': '只有该事项的分管领导可以审批', en: "only the item's responsible leader may decide this" },
  leader_named: { 'zh-CN': '事项尚未确定分管领导，无人审批', en: 'the item has no responsible leader to approve it' },
  no_pending_change: {
    'zh-CN': '已有一项暂停/中止/撤销申请待领导审批',
    en: 'a suspension/termination/withdrawal already awaits the leader',
  },
  pending_change: { 'zh-CN': '没有待审批的申请', en: 'there is no request awaiting approval' },
  report_status: { 'zh-CN': '只有已签收或办理中的事项可以报送', en: 'progress is reported only on accepted or in-progress items' },
  report_lead_unit: {
    'zh-CN': '只有牵头单位的经办人员、事项的承办人或牵头政府的督查员可以报送；如需由您报送，请牵头单位负责人或督查室把您指定为承办人',
    en: "progress is reported by the lead unit's staff, the item's named handler or the lead government's supervision office; to report, ask the lead unit's leader or supervision office to name you as handler",
  },
  report_reviewer: { 'zh-CN': '只有负责督办的督查室可以审核', en: 'only the supervising office reviews reports' },
  correct_returned_only: { 'zh-CN': '只能更正已退回的进展反馈', en: 'only a returned report can be corrected' },
  already_corrected: { 'zh-CN': '该进展反馈已更正过', en: 'this report has already been corrected' },
  file_extension: { 'zh-CN': '不接受 .{ext} 文件', en: '.{ext} files are not accepted' },
  no_file_extension: { 'zh-CN': '文件名没有扩展名', en: 'no file extension' },
  content_mismatch: { 'zh-CN': '文件内容与扩展名不符', en: 'the content does not match the file extension' },
} as const satisfies Record<string, Words>;

/** Who takes a step of a 延期申请. */
const extensionSteps = {
  pending_unit_leader: { 'zh-CN': '牵头单位负责人', en: 'lead unit’s leader' },
  pending_supervisor: { 'zh-CN': '督查员', en: 'supervisor' },
  pending_leader: { 'zh-CN': '分管领导', en: 'responsible leader' },
} as const satisfies Record<string, Words>;

export const errorVocabularies = {
  taskStatus: taskStatusLabels,
  action: { ...taskActionLabels, ...otherActions },
  refusal: refusals,
  extensionStep: extensionSteps,
  reportStatus: progressReportStatusLabels,
  /** A 协调请求's status, or its item's when the item is closed (the keys do not overlap). */
  coordinationStatus: { ...taskStatusLabels, ...coordinationStatusLabels },
  completionCheck: completionCheckLabels,
  notifyChannel: { email: { 'zh-CN': '邮件', en: 'e-mail' }, sms: { 'zh-CN': '短信', en: 'SMS' } },
  notifyTarget: { email: { 'zh-CN': '邮箱地址', en: 'e-mail address' }, sms: { 'zh-CN': '手机号码', en: 'mobile number' } },
} as const satisfies Record<string, Record<string, Words>>;

export type ErrorVocabulary = keyof typeof errorVocabularies;
export type RefusalCode = keyof typeof refusals;
export type ErrorActionCode = keyof (typeof errorVocabularies)['action'];
