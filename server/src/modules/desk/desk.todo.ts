/**
 * The 待办/已办 centre (issue 13 item 2): 已办 lists the items the reader took a step on; a batch 签收 or 催办 takes
 * one lifecycle step on many items, each in its own transaction through the engine (`transitionTask`), so an item
 * the rules refuse changes nothing and does not stop the others — the answer names each refusal and its reason.
 */
import { formatErrorMessage, type BatchBody, type BatchResult, type DoneList, type ErrorCode, type TaskStatus } from '@luoshi/contracts';
import { sql } from 'drizzle-orm';
import { requireActor, type Deps, type RequestContext } from '../../platform/context.js';
import { executeRows } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { isSystemScope, reachUnitOf, transitionTask } from '../tasks/index.js';

/** Most items on the 已办 tab. */
const DONE_MAX = 200;

/**
 * `GET /api/desk/done`: the reader's latest step per item, newest first. Read through the reader's rows of
 * `task_reach` and each item's timeline index, so a clerk's 已办 costs their own items, not every step ever taken.
 */
export async function getDone(deps: Deps, ctx: RequestContext): Promise<DoneList> {
  const actor = requireActor(ctx);
  const unit = reachUnitOf(actor.scope);
  if (!unit && !isSystemScope(actor.scope)) return { items: [] };
  const reach = unit ? sql`join task_reach vr on vr.task_id = e.task_id and vr.unit_id = ${unit}::uuid` : sql``;
  const rows = await executeRows<{
    task_id: string;
    serial_number: string;
    title: string;
    lead_unit_name: string;
    status: string;
    warning_level: number;
    type: string;
    at: Date | string;
  }>(
    deps.database.db,
    sql`select * from (
        select distinct on (e.task_id) e.task_id::text as task_id, t.serial_number, t.title, lu.name as lead_unit_name,
          t.status, t.warning_level, e.type, e.at
        from task_events e ${reach}
        join tasks t on t.id = e.task_id
        join units lu on lu.id = t.lead_unit_id
        where e.actor_user_id = ${actor.userId}::uuid and e.type not in ('created', 'updated')
        order by e.task_id, e.id desc
      ) mine order by at desc, task_id limit ${DONE_MAX}`,
  );
  return {
    items: rows.map((r) => ({
      taskId: r.task_id,
      serialNumber: r.serial_number,
      title: r.title,
      leadUnitName: r.lead_unit_name,
      status: r.status as TaskStatus,
      light: Math.min(2, Math.max(0, Number(r.warning_level))),
      step: r.type,
      at: new Date(r.at).toISOString(),
    })),
  };
}

/** `POST /api/desk/batch`: 批量签收 / 批量催办. */
export async function runBatch(deps: Deps, ctx: RequestContext, input: BatchBody): Promise<BatchResult> {
  requireActor(ctx);
  if (input.action === 'urge' && !input.reason) {
    throw new AppError('TASK_REASON_REQUIRED', { action: 'urge' }, [
      { path: 'reason', code: 'required', message: formatErrorMessage('TASK_REASON_REQUIRED', 'zh-CN', { action: 'urge' }) },
    ]);
  }
  const step =
    input.action === 'urge'
      ? { action: 'urge' as const, reason: input.reason, channel: input.channel ?? 'system' }
      : { action: 'accept' as const };
  const result: BatchResult = { succeeded: [], refused: [] };
  for (const taskId of [...new Set(input.taskIds)]) {
    try {
      const after = await transitionTask(deps, ctx, taskId, step);
      result.succeeded.push({ taskId, serialNumber: after.serialNumber });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.refused.push({ taskId, code: error.code, messages: messagesOf(error.code, error.params) });
    }
  }
  return result;
}

function messagesOf(code: ErrorCode, params: Record<string, string | number>): { 'zh-CN': string; en: string } {
  return { 'zh-CN': formatErrorMessage(code, 'zh-CN', params), en: formatErrorMessage(code, 'en', params) };
}
