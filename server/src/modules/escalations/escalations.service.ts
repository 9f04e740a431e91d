/**
 * The daily sweep (a pg-boss job, see jobs/jobs.ts): walks every running item, asks the pure rules
 * (escalations.rules.ts) what is owed today, and takes each step in its own small transaction — record the step
 * (the unique key makes a re-run or a second worker add nothing), write the 时间线 event and the audit event, tell
 * the people concerned through the notification outbox, and let open pages refresh. The clock comes from `deps`,
 * so tests run the sweep at any instant.
 */
import type { EscalationCandidatePage, EscalationListQuery, TaskStatus, EscalationRung } from '@luoshi/contracts';
import { escalationRungValues } from '@luoshi/contracts';
import { loadCalendar } from '../../platform/calendar/calendar.service.js';
import { shanghaiDateOf, todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, systemContext, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { Scope } from '../../platform/scope.js';
import { findTaskInScope, recordTaskStep } from '../tasks/index.js';
import { notify, recipientsFor, taskLink } from '../notifications/index.js';
import { listSourcePolicies } from '../sources/index.js';
import { signForDueOf } from '../warnings/index.js';
import * as repo from './escalations.repository.js';
import { stepMessage } from './escalations.messages.js';
import { stepsDue, type SweepPolicy, type SweepStep } from './escalations.rules.js';

export interface SweepReport {
  /** The Shanghai date swept. */
  day: string;
  itemsChecked: number;
  stepsRecorded: number;
  /** Steps that went on a timeline or to someone's bell. */
  announced: number;
}

/** Runs the sweep for today (Shanghai); on a non-working day it does nothing. Safe to run any number of times. */
export async function runEscalationSweep(deps: Deps, scope: Scope, batch = 500): Promise<SweepReport> {
  const { db } = deps.database;
  const day = todayInShanghai(deps.clock);
  const report: SweepReport = { day, itemsChecked: 0, stepsRecorded: 0, announced: 0 };
  const calendar = await loadCalendar(db);
  if (!calendar.isWorkingDay(day)) return report;
  const policies = new Map((await listSourcePolicies(deps)).map((p) => [p.source, p]));
  let afterId: string | null = null;
  for (;;) {
    const rows = await repo.listRunning(db, afterId, batch);
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.id;
    report.itemsChecked += rows.length;
    const done = await repo.recordedSteps(
      db,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      const policy = policies.get(row.source);
      if (!policy) continue;
      const assignedOn = shanghaiDateOf(row.assigned_at);
      const steps = stepsDue(
        {
          status: row.status,
          deadline: row.deadline,
          assignedOn,
          signForDue: assignedOn ? signForDueOf(assignedOn, calendar, policy) : null,
          reportingFrequency: row.reporting_frequency,
          lastReportOn: shanghaiDateOf(row.last_report_at),
        },
        day,
        calendar,
        policy satisfies SweepPolicy,
        done.get(row.id) ?? new Set(),
      );
      if (steps.length === 0) continue;
      const taken = await db.transaction((tx) => takeSteps(deps, tx, scope, row.id, row.handler_id !== null, steps, day));
      report.stepsRecorded += taken.recorded;
      report.announced += taken.announced;
    }
    if (rows.length < batch) break;
  }
  return report;
}

async function takeSteps(
  deps: Deps,
  tx: Db,
  scope: Scope,
  taskId: string,
  hasHandler: boolean,
  steps: readonly SweepStep[],
  day: string,
): Promise<{ recorded: number; announced: number }> {
  const now = deps.clock.now();
  let recorded = 0;
  let announced = 0;
  for (const step of steps) {
    const isNew = await repo.recordStep(tx, { taskId, rung: step.rung, keyDate: step.keyDate, workingDays: step.workingDays, at: now });
    if (!isNew) continue;
    recorded++;
    if (!step.announce) continue;
    const facts = await repo.findMessageFacts(tx, taskId);
    if (!facts) continue;
    const message = stepMessage(
      step,
      {
        serialNumber: facts.serial_number,
        title: facts.title,
        deadline: facts.deadline,
        leadUnitName: facts.lead_unit_name,
        reportingFrequency: facts.reporting_frequency,
      },
      hasHandler,
    );
    if (message.onTimeline) {
      const isRung = (escalationRungValues as readonly string[]).includes(step.rung);
      const data = {
        rung: step.rung,
        keyDate: step.keyDate,
        workingDays: step.workingDays,
        ...(step.passed ? { passed: step.passed } : {}),
      };
      // The system takes the step (no actor on the timeline); its own message goes out below, keyed by the rung.
      await recordTaskStep(deps, tx, systemContext(deps.clock, `sweep:${day}`), await findTaskInScope(tx, scope, taskId), {
        type: isRung ? 'escalated' : 'reminded',
        data,
        light: 'announce',
        audit: { eventType: isRung ? 'task.escalated' : 'task.reminded', after: { ...data, notice: message.title } },
      });
    }
    const userIds = await recipientsFor(
      tx,
      {
        id: facts.id,
        leadUnitId: facts.lead_unit_id,
        supervisingUnitId: facts.supervising_unit_id,
        handlerId: facts.handler_id,
        responsibleLeaderId: facts.responsible_leader_id,
        supervisorUserId: facts.supervisor_user_id,
      },
      message.audience,
      day,
    );
    await notify(tx, deps.clock, {
      userIds,
      taskId,
      kind: message.kind,
      title: message.title,
      body: message.body,
      link: taskLink(taskId),
      dedupeKey: `task:${taskId}:step:${step.rung}@${step.keyDate}`,
    });
    announced++;
  }
  return { recorded, announced };
}

function encodeCursor(reachedAt: string, id: number): string {
  return Buffer.from(JSON.stringify([reachedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): { reachedAt: string; id: number } {
  try {
    const [reachedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof reachedAt === 'string' && !Number.isNaN(Date.parse(reachedAt)) && Number.isSafeInteger(id)) {
      return { reachedAt, id: id as number };
    }
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
}

/** 通报候选 (rung `bulletin`, incl. items already at 约谈建议) or 约谈建议 (`interview`) of the supervisor's subtree. */
export async function listEscalationCandidates(
  deps: Deps,
  ctx: RequestContext,
  query: EscalationListQuery,
): Promise<EscalationCandidatePage> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const rungs: EscalationRung[] = query.rung === 'bulletin' ? ['bulletin', 'interview'] : ['interview'];
  const rows = await repo.listCandidates(db, actor.scope, rungs, query.cursor ? decodeCursor(query.cursor) : null, query.limit + 1);
  const calendar = await loadCalendar(db);
  const today = todayInShanghai(deps.clock);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      taskId: r.task_id,
      serialNumber: r.serial_number,
      title: r.title,
      source: r.source,
      status: r.status as TaskStatus,
      leadUnitId: r.lead_unit_id,
      leadUnitName: r.lead_unit_name,
      responsibleLeaderName: r.responsible_leader_name,
      deadline: r.deadline,
      overdueWorkingDays: calendar.workingDaysBetween(r.deadline, today),
      rung: r.rung as EscalationRung,
      reachedAt: new Date(r.reached_at).toISOString(),
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(new Date(last.reached_at).toISOString(), Number(last.escalation_id)) : null,
  };
}
