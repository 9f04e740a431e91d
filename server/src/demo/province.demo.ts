/**
 * The province-wide demo: a few hundred 督办事项 over all 16 州市, the main provincial departments and two counties of
 * every 州市, each with a lived history (province-plan.ts), so the ledger, the cockpit, the map and every demo
 * account's desk look like a province at work.
 *
 * Why set-based inserts and not the use cases the hand-made demo items go through (tasks.demo.ts): the use cases take
 * about 35 ms per step on the embedded database, and these items have some 3,000 steps — over a minute on every
 * fresh demo start, and the browser tests start one per run. Here the plan is written in a few statements inside one
 * transaction, with the same rows the use cases write (item, parties, 时间线, reports, 延期, the sweep's steps, the
 * numbering counters; visibility and tallies follow through the database's triggers), then the lights are computed by
 * the warnings module's batch refresh and the sweep's steps by its own rules, so nothing here decides a light or a
 * reminder. One audit event records the seeding. Demo mode only.
 */
import { randomUUID } from 'node:crypto';
import { escalationRungValues } from '@luoshi/contracts';
import {
  extensionRequests,
  progressReports,
  taskCooperations,
  taskEscalations,
  taskEvents,
  tasks,
  taskSerialCounters,
  users,
} from '../db/schema/index.js';
import { usernameKey } from '../modules/auth/index.js';
import { stepsDue } from '../modules/escalations/index.js';
import { numberFor } from '../modules/sources/index.js';
import { refreshStaleWarnings, signForDueOf } from '../modules/warnings/index.js';
import { recordAudit } from '../platform/audit-log.js';
import { loadCalendar } from '../platform/calendar/calendar.service.js';
import { todayInShanghai, type WorkingDayCalendar } from '../platform/calendar/working-days.js';
import type { Deps, RequestContext } from '../platform/context.js';
import type { Db } from '../platform/db.js';
import { hashPassword } from '../platform/passwords.js';
import { planProvinceItems, type PlannedItem, type StepActor } from './province-plan.js';
import { departmentLogins, governmentShortName, planUnits, readSetting, type Setting } from './province-setting.js';
import { DEMO_PASSWORD } from './seed-demo.js';

const STAND_IN_SEQ = 987_654_321;
/** How many past working days of the daily sweep the province-wide items are given. */
const REPLAYED_WORKING_DAYS = 20;

function at(day: string, hour: number, minute = 0): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

/** The sweep's steps the item would have been given, replayed day by day with the facts of each day (its pure rules). */
function sweepSteps(item: PlannedItem, setting: Setting, calendar: WorkingDayCalendar, today: string) {
  const policy = setting.policies.find((p) => p.source === item.source);
  if (!policy || !item.assignedOn) return [];
  const out: { rung: string; keyDate: string; workingDays: number; on: string; announce: boolean; passed?: string[] }[] = [];
  const done = new Set<string>();
  const acceptedOn = item.steps.find((s) => s.type === 'accept')?.on ?? null;
  const endOn = item.steps.find((s) => s.type === 'request_completion')?.on ?? today;
  // The last four weeks of sweeps (as if the demo had been running since): older reminders would only repeat them.
  const windowStart = calendar.addWorkingDays(today, -REPLAYED_WORKING_DAYS);
  const first = item.assignedOn > windowStart ? item.assignedOn : windowStart;
  for (let day = first; day <= endOn; day = calendar.addWorkingDays(day, 1)) {
    const reportsSoFar = item.reports.filter((r) => r.on < day);
    const deadline = item.extension && day > item.extension.decidedOn ? item.extension.newDeadline : item.originalDeadline;
    const steps = stepsDue(
      {
        status: acceptedOn && day > acceptedOn ? 'in_progress' : 'assigned',
        deadline,
        assignedOn: item.assignedOn,
        signForDue: signForDueOf(item.assignedOn, calendar, policy),
        reportingFrequency: item.reportingFrequency,
        lastReportOn: reportsSoFar.at(-1)?.on ?? null,
      },
      day,
      calendar,
      policy,
      done,
    );
    for (const s of steps) {
      done.add(`${s.rung}@${s.keyDate}`);
      out.push({
        rung: s.rung,
        keyDate: s.keyDate,
        workingDays: s.workingDays,
        on: day,
        announce: s.announce,
        ...(s.passed ? { passed: [...s.passed] } : {}),
      });
    }
    if (day === today) break;
  }
  return out;
}

export interface ProvinceDemoSummary {
  items: number;
  events: number;
  reports: number;
  accounts: number;
}

/** Seeds the province-wide demo items (first demo start, after the hand-made ones); returns what it wrote. */
export async function seedProvinceDemo(deps: Deps, base: RequestContext): Promise<ProvinceDemoSummary | null> {
  const setting = await readSetting(deps);
  if (!setting) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = await deps.database.db.transaction(async (tx) => writeProvince(deps, tx, base, setting, passwordHash));
  // Lights by the warnings module's own batch refresh: every new item has no light computed yet.
  await refreshStaleWarnings(deps.database.db, deps.clock);
  return summary;
}

async function writeProvince(
  deps: Deps,
  tx: Db,
  base: RequestContext,
  setting: Setting,
  passwordHash: string,
): Promise<ProvinceDemoSummary> {
  const calendar = await loadCalendar(tx);
  const today = todayInShanghai(deps.clock);
  const now = deps.clock.now();
  const { prefectures, departments, counties } = planUnits(setting);
  const items = planProvinceItems({
    today,
    calendar,
    province: { id: setting.province.id, name: setting.province.name, shortName: '省' },
    prefectures,
    departments,
    counties,
    perPrefecture: 9,
    perDepartment: 7,
    perCounty: 3,
    leaderNameOf: (dept) => setting.leaderNames.get(dept),
  });
  const unitById = new Map(setting.all.map((u) => [u.id, u]));

  // A handler account for every lead unit that has none, with the one demo password (hashed once).
  const newUsers: (typeof users.$inferInsert)[] = [];
  for (const leadId of new Set(items.map((i) => i.leadUnitId))) {
    if (setting.handlers.has(leadId)) continue;
    const unit = unitById.get(leadId);
    if (!unit) continue;
    const login =
      unit.kind === 'department' ? `${departmentLogins[unit.shortName ?? ''] ?? 'dept'}_cb` : `cb${unit.divisionCode ?? unit.sortOrder}`;
    const short = unit.shortName ?? governmentShortName(unit.name);
    const displayName = `${short}${unit.kind === 'government' ? '政府' : ''}承办人（演示）`;
    const id = randomUUID();
    newUsers.push({
      id,
      username: login,
      usernameKey: usernameKey(login),
      displayName,
      personId: setting.handlerPerson.get(leadId) ?? null,
      scopeUnitId: leadId,
      roles: ['unit_handler'],
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: false,
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    });
    setting.handlers.set(leadId, { id, displayName });
  }
  if (newUsers.length) await tx.insert(users).values(newUsers);

  // Serial numbers continue each supervising government's counter of the year.
  const counters = new Map<string, number>();
  for (const row of await tx.select().from(taskSerialCounters)) counters.set(`${row.supervisingUnitId}:${row.year}`, row.lastSeq);
  const taskRows: (typeof tasks.$inferInsert)[] = [];
  const cooperationRows: (typeof taskCooperations.$inferInsert)[] = [];
  const eventRows: (typeof taskEvents.$inferInsert)[] = [];
  const reportRows: (typeof progressReports.$inferInsert)[] = [];
  const extensionRows: (typeof extensionRequests.$inferInsert)[] = [];
  const escalationRows: (typeof taskEscalations.$inferInsert)[] = [];
  const fallbackSupervisor = setting.supervisors.get(setting.province.id);
  // The numbering module formats each number; once per government, source and year with a stand-in sequence number,
  // which is then replaced (one pattern query per kind of number rather than per item).
  const formats = new Map<string, string>();
  const serialOf = async (unitId: string, source: string, year: number, seq: number) => {
    const key = `${unitId}:${source}:${year}`;
    let format = formats.get(key);
    if (format === undefined) {
      format = await numberFor(tx, unitId, source, year, STAND_IN_SEQ);
      formats.set(key, format);
    }
    return format.replace(String(STAND_IN_SEQ), String(seq));
  };
  for (const item of items) {
    const id = randomUUID();
    const year = Number(item.createdOn.slice(0, 4));
    const counterKey = `${item.supervisingUnitId}:${year}`;
    const seq = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, seq);
    const supervisor = setting.supervisors.get(item.supervisingUnitId);
    const supervisingUnit = unitById.get(item.supervisingUnitId);
    const supervisorName = supervisor?.displayName ?? `${governmentShortName(supervisingUnit?.name ?? '')}政府督查室`;
    const handler = setting.handlers.get(item.leadUnitId) ?? fallbackSupervisor;
    const handlerPersonId = item.assignedOn && item.status !== 'assigned' ? (setting.handlerPerson.get(item.leadUnitId) ?? null) : null;
    const actorOf = (actor: StepActor) =>
      actor === 'supervisor'
        ? { actorUserId: supervisor?.id ?? null, actorName: supervisorName, actorUnitId: item.supervisingUnitId }
        : actor === 'unit'
          ? { actorUserId: handler?.id ?? null, actorName: handler?.displayName ?? null, actorUnitId: item.leadUnitId }
          : { actorUserId: null, actorName: null, actorUnitId: null };
    const leaderId = setting.leaderIds.get(item.topicDepartment);
    const responsibleLeaderId = item.source === 'leader_instruction' && leaderId !== setting.demoLeaderPersonId ? (leaderId ?? null) : null;
    const lastReport = item.reports.filter((r) => r.status !== 'returned').at(-1) ?? item.reports.at(-1);
    const createdAt = at(item.createdOn, 9);
    const lastStep = item.steps.at(-1);
    taskRows.push({
      id,
      serialNumber: await serialOf(item.supervisingUnitId, item.source, year, seq),
      serialYear: year,
      serialSeq: seq,
      title: item.title,
      source: item.source,
      sourceRef: item.sourceRef,
      content: item.content,
      requirements: '按报送频次报送办理进展，遇有困难及时报告。',
      status: item.status,
      urgency: item.urgency,
      reportingFrequency: item.reportingFrequency,
      deadline: item.deadline,
      deadlineWorkingDays: item.deadline ? null : item.deadlineWorkingDays,
      originalDeadline: item.originalDeadline,
      supervisingUnitId: item.supervisingUnitId,
      leadUnitId: item.leadUnitId,
      responsibleLeaderId,
      supervisorUserId: supervisor?.id ?? null,
      handlerId: handlerPersonId,
      progressPercent: lastReport?.percent ?? null,
      lastReportAt: lastReport ? at(lastReport.on, 16) : null,
      sendBackCount: item.sendBackCount,
      urgeCount: item.urgeCount,
      evaluation: item.evaluation,
      assignedAt: item.assignedOn ? at(item.assignedOn, 10) : null,
      completedAt: item.completedOn ? at(item.completedOn, 11) : null,
      version: item.steps.length + item.reports.length,
      createdAt,
      updatedAt: lastStep ? at(lastStep.on, lastStep.hour) : createdAt,
    });
    for (const unitId of item.cooperatingUnitIds) cooperationRows.push({ taskId: id, unitId });

    const events: (typeof taskEvents.$inferInsert)[] = [];
    for (const step of item.steps) {
      const data = step.type === 'start' ? { handlerId: handlerPersonId } : step.data;
      events.push({
        taskId: id,
        at: at(step.on, step.hour),
        type: step.type,
        fromStatus: step.fromStatus ?? null,
        toStatus: step.toStatus ?? null,
        reason: step.reason ?? null,
        data: data ?? null,
        ...actorOf(step.actor),
      });
    }
    const reportIds: string[] = [];
    item.reports.forEach((report, index) => {
      const reportId = randomUUID();
      reportIds.push(reportId);
      const corrects = report.corrects !== undefined ? (reportIds[report.corrects] ?? null) : null;
      const version = corrects ? 2 : 1;
      reportRows.push({
        id: reportId,
        taskId: id,
        seq: index + 1,
        version,
        correctsReportId: corrects,
        reporterUserId: handler?.id ?? fallbackSupervisor?.id ?? '',
        periodLabel: report.periodLabel,
        done: report.done,
        nextSteps: report.nextSteps,
        percent: report.percent,
        status: report.status,
        reviewReason: report.reviewReason ?? null,
        reviewedBy: report.reviewedOn ? (supervisor?.id ?? null) : null,
        reviewedAt: report.reviewedOn ? at(report.reviewedOn, 11) : null,
        createdAt: at(report.on, 16),
      });
      events.push({
        taskId: id,
        at: at(report.on, 16),
        type: 'report_submitted',
        data: { percent: report.percent, version, reportId, periodLabel: report.periodLabel, correctsReportId: corrects },
        ...actorOf('unit'),
      });
      if (report.reviewedOn) {
        events.push({
          taskId: id,
          at: at(report.reviewedOn, 11),
          type: report.status === 'returned' ? 'report_returned' : 'report_accepted',
          reason: report.reviewReason ?? null,
          data: { reportId, version, periodLabel: report.periodLabel },
          ...actorOf('supervisor'),
        });
      }
    });
    if (item.extension) {
      const ext = item.extension;
      const extensionId = randomUUID();
      const approverName = supervisorName;
      extensionRows.push({
        id: extensionId,
        taskId: id,
        requestedBy: handler?.id ?? fallbackSupervisor?.id ?? '',
        requestedAt: at(ext.requestedOn, 10),
        reason: ext.reason,
        progress: '主体工作已完成七成，剩余工作正在推进。',
        currentDeadline: ext.currentDeadline,
        newDeadline: ext.newDeadline,
        status: 'approved',
        decisions: [
          {
            step: 'pending_supervisor',
            approverUserId: supervisor?.id ?? '',
            approverName,
            approve: true,
            reason: null,
            at: at(ext.decidedOn, 15).toISOString(),
          },
        ],
        decidedAt: at(ext.decidedOn, 15),
      });
      events.push(
        {
          taskId: id,
          at: at(ext.requestedOn, 10),
          type: 'extension_requested',
          reason: ext.reason,
          data: {
            extensionId,
            currentDeadline: ext.currentDeadline,
            newDeadline: ext.newDeadline,
            progress: '主体工作已完成七成，剩余工作正在推进。',
          },
          ...actorOf('unit'),
        },
        {
          taskId: id,
          at: at(ext.decidedOn, 15),
          type: 'extension_approved',
          data: { extensionId, step: 'pending_supervisor', newDeadline: ext.newDeadline },
          ...actorOf('supervisor'),
        },
      );
    }
    for (const step of sweepSteps(item, setting, calendar, today)) {
      escalationRows.push({
        taskId: id,
        rung: step.rung,
        deadline: step.keyDate,
        workingDays: step.workingDays,
        createdAt: at(step.on, 9),
      });
      // What the sweep puts on the 时间线: the deadline reminders and the escalation ladder (one entry per day).
      const isRung = (escalationRungValues as readonly string[]).includes(step.rung);
      if (step.announce && (isRung || step.rung.startsWith('due_'))) {
        events.push({
          taskId: id,
          at: at(step.on, 9),
          type: isRung ? 'escalated' : 'reminded',
          data: { rung: step.rung, keyDate: step.keyDate, workingDays: step.workingDays, ...(step.passed ? { passed: step.passed } : {}) },
          actorUserId: null,
          actorName: null,
          actorUnitId: null,
        });
      }
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    eventRows.push(...events);
  }

  const chunked = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
  };
  await chunked(taskRows, (c) => tx.insert(tasks).values(c));
  await chunked(cooperationRows, (c) => tx.insert(taskCooperations).values(c));
  await chunked(eventRows, (c) => tx.insert(taskEvents).values(c));
  await chunked(reportRows, (c) => tx.insert(progressReports).values(c));
  await chunked(extensionRows, (c) => tx.insert(extensionRequests).values(c));
  await chunked(escalationRows, (c) => tx.insert(taskEscalations).values(c));
  for (const [key, lastSeq] of counters) {
    const [supervisingUnitId = '', year = '0'] = key.split(':');
    await tx
      .insert(taskSerialCounters)
      .values({ supervisingUnitId, year: Number(year), lastSeq })
      .onConflictDoUpdate({ target: [taskSerialCounters.supervisingUnitId, taskSerialCounters.year], set: { lastSeq } });
  }
  const summary = { items: taskRows.length, events: eventRows.length, reports: reportRows.length, accounts: newUsers.length };
  await recordAudit(deps, tx, base, { eventType: 'system.seeded', objectType: 'system', objectId: 'demo-province', after: summary });
  return summary;
}
