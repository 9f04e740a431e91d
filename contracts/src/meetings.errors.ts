/**
 * Error codes of 会议 (REQUIREMENTS D1): each with its HTTP status and both languages, spread into `errorMessages`
 * (errors.ts). The attendance refusals quote the rule the 2015 opinion sets: "不能代表本地本部门（单位）和不熟悉情况的
 * 人员不得参会".
 */
export const meetingErrorMessages = {
  MEETING_TYPE_UNKNOWN: {
    status: 422,
    'zh-CN': '会议类型「{type}」不存在或已停用',
    en: 'The meeting type "{type}" does not exist or is no longer in use',
  },
  MEETING_TYPE_TAKEN: { status: 409, 'zh-CN': '会议类型代码「{type}」已被使用', en: 'The meeting type code "{type}" is already taken' },
  MEETING_NOT_A_GOVERNMENT: {
    status: 422,
    'zh-CN': '会议须由人民政府召开，所选单位不是政府',
    en: 'A meeting is convened by a government; the unit chosen is not one',
  },
  MEETING_LEADER_NOT_OF_GOVERNMENT: {
    status: 422,
    'zh-CN': '{name}不是本级政府领导班子成员，不能列为会议出席领导',
    en: '{name} is not a member of this government’s leadership and cannot be listed as attending the meeting',
  },
  MEETING_AGENDA_LEADER_INVALID: {
    status: 422,
    'zh-CN': '议题的分管领导须为本级政府领导班子成员',
    en: 'The responsible leader of an agenda item must be a member of this government’s leadership',
  },
  MEETING_AGENDA_UNIT_OUTSIDE: {
    status: 422,
    'zh-CN': '议题的汇报单位和相关单位须在召开会议的政府管辖范围内',
    en: 'The submitting and concerned units of an agenda item must lie under the convening government',
  },
  MEETING_AGENDA_NOT_SIGNED_OFF: {
    status: 409,
    'zh-CN': '议题「{title}」尚未经分管领导审签，不能记录会议决定事项',
    en: 'The agenda item "{title}" has not been signed off by its responsible leader; no decision can be recorded yet',
  },
  MEETING_AGENDA_ALREADY_SIGNED_OFF: {
    status: 409,
    'zh-CN': '议题「{title}」已审签',
    en: 'The agenda item "{title}" is already signed off',
  },
  MEETING_AGENDA_NOT_YOUR_SIGN_OFF: {
    status: 403,
    'zh-CN': '只有议题的分管领导本人可以审签',
    en: 'Only the agenda item’s responsible leader may sign it off',
  },
  MEETING_MATERIALS_LATE: {
    status: 422,
    'zh-CN': '会议材料应于{dueOn}前上传，已过截止时间；确需补交的，请说明迟交原因，由会务人员决定是否采用',
    en: 'Materials were due by {dueOn}; to hand them in late, give the reason — the meeting organisers decide whether to use them',
  },
  MEETING_MATERIAL_NOT_LATE: {
    status: 409,
    'zh-CN': '该材料按时提交，无需决定是否采用',
    en: 'These materials came on time; there is nothing to decide',
  },
  MEETING_MATERIAL_DECIDED: {
    status: 409,
    'zh-CN': '已决定是否采用该迟交材料',
    en: 'It has already been decided whether to use these late materials',
  },
  MEETING_MATERIAL_TYPE_REFUSED: {
    status: 422,
    'zh-CN': '会议材料须为 PDF、OFD、Word、Excel 或 WPS 文件',
    en: 'Meeting materials must be PDF, OFD, Word, Excel or WPS files',
  },
  MEETING_MATERIAL_TOO_LARGE: { status: 413, 'zh-CN': '会议材料不能超过 {maxMiB} MB', en: 'Meeting materials may be at most {maxMiB} MiB' },
  MEETING_ATTENDEE_UNIT_NOT_CONCERNED: {
    status: 422,
    'zh-CN': '{unit}不是该议题的汇报单位或相关单位，不能为该议题登记参会人员',
    en: '{unit} is neither the submitting nor a concerned unit of this agenda item; it cannot register attendees for it',
  },
  MEETING_ATTENDEE_NOT_OF_UNIT: {
    status: 422,
    'zh-CN': '{name}不是{unit}的人员，不能代表该单位参会（不能代表本地本部门（单位）的人员不得参会）',
    en: '{name} does not belong to {unit} and cannot represent it (nobody may attend who cannot represent their unit)',
  },
  MEETING_ATTENDEE_NOT_REPRESENTATIVE: {
    status: 422,
    'zh-CN': '{name}不是{unit}领导班子成员，也未经本单位负责人登记为代表，不能参会（不能代表本地本部门（单位）和不熟悉情况的人员不得参会）',
    en: '{name} is not in the leadership of {unit} and was not registered as its representative by the unit’s leader, so may not attend (people who cannot represent their unit or do not know the matter may not attend)',
  },
  MEETING_ATTENDEE_TAKEN: {
    status: 409,
    'zh-CN': '{name}已登记参加该议题',
    en: '{name} is already registered for this agenda item',
  },
  MEETING_MINUTES_ISSUED: {
    status: 409,
    'zh-CN': '会议纪要已于{issuedAt}印发，会议记录和决定事项不能再修改',
    en: 'The minutes were issued on {issuedAt}; the record and its decisions can no longer be changed',
  },
  MEETING_MINUTES_NOT_READY: {
    status: 409,
    'zh-CN': '会议还没有记录任何决定事项，不能印发纪要',
    en: 'The meeting has no recorded decision yet; the minutes cannot be issued',
  },
  MEETING_DECISION_ALREADY_SUPERVISED: {
    status: 409,
    'zh-CN': '该决定事项已列为督办事项（{serialNumber}）',
    en: 'This decision is already a supervised item ({serialNumber})',
  },
  MEETING_DECISION_NOTHING_TO_SUPERVISE: {
    status: 409,
    'zh-CN': '该决定事项无需办理，也没有文件制发时限，无需督办',
    en: 'This decision needs no action and has no deadline for a follow-up document; there is nothing to supervise',
  },
  EXPERT_POOL_TOO_SMALL: {
    status: 422,
    'zh-CN': '「{field}」领域回避后可抽取的专家只有 {available} 名，少于需要的 {requested} 名',
    en: 'After recusal only {available} experts in "{field}" can be drawn, fewer than the {requested} requested',
  },
  EXPERT_NOT_DRAWN: {
    status: 422,
    'zh-CN': '该专家不在本次抽取结果中，不能录入其论证意见',
    en: 'This expert was not drawn for this review; their opinion cannot be recorded',
  },
  MEETING_DECISION_NEEDS_LEAD_UNIT: {
    status: 422,
    'zh-CN': '需要办理的决定事项须明确牵头单位',
    en: 'A decision that needs action must name its lead unit',
  },
} as const;
