/**
 * Demo data for the leader's first screen and for a county acting under its 州市, through the same use cases a
 * clerk's and a leader's clicks go through:
 * - three items in the 分管 areas of the demo 副省长 (邹晓梅, the `leader` account), with her as 分管领导 — a 省科技厅
 *   one gone red, a running and an 已办结 one of 省教育厅 — each with her 批示 (the running one's 批示 starts a linked
 *   new item), so 我的批示, 分管领域红灯事项 and /instructions show something. They are seeded after the sweep replay
 *   and dated weeks back, so the 省教育厅 handler's bell still leads with the demo's escalation ladder
 *   (e2e/escalation.spec.ts);
 * - two items the 昆明市 督查室 gives 五华区 (the `wuhua` account): one waiting for its 签收, one running.
 */
import { Readable } from 'node:stream';
import { completionCheckValues, type Role } from '@luoshi/contracts';
import { eq } from 'drizzle-orm';
import { units, users } from '../db/schema/index.js';
import { giveInstruction } from '../modules/instructions/index.js';
import { submitProgressReport, uploadAttachment } from '../modules/reports/index.js';
import { createTask, transitionTask } from '../modules/tasks/index.js';
import type { Clock } from '../platform/clock.js';
import type { RequestContext } from '../platform/context.js';
import { grantScope } from '../platform/scope.js';
import { monthPeriodOf, type DemoCast } from './demo-cast.js';

const DAY_MS = 86_400_000;

function daysAgo(clock: Clock, days: number): Clock {
  const at = clock.now().getTime() - days * DAY_MS;
  return { now: () => new Date(at) };
}

function isoDate(clock: Clock, plusDays: number): string {
  return new Date(clock.now().getTime() + plusDays * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The demo `leader` account acting as herself (a 副省长 of the province). */
async function leaderContext(cast: DemoCast): Promise<RequestContext | null> {
  const { db } = cast.deps.database;
  const [user] = await db.select().from(users).where(eq(users.username, 'leader'));
  const [unit] = user ? await db.select().from(units).where(eq(units.id, user.scopeUnitId)) : [];
  if (!user || !unit) return null;
  return {
    ...cast.base,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      roles: user.roles as Role[],
      scope: grantScope(unit.id, unit.path),
      unitId: unit.id,
    },
  };
}

interface LeaderItem {
  /** The lead unit: in the leader's 分管 areas. */
  lead: string;
  title: string;
  content: string;
  startedDaysAgo: number;
  deadlineWorkingDays: number;
  instruction: { daysAgo: number; text: string; spawn?: string };
  report?: { daysAgo: number; done: string; percent: number };
  /** 申请办结 and 审核办结, days ago. */
  completed?: { requestedDaysAgo: number; approvedDaysAgo: number };
}

const leaderItems: LeaderItem[] = [
  {
    lead: '云南省科学技术厅',
    title: '推进科技成果转化中试基地建设',
    content: '建成省级中试基地 5 个，推动一批科技成果在滇转化落地。',
    startedDaysAgo: 55,
    deadlineWorkingDays: 25,
    instruction: { daysAgo: 3, text: '进度明显滞后，请科技厅对照时限倒排工期，本月底前报送整改措施。' },
  },
  {
    lead: '云南省教育厅',
    title: '加强中小学课后服务',
    content: '中小学课后服务实现全覆盖，完善课后服务经费保障和教师激励办法。',
    startedDaysAgo: 60,
    deadlineWorkingDays: 120,
    instruction: { daysAgo: 50, text: '课后服务经费保障要尽快拿出办法，请教育厅会同财政厅研究。', spawn: '制定中小学课后服务经费保障办法' },
    report: { daysAgo: 2, done: '完成全省课后服务开展情况摸底，覆盖率 92%。', percent: 30 },
  },
  {
    lead: '云南省教育厅',
    title: '开展学生体质健康监测',
    content: '完成全省中小学生体质健康抽测，形成监测报告并提出改进措施。',
    startedDaysAgo: 120,
    deadlineWorkingDays: 60,
    instruction: { daysAgo: 110, text: '监测结果要向社会公开，并督促各地落实改进措施。' },
    report: { daysAgo: 60, done: '抽测工作全部完成，监测报告已印发各州市。', percent: 100 },
    completed: { requestedDaysAgo: 58, approvedDaysAgo: 55 },
  },
];

async function leaderItemsWithInstructions(cast: DemoCast, leader: RequestContext): Promise<void> {
  if (!cast.leaderPersonId) return;
  const { deps } = cast;
  for (const item of leaderItems) {
    const lead = await cast.unitId(item.lead);
    if (!lead) continue;
    const clock = daysAgo(cast.base.clock, item.startedDaysAgo);
    const at = (ctx: RequestContext, when: Clock = clock): RequestContext => ({ ...ctx, clock: when });
    const task = await createTask(deps, at(cast.supervisor), {
      title: item.title,
      source: 'leader_instruction',
      sourceRef: { leaderName: '邹晓梅', clause: item.content },
      content: item.content,
      urgency: 'urgent',
      reportingFrequency: 'monthly',
      deadlineWorkingDays: item.deadlineWorkingDays,
      leadUnitId: lead,
      cooperatingUnitIds: [],
      responsibleLeaderId: cast.leaderPersonId,
    });
    await transitionTask(deps, at(cast.supervisor), task.id, { action: 'assign' });
    const unit = at(cast.unitCtx(lead));
    await transitionTask(deps, unit, task.id, { action: 'accept' });
    await transitionTask(deps, unit, task.id, { action: 'start', handlerId: await cast.handlerOf(lead) });
    const { spawn, ...instruction } = item.instruction;
    await giveInstruction(deps, at(leader, daysAgo(cast.base.clock, instruction.daysAgo)), task.id, {
      text: instruction.text,
      ...(spawn ? { spawn: { title: spawn, leadUnitId: lead, deadline: isoDate(cast.base.clock, 45) } } : {}),
    });
    if (item.report) {
      const reportedAt = at(cast.unitCtx(lead), daysAgo(cast.base.clock, item.report.daysAgo));
      await submitProgressReport(deps, reportedAt, task.id, {
        periodLabel: monthPeriodOf(reportedAt.clock.now()),
        done: item.report.done,
        percent: item.report.percent,
        attachmentIds: [],
      });
    }
    if (item.completed) {
      const asking = at(cast.unitCtx(lead), daysAgo(cast.base.clock, item.completed.requestedDaysAgo));
      const evidence = await uploadAttachment(deps, asking, task.id, {
        fileName: '体质健康监测报告.pdf',
        file: Readable.from([Buffer.from('%PDF-1.4\n% 监测报告（演示）\n%%EOF\n')]),
        isTruncated: () => false,
      });
      await transitionTask(deps, asking, task.id, {
        action: 'request_completion',
        summary: '抽测和监测报告均已完成，改进措施已部署。',
        evidenceIds: [evidence.id],
        checklist: [...completionCheckValues],
      });
      const approving = at(cast.supervisor, daysAgo(cast.base.clock, item.completed.approvedDaysAgo));
      await transitionTask(deps, approving, task.id, { action: 'approve_completion' });
    }
  }
}

/** 一级督一级: the 昆明市 督查室 gives 五华区 two items of its own. */
async function kunmingToWuhua(cast: DemoCast): Promise<void> {
  const wuhua = await cast.unitId('五华区人民政府', '昆明市人民政府');
  if (!wuhua || !cast.kunming) return;
  const { deps, kunming } = cast;
  const waiting = await createTask(deps, kunming, {
    title: '五华区老旧小区加装电梯',
    source: 'meeting_decision',
    sourceRef: { meeting: '昆明市政府第9次常务会议' },
    content: '完成老旧小区加装电梯 60 部，年底前全部投入使用。',
    urgency: 'normal',
    reportingFrequency: 'monthly',
    deadlineWorkingDays: 45,
    leadUnitId: wuhua,
    cooperatingUnitIds: [],
  });
  await transitionTask(deps, kunming, waiting.id, { action: 'assign' });
  const clock = daysAgo(cast.base.clock, 12);
  const running = await createTask(
    deps,
    { ...kunming, clock },
    {
      title: '五华区背街小巷整治提升',
      source: 'leader_instruction',
      sourceRef: { leaderName: '昆明市政府领导', clause: '背街小巷整治要见实效。' },
      content: '整治提升背街小巷 40 条，改善群众出行和居住环境。',
      urgency: 'normal',
      reportingFrequency: 'monthly',
      deadlineWorkingDays: 50,
      leadUnitId: wuhua,
      cooperatingUnitIds: [],
    },
  );
  await transitionTask(deps, { ...kunming, clock }, running.id, { action: 'assign' });
  const unit = { ...cast.unitCtx(wuhua), clock };
  await transitionTask(deps, unit, running.id, { action: 'accept' });
  await transitionTask(deps, unit, running.id, { action: 'start', handlerId: await cast.handlerOf(wuhua) });
}

export async function seedLeaderDemo(cast: DemoCast): Promise<void> {
  const leader = await leaderContext(cast);
  if (leader) await leaderItemsWithInstructions(cast, leader);
  await kunmingToWuhua(cast);
}
