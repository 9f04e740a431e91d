import { errorVocabularies } from './error-words.js';
import { meetingErrorMessages } from './meetings.errors.js';

/**
 * Stable error codes, each with its HTTP status and its zh-CN and English messages: the status is declared here,
 * once, beside the code, so no throw site chooses one. Codes never change once released: clients and other
 * government systems branch on them. Messages may use `{param}` placeholders filled from the error's params.
 */
export const errorMessages = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '提交的内容不符合要求', en: 'The request is not valid' },
  BODY_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  MALFORMED_JSON: { status: 400, 'zh-CN': '提交的内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  NUL_BYTE: { status: 400, 'zh-CN': '内容中含有不允许的空字符', en: 'The request contains a NUL byte' },
  INVALID_TEXT: {
    status: 400,
    'zh-CN': '内容中含有无效的字符编码（须为有效的 UTF-8 文本）',
    en: 'The request contains text that is not valid Unicode (UTF-8)',
  },
  MALFORMED_REQUEST: { status: 400, 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  HEADERS_TOO_LARGE: { status: 431, 'zh-CN': '请求头过大', en: 'The request headers are too large' },
  REQUEST_TIMEOUT: { status: 408, 'zh-CN': '请求超时，请重试', en: 'The request took too long to arrive; please retry' },
  NOT_ACCEPTABLE: { status: 406, 'zh-CN': '无法以请求的格式答复', en: 'No answer in the requested format is available' },
  NOT_FOUND: { status: 404, 'zh-CN': '记录不存在或无权访问', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', en: 'No such API route' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, 'zh-CN': '登录已超时，请重新登录', en: 'Your session has expired; please sign in again' },
  FORBIDDEN: { status: 403, 'zh-CN': '没有执行此操作的权限', en: 'You are not allowed to do this' },
  CSRF_FAILED: { status: 403, 'zh-CN': '请求校验失败，请刷新页面后重试', en: 'Request verification failed; reload the page and retry' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  VERSION_CONFLICT: {
    status: 412,
    'zh-CN': '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and retry',
  },
  PRECONDITION_REQUIRED: { status: 428, 'zh-CN': '缺少版本号（If-Match）', en: 'If-Match version header is required' },
  DUPLICATE: { status: 409, 'zh-CN': '已存在同名记录：{name}', en: 'A record with this name already exists: {name}' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误，请联系管理员（请求编号 {requestId}）', en: 'Internal error (request {requestId})' },
  UNAVAILABLE: { status: 503, 'zh-CN': '服务暂不可用', en: 'Service unavailable' },
  OVERLOADED: { status: 503, 'zh-CN': '系统繁忙，请 {retryAfter} 秒后重试', en: 'The system is busy; please retry in {retryAfter} s' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '数据库暂时无法连接，请稍后重试（已提交的内容不会丢失）',
    en: 'The database cannot be reached just now; please retry shortly (nothing already saved is lost)',
  },
  STORAGE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '服务器存储空间不足或不可写，文件未保存，请稍后重试并告知系统管理员',
    en: 'The server cannot store files just now (disk full or read-only); nothing was saved — retry later and tell the administrator',
  },
  QUERY_TIMEOUT: {
    status: 503,
    'zh-CN': '查询用时过长已中止，请缩小筛选范围后重试',
    en: 'The query took too long and was stopped; narrow the filter and retry',
  },

  AUTH_INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: {
    status: 423,
    'zh-CN': '连续登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minutes',
  },
  AUTH_TOTP_INVALID: { status: 400, 'zh-CN': '动态验证码错误', en: 'Wrong one-time code' },
  AUTH_TOTP_REQUIRED: { status: 403, 'zh-CN': '请输入动态验证码', en: 'Enter your one-time code' },
  AUTH_TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    'zh-CN': '管理员必须先绑定双因素认证',
    en: 'Administrators must set up two-factor authentication first',
  },
  AUTH_TOTP_ALREADY_ENABLED: { status: 409, 'zh-CN': '已绑定双因素认证', en: 'Two-factor authentication is already set up' },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '密码已过期或为初始密码，请先修改密码',
    en: 'Your password must be changed first',
  },
  AUTH_WRONG_CURRENT_PASSWORD: { status: 400, 'zh-CN': '原密码不正确', en: 'The current password is wrong' },
  PASSWORD_TOO_SHORT: { status: 400, 'zh-CN': '密码至少需要 {min} 个字符', en: 'The password needs at least {min} characters' },
  PASSWORD_TOO_LONG: { status: 400, 'zh-CN': '密码不能超过 {max} 个字符', en: 'The password may have at most {max} characters' },
  PASSWORD_CLASSES: {
    status: 400,
    'zh-CN': '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'The password must mix at least three of: upper case, lower case, digits, symbols',
  },
  PASSWORD_COMMON: { status: 400, 'zh-CN': '密码过于常见，容易被猜中', en: 'This password is too common' },
  PASSWORD_CONTAINS_USERNAME: { status: 400, 'zh-CN': '密码不能包含用户名', en: 'The password must not contain the username' },
  PASSWORD_REUSED: { status: 400, 'zh-CN': '新密码不能与原密码相同', en: 'The new password must differ from the current one' },

  ROLE_SEPARATION: {
    status: 400,
    'zh-CN': '系统管理员、安全管理员、审计管理员须由不同账户担任（三员分立）',
    en: 'System, security and audit administrator roles must be held by different accounts',
  },
  USER_CANNOT_DISABLE_SELF: { status: 409, 'zh-CN': '不能停用自己的账户', en: 'You cannot disable your own account' },
  UNIT_HAS_CHILDREN: { status: 409, 'zh-CN': '该单位下还有下级单位或人员，不能停用', en: 'The unit still has sub-units or people' },
  PERSON_NOT_LEADER: { status: 409, 'zh-CN': '只能为领导设置分管单位', en: 'Only leaders can oversee units' },
  AUDIT_RETENTION_TOO_SHORT: {
    status: 400,
    'zh-CN': '审计日志保存期限不得少于 {min} 天',
    en: 'Audit retention must be at least {min} days',
  },
  CALENDAR_DAY_INVALID: {
    status: 400,
    'zh-CN': '{day} 不是周末，不能设为调休上班日',
    en: '{day} is not a weekend day, so it cannot be a make-up workday',
  },

  TASK_ACTION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '督办事项当前为「{status|taskStatus}」，不能{action|action}：{why|refusal}',
    en: 'The item is {status|taskStatus}; you cannot {action|action}: {why|refusal}',
  },
  TASK_REASON_REQUIRED: { status: 400, 'zh-CN': '{action|action}须填写理由', en: 'A reason is required to {action|action}' },
  TASK_FIELD_REQUIRED: { status: 400, 'zh-CN': '{action|action}须填写{field}', en: '{field} is required to {action|action}' },
  TASK_EVIDENCE_REQUIRED: {
    status: 400,
    'zh-CN': '申请办结须附佐证材料（本事项已上传的附件，或先上传）',
    en: "A completion request needs evidence (the item's attachments; upload one first)",
  },
  TASK_CHECKLIST_INCOMPLETE: {
    status: 400,
    'zh-CN': '申请办结须逐项确认：{missing|completionCheck}',
    en: 'Confirm each point to ask for completion: {missing|completionCheck}',
  },
  TASK_HANDLER_NOT_IN_UNIT: { status: 400, 'zh-CN': '承办人须为牵头单位的人员', en: 'The handler must belong to the lead unit' },
  TASK_CHILDREN_OPEN: {
    status: 409,
    'zh-CN': '尚有 {count} 个子事项未办结，不能申请办结；如确需办结，请说明理由并确认豁免',
    en: '{count} sub-items are still open; to close anyway, give a reason and waive them',
  },
  TASK_NOT_BREAKABLE: { status: 409, 'zh-CN': '该事项当前状态不能分解子事项', en: 'This item cannot be broken down in its current state' },
  TASK_SUBITEM_DEADLINE: {
    status: 400,
    'zh-CN': '子事项办结时限不能晚于上级事项的办结时限（{deadline}）',
    en: "A sub-item's deadline cannot be later than its parent's ({deadline})",
  },
  MILESTONE_AFTER_DEADLINE: {
    status: 400,
    'zh-CN': '时间节点不能晚于办结时限（{deadline}）',
    en: 'A milestone cannot be later than the deadline ({deadline})',
  },
  MILESTONE_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '只有督查室或牵头单位可以在事项办结前调整时间节点',
    en: 'Only the supervising office or the lead unit may change milestones, and only before completion',
  },
  MILESTONE_REACHED: { status: 409, 'zh-CN': '已完成的时间节点不能删除', en: 'A milestone already reached cannot be removed' },
  TASK_DEADLINE_IN_PAST: { status: 400, 'zh-CN': '办结时限不能早于今天', en: 'The deadline cannot be in the past' },
  TASK_LEAD_UNIT_COOPERATING: { status: 400, 'zh-CN': '牵头单位不能同时是配合单位', en: 'The lead unit cannot also be a cooperating unit' },
  EXTENSION_AFTER_DEADLINE: {
    status: 409,
    'zh-CN': '延期申请须在办结时限（{deadline}）前提出，现已逾期',
    en: 'An extension must be asked before the deadline ({deadline}); it has passed',
  },
  EXTENSION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '督办事项当前为「{status|taskStatus}」，不能申请延期',
    en: 'No extension can be asked while the item is {status|taskStatus}',
  },
  EXTENSION_PENDING: { status: 409, 'zh-CN': '已有一份延期申请正在审批', en: 'An extension request is already awaiting approval' },
  EXTENSION_NOT_LATER: {
    status: 400,
    'zh-CN': '新的办结时限须晚于现时限（{deadline}）',
    en: 'The new deadline must be after the current one ({deadline})',
  },
  EXTENSION_NOT_YOUR_STEP: {
    status: 409,
    'zh-CN': '该延期申请当前应由{step|extensionStep}审批',
    en: 'This extension request awaits the {step|extensionStep}',
  },
  EXTENSION_DECIDED: { status: 409, 'zh-CN': '该延期申请已审批完毕', en: 'This extension request has already been decided' },
  REPORT_NOT_ALLOWED: { status: 409, 'zh-CN': '不能{action|action}：{why|refusal}', en: 'You cannot {action|action}: {why|refusal}' },
  REPORT_ALREADY_REVIEWED: {
    status: 409,
    'zh-CN': '该进展反馈已审核（{status|reportStatus}），不能再审核或修改',
    en: 'This progress report has already been reviewed ({status|reportStatus}); it can no longer change',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, 'zh-CN': '附件不能超过 {maxMiB} MB', en: 'An attachment may be at most {maxMiB} MiB' },
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    'zh-CN': '附件「{fileName}」类型不被接受（{why|refusal}），仅接受 PDF、Word、Excel、JPG、PNG、OFD、ZIP 文件',
    en: 'The attachment "{fileName}" is refused ({why|refusal}); only PDF, Word, Excel, JPG, PNG, OFD and ZIP files are accepted',
  },
  COORDINATION_NOT_TRIED: {
    status: 409,
    'zh-CN': '请先记录已开展的协调（协调会、电话沟通或函商），再报分管领导协调',
    en: 'Record the coordination already tried (meeting, call or letter) before escalating to the leader',
  },
  COORDINATION_NO_LEADER: {
    status: 409,
    'zh-CN': '该督办事项未确定分管领导，请先由督查室补充',
    en: 'The item has no responsible leader yet',
  },
  COORDINATION_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '当前为「{status|coordinationStatus}」，不能{action|action}',
    en: 'It is {status|coordinationStatus} now; you cannot {action|action}',
  },
  LEDGER_IMPORT_UNREADABLE: {
    status: 400,
    'zh-CN': '无法读取该文件，请上传 Excel 工作簿（.xlsx）',
    en: 'The file cannot be read; upload an Excel workbook (.xlsx)',
  },
  UPLOAD_INFLATES_TOO_LARGE: {
    status: 413,
    'zh-CN': '该文件解压后超过 {maxMiB} MB，不像正常的 Excel 工作簿，已拒收',
    en: 'This file expands to more than {maxMiB} MB when unpacked, which no ordinary Excel workbook does; it was refused',
  },
  LEDGER_IMPORT_TOO_LARGE: { status: 413, 'zh-CN': '导入文件不能超过 {maxMiB} MB', en: 'The workbook may be at most {maxMiB} MiB' },
  LEDGER_IMPORT_TOO_MANY_ROWS: {
    status: 400,
    'zh-CN': '共 {count} 行，一次最多导入 {max} 行，请分批导入',
    en: '{count} rows; at most {max} rows can be imported at once',
  },
  UNIT_ALIAS_TAKEN: {
    status: 409,
    'zh-CN': '简称「{alias}」已用于其他单位或与单位全称重复',
    en: 'The alias “{alias}” already names another unit',
  },
  LEDGER_IMPORT_MAPPING_INVALID: {
    status: 400,
    'zh-CN': '「{name}」选择的单位不存在或不在您的管辖范围内',
    en: 'The unit chosen for “{name}” does not exist or is outside your scope',
  },
  LEDGER_IMPORT_HAS_PROBLEMS: {
    status: 422,
    'zh-CN': '导入文件有 {count} 处问题，未导入任何事项，请先预检并修改',
    en: 'The workbook has {count} problems; nothing was imported — run the check and fix them first',
  },
  NOTIFY_TARGET_MISSING: {
    status: 400,
    'zh-CN': '已选择{channel|notifyChannel}通知，请填写{channel|notifyTarget}',
    en: 'You chose {channel|notifyChannel} notifications; please give your {channel|notifyTarget}',
  },
  WEBHOOK_HOST_NOT_ALLOWED: {
    status: 400,
    'zh-CN': '群机器人地址的主机「{host}」不在允许范围内（{allowed}），请联系系统管理员',
    en: 'The bot URL host "{host}" is not allowed ({allowed}); ask the system administrator',
  },
  NOTIFY_DELIVERY_NOT_DEAD: {
    status: 409,
    'zh-CN': '只有已放弃的投递（当前为「{status}」）可以手动重试',
    en: 'Only a delivery that was given up on can be retried (it is {status})',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '同一个幂等键（Idempotency-Key）已用于不同的请求内容',
    en: 'This Idempotency-Key was already used with a different request body',
  },
  SOURCE_UNKNOWN: {
    status: 400,
    'zh-CN': '来源「{source}」不存在或已停用',
    en: 'The source "{source}" does not exist or is no longer in use',
  },
  SOURCE_CODE_TAKEN: { status: 409, 'zh-CN': '来源代码「{source}」已被使用', en: 'The source code "{source}" is already taken' },
  ...meetingErrorMessages,
} as const satisfies Record<string, { status: number; 'zh-CN': string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
export type Locale = 'zh-CN' | 'en';

/** The HTTP status every response carrying this code has. */
export function errorStatusOf(code: ErrorCode): number {
  return errorMessages[code].status;
}

/**
 * Fills `{param}` placeholders with the param's value and `{param|vocabulary}` ones with the words for the param's
 * key (error-words.ts); unknown params stay visible rather than vanishing.
 */
export function formatErrorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return fill(errorMessages[code][locale], locale, params, 0);
}

const listSeparator: Record<Locale, string> = { 'zh-CN': '、', en: ' or ' };

function fill(template: string, locale: Locale, params: Record<string, string | number>, depth: number): string {
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, key: string, vocabulary?: string) => {
    if (!(key in params)) return whole;
    const value = String(params[key]);
    if (!vocabulary) return value;
    const words: Record<string, Record<Locale, string>> | undefined = (
      errorVocabularies as Record<string, Record<string, Record<Locale, string>>>
    )[vocabulary];
    if (!words) return value;
    const rendered = value
      .split(',')
      .map((k) => words[k]?.[locale] ?? k)
      .join(listSeparator[locale]);
    // An entry may quote other params (a refusal naming the statuses an action applies to): fill it once more.
    return depth < 1 ? fill(rendered, locale, params, depth + 1) : rendered;
  });
}
