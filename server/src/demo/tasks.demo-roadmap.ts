/**
 * Demo data for the ledger's lights, 一级督一级 and 路线图, built through the same use cases as a clerk's clicks:
 * - items 交办 ten and seven weeks ago with deadlines now passed and no report since (red; one is the 省教育厅's, so the
 *   demo handler sees the escalation ladder in the bell), and one whose deadline is a few working days away (yellow) — registered "in the past" with a clock set back, so the lights are real;
 * - a 政府工作报告 task broken down to three 州市, Kunming's part broken down again to two districts by the 昆明
 *   督查室, with reports at the leaves (progress rolls up) and milestones on the top item;
 * - an item submitted for the 副省长's approval, waiting in his 待办.
 */
import type { RequestContext } from '../platform/context.js';
import type { Clock } from '../platform/clock.js';
import { addMilestone } from '../modules/roadmap/index.js';
import { submitProgressReport } from '../modules/reports/index.js';
import { breakDownTask, createTask, transitionTask } from '../modules/tasks/index.js';
import { monthPeriodOf, type DemoCast } from './demo-cast.js';

const DAY_MS = 86_400_000;

function daysAgo(clock: Clock, days: number): Clock {
  const at = clock.now().getTime() - days * DAY_MS;
  return { now: () => new Date(at) };
}

function isoDate(clock: Clock, plusDays: number): string {
  return new Date(clock.now().getTime() + plusDays * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Registers, assigns, accepts and starts an item as of `days` ago. */
async function itemStartedAgo(cast: DemoCast, days: number, body: Parameters<typeof createTask>[2], lead: string): Promise<void> {
  const clock = daysAgo(cast.base.clock, days);
  const at = (ctx: RequestContext): RequestContext => ({ ...ctx, clock });
  const task = await createTask(cast.deps, at(cast.supervisor), body);
  await transitionTask(cast.deps, at(cast.supervisor), task.id, { action: 'assign' });
  const unit = at(cast.unitCtx(lead));
  await transitionTask(cast.deps, unit, task.id, { action: 'accept' });
  await transitionTask(cast.deps, unit, task.id, { action: 'start', handlerId: await cast.handlerOf(lead) });
}

async function overdueAndNearItems(cast: DemoCast): Promise<void> {
  const education = await cast.unitId('云南省教育厅');
  if (education) {
    // Overdue for the 教育厅's 承办人 (the jyt account): its reminders and escalation steps are in jyt's bell.
    await itemStartedAgo(
      cast,
      70,
      {
        title: '开展校园食品安全专项整治',
        source: 'leader_instruction',
        sourceRef: { leaderName: '邹晓梅', clause: '请教育厅牵头，对全省中小学食堂开展专项整治。' },
        content: '对全省中小学校食堂开展食品安全专项整治，整改发现的问题并报送整治情况。',
        urgency: 'urgent',
        reportingFrequency: 'once',
        deadlineWorkingDays: 30,
        leadUnitId: education,
        cooperatingUnitIds: [],
        ...(cast.leaderPersonId ? { responsibleLeaderId: cast.leaderPersonId } : {}),
      },
      education,
    );
  }
  const traffic = await cast.unitId('云南省交通运输厅');
  const health = await cast.unitId('云南省卫生健康委员会');
  if (traffic) {
    await itemStartedAgo(
      cast,
      49,
      {
        title: '推进农村公路安全生命防护工程',
        source: 'meeting_decision',
        sourceRef: { meeting: '省政府第10次常务会议' },
        content: '完成农村公路临水临崖路段安全生命防护工程 1200 公里。',
        urgency: 'urgent',
        reportingFrequency: 'half_monthly',
        deadlineWorkingDays: 30,
        leadUnitId: traffic,
        cooperatingUnitIds: [],
      },
      traffic,
    );
  }
  if (health) {
    await itemStartedAgo(
      cast,
      20,
      {
        title: '提升基层医疗卫生服务能力',
        source: 'leader_instruction',
        sourceRef: { leaderName: '李明远', clause: '请卫健委抓紧研究，尽快见效。' },
        content: '按领导批示，提升县域医共体基层服务能力。',
        urgency: 'normal',
        reportingFrequency: 'once',
        deadlineWorkingDays: 16,
        leadUnitId: health,
        cooperatingUnitIds: [],
      },
      health,
    );
  }
}

async function brokenDownProgramme(cast: DemoCast): Promise<void> {
  const education = await cast.unitId('云南省教育厅');
  const prefectures = await Promise.all(['昆明市人民政府', '曲靖市人民政府', '玉溪市人民政府'].map((n) => cast.unitId(n)));
  if (!education || prefectures.some((p) => !p)) return;
  const { deps, supervisor } = cast;
  const top = await createTask(deps, supervisor, {
    title: '推进义务教育薄弱环节改善与能力提升',
    source: 'work_report',
    sourceRef: { documentNumber: '2026 年省政府工作报告', clause: '改善义务教育薄弱学校办学条件。' },
    content: '全省改造义务教育薄弱学校 300 所，年底前全部完工。',
    urgency: 'normal',
    reportingFrequency: 'monthly',
    deadline: isoDate(cast.base.clock, 150),
    leadUnitId: education,
    cooperatingUnitIds: [],
  });
  await transitionTask(deps, supervisor, top.id, { action: 'assign' });
  await addMilestone(deps, supervisor, top.id, { title: '完成学校摸底', plannedDate: isoDate(cast.base.clock, 30), plannedPercent: 20 });
  await addMilestone(deps, supervisor, top.id, { title: '主体工程完工', plannedDate: isoDate(cast.base.clock, 110), plannedPercent: 80 });
  const split = await breakDownTask(deps, supervisor, top.id, {
    items: prefectures.map((id, i) => ({ leadUnitId: id as string, cooperatingUnitIds: [], weight: [3, 2, 1][i] ?? 1 })),
    assignNow: true,
    rollupMode: 'weighted',
  });
  const kunming = split.items[0];
  const districts = await Promise.all(['五华区人民政府', '盘龙区人民政府'].map((n) => cast.unitId(n, '昆明市人民政府')));
  if (!kunming || !cast.kunming || districts.some((d) => !d)) return;
  const local = await breakDownTask(deps, cast.kunming, kunming.id, {
    items: districts.map((id) => ({ leadUnitId: id as string, cooperatingUnitIds: [], weight: 1 })),
    assignNow: true,
  });
  for (const [index, leaf] of local.items.entries()) {
    const unit = cast.unitCtx(leaf.leadUnitId);
    await transitionTask(deps, unit, leaf.id, { action: 'accept' });
    await transitionTask(deps, unit, leaf.id, { action: 'start', handlerId: await cast.handlerOf(leaf.leadUnitId) });
    await submitProgressReport(deps, unit, leaf.id, {
      periodLabel: monthPeriodOf(unit.clock.now()),
      done: index === 0 ? '完成 12 所学校改造方案，4 所开工。' : '完成摸底，方案报区政府审定。',
      percent: index === 0 ? 45 : 15,
      attachmentIds: [],
    });
  }
}

async function awaitingLeader(cast: DemoCast): Promise<void> {
  // The demo 副省长 分管 science and technology among others (demo-people.ts).
  const science = await cast.unitId('云南省科学技术厅');
  if (!science || !cast.leaderPersonId) return;
  const task = await createTask(cast.deps, cast.supervisor, {
    title: '推进科技入滇专项行动',
    source: 'meeting_decision',
    sourceRef: { meeting: '省政府第13次常务会议' },
    content: '研究提出科技入滇三年行动方案，引进高水平创新团队。',
    urgency: 'normal',
    reportingFrequency: 'monthly',
    deadlineWorkingDays: 40,
    leadUnitId: science,
    cooperatingUnitIds: [],
    responsibleLeaderId: cast.leaderPersonId,
  });
  await transitionTask(cast.deps, cast.supervisor, task.id, { action: 'submit_for_approval' });
}

export async function seedDemoRoadmap(cast: DemoCast): Promise<void> {
  await overdueAndNearItems(cast);
  await brokenDownProgramme(cast);
  await awaitingLeader(cast);
}
