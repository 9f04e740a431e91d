/**
 * Demo 督办事项 so that a first start shows a living ledger: items from several sources at every stage, with
 * reports, a 催办 and a finished one. Built through the same use cases a clerk's clicks go through (numbering,
 * timeline, audit), each in its own transaction, right after the demo accounts are created.
 */
import { Readable } from 'node:stream';
import { grantScope } from '../platform/scope.js';
import { completionCheckValues, type CreateTaskBody, type Role, type TransitionBody } from '@luoshi/contracts';
import { and, asc, eq, isNull, like, sql } from 'drizzle-orm';
import { persons, posts, units, users } from '../db/schema/index.js';
import type { Actor, Deps, RequestContext } from '../platform/context.js';
import { submitProgressReport, uploadAttachment } from '../modules/reports/index.js';
import { createTask, transitionTask } from '../modules/tasks/index.js';
import { monthPeriodOf, type DemoCast } from './demo-cast.js';
import { seedDemoRoadmap } from './tasks.demo-roadmap.js';
import { seedLeaderDemo } from './leader.demo.js';
import { replayDemoSweeps } from './escalations.demo.js';
import { seedProvinceDemo } from './province.demo.js';

interface DemoItem {
  body: Omit<CreateTaskBody, 'leadUnitId' | 'cooperatingUnitIds'> & { lead: string; cooperating?: string[] };
  steps: (TransitionBody | { report: string; percent: number })[];
}

const demoItems: DemoItem[] = [
  {
    body: {
      title: '推进全省高标准农田建设',
      source: 'meeting_decision',
      sourceRef: { meeting: '省政府第12次常务会议', clause: '抓紧推进高标准农田建设，年底前完成目标任务。' },
      content: '按照常务会议决定，2026 年新建高标准农田 120 万亩，年底前完成建设任务并通过验收。',
      requirements: '每月 25 日前报送办理进展。',
      urgency: 'urgent',
      reportingFrequency: 'monthly',
      deadlineWorkingDays: 30,
      lead: '云南省农业农村厅',
      cooperating: ['云南省财政厅', '云南省自然资源厅'],
    },
    steps: [
      { action: 'assign' },
      { action: 'accept' },
      { action: 'start' },
      { report: '已完成建设 82 万亩，正在组织县级验收。', percent: 68 },
    ],
  },
  {
    body: {
      title: '新建改扩建义务教育学校',
      source: 'work_report',
      sourceRef: { documentNumber: '2026 年省政府工作报告', clause: '新建改扩建义务教育学校 100 所。' },
      content: '落实政府工作报告任务，新建改扩建义务教育学校 100 所。',
      urgency: 'normal',
      reportingFrequency: 'quarterly',
      deadlineWorkingDays: 60,
      lead: '云南省教育厅',
      cooperating: ['云南省发展和改革委员会'],
    },
    steps: [{ action: 'assign' }],
  },
  {
    body: {
      title: '加快推进城镇老旧小区改造',
      source: 'leader_instruction',
      sourceRef: { leaderName: '苏建华', clause: '请住建厅牵头，加快推进，按月报告进展。' },
      content: '按照领导批示要求，加快推进城镇老旧小区改造。',
      urgency: 'urgent',
      reportingFrequency: 'monthly',
      lead: '云南省住房和城乡建设厅',
    },
    steps: [
      { action: 'assign' },
      { action: 'accept' },
      { action: 'start' },
      { action: 'urge', reason: '请于本周内报送阶段性进展。', channel: 'phone' },
    ],
  },
  {
    body: {
      title: '关于加强乡村客运服务的建议',
      source: 'npc_suggestion',
      sourceRef: { documentNumber: '第 0123 号建议' },
      content: '办理省人大代表关于加强乡村客运服务的建议。',
      urgency: 'normal',
      reportingFrequency: 'once',
      lead: '云南省交通运输厅',
    },
    steps: [],
  },
  {
    body: {
      title: '审计发现专项资金滞留问题整改',
      source: 'audit_finding',
      sourceRef: { documentNumber: '云审〔2026〕8号' },
      content: '对审计发现的专项资金滞留问题进行整改，资金拨付到位。',
      urgency: 'very_urgent',
      reportingFrequency: 'weekly',
      deadlineWorkingDays: 20,
      lead: '云南省财政厅',
    },
    steps: [
      { action: 'assign' },
      { action: 'accept' },
      { action: 'start' },
      { report: '滞留资金 3.2 亿元已全部拨付。', percent: 100 },
      { action: 'request_completion', summary: '滞留资金已全部拨付，相关责任已落实。' },
    ],
  },
  {
    body: {
      title: '回应群众反映的社区停车难问题',
      source: 'public_complaint',
      content: '研究解决群众反映的社区停车难问题并答复。',
      urgency: 'normal',
      reportingFrequency: 'once',
      deadlineWorkingDays: 10,
      lead: '云南省住房和城乡建设厅',
    },
    steps: [
      { action: 'assign' },
      { action: 'accept' },
      { action: 'start' },
      { action: 'request_completion', summary: '已协调增设停车位 320 个并答复群众。' },
      { action: 'approve_completion' },
      { action: 'evaluate', evaluation: { quality: 5, timeliness: 5, satisfaction: 4 } },
      { action: 'archive' },
    ],
  },
];

function actorFor(user: typeof users.$inferSelect, scopePath: string, roles: Role[]): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    roles,
    scope: grantScope(user.scopeUnitId, scopePath),
    unitId: user.scopeUnitId,
  };
}

async function demoCast(deps: Deps, base: RequestContext): Promise<DemoCast | null> {
  const { db } = deps.database;
  const [supervisor] = await db.select().from(users).where(eq(users.username, 'ducha'));
  const [kunmingUser] = await db.select().from(users).where(eq(users.username, 'km_ducha'));
  const [leader] = await db.select().from(users).where(eq(users.username, 'leader'));
  const [province] = await db.select().from(units).where(isNull(units.parentId));
  if (!supervisor || !province) return null;
  const allUnits = await db
    .select({ id: units.id, name: units.name, parentId: units.parentId, path: units.path, shortName: units.shortName })
    .from(units);
  const byId = new Map(allUnits.map((u) => [u.id, u]));
  const unitNamed = (name: string, parentName?: string) => {
    const parent = parentName ? allUnits.find((u) => u.name === parentName) : province;
    return allUnits.find((u) => u.name === name && u.parentId === parent?.id);
  };
  const kunmingUnit = unitNamed('昆明市人民政府');
  return {
    deps,
    base,
    supervisor: { ...base, actor: actorFor(supervisor, province.path, ['supervisor']) },
    kunming: kunmingUser && kunmingUnit ? { ...base, actor: actorFor(kunmingUser, kunmingUnit.path, ['supervisor']) } : null,
    leaderPersonId: leader?.personId ?? null,
    unitId: (name, parentName) => Promise.resolve(unitNamed(name, parentName)?.id),
    unitCtx: (unitId) => {
      const unit = byId.get(unitId);
      if (!unit) throw new Error(`demo unit ${unitId} missing`);
      return {
        ...base,
        actor: { ...actorFor(supervisor, unit.path, ['unit_handler']), unitId, displayName: `${unit.shortName ?? unit.name}承办人` },
      };
    },
    handlerOf: async (unitId) => {
      const unit = byId.get(unitId);
      if (!unit) return undefined;
      // The 承办人 post holder of the unit's subtree if it has one, else anyone in it (a government's office staff).
      const [candidate] = await db
        .select({ personId: persons.id })
        .from(persons)
        .innerJoin(units, eq(units.id, persons.unitId))
        .leftJoin(posts, eq(posts.primaryHolderId, persons.id))
        .where(and(like(units.path, `${unit.path}%`), eq(persons.isLeader, false)))
        .orderBy(sql`${posts.name} = '承办人' desc nulls last`, asc(persons.name))
        .limit(1);
      return candidate?.personId;
    },
  };
}

/** Seeds the demo items (first demo start only). Acts as the demo 督查员 and as each lead unit's handler. */
export async function seedDemoTasks(deps: Deps, base: RequestContext): Promise<void> {
  const cast = await demoCast(deps, base);
  if (!cast) return;
  for (const item of demoItems) {
    const lead = await cast.unitId(item.body.lead);
    if (!lead) continue;
    const cooperating = (await Promise.all((item.body.cooperating ?? []).map((n) => cast.unitId(n)))).flatMap((u) => (u ? [u] : []));
    const { lead: _lead, cooperating: _cooperating, ...body } = item.body;
    const task = await createTask(deps, cast.supervisor, { ...body, leadUnitId: lead, cooperatingUnitIds: cooperating });
    const unitCtx = cast.unitCtx(lead);
    const handlerId = await cast.handlerOf(lead);
    for (const step of item.steps) {
      if ('report' in step) {
        await submitProgressReport(deps, unitCtx, task.id, {
          periodLabel: monthPeriodOf(unitCtx.clock.now()),
          done: step.report,
          percent: step.percent,
          attachmentIds: [],
        });
        continue;
      }
      const isSupervisorStep = ['assign', 'urge', 'approve_completion', 'send_back', 'evaluate', 'archive'].includes(step.action);
      const input =
        step.action === 'start'
          ? { ...step, handlerId }
          : step.action === 'request_completion'
            ? { ...step, ...(await completionProof(deps, unitCtx, task.id)) }
            : step;
      await transitionTask(deps, isSupervisorStep ? cast.supervisor : unitCtx, task.id, input);
    }
  }
  await seedDemoRoadmap(cast);
  // What the daily sweep would have done over the weeks the back-dated items have been running.
  await replayDemoSweeps(deps);
  // The leader's 批示 and 分管 items, and a county's items from its 州市 (asked for by the desk and leader work).
  await seedLeaderDemo(cast);
  // Then the province at work: a few hundred items over every 州市, the main departments and their counties.
  await seedProvinceDemo(deps, base);
}

/** A 申请办结 names its evidence and confirms the checklist: the demo unit uploads a one-page 办结报告 first. */
async function completionProof(deps: Deps, unitCtx: RequestContext, taskId: string) {
  const pdf = Buffer.from('%PDF-1.4\n% 办结报告（演示）\n%%EOF\n');
  const evidence = await uploadAttachment(deps, unitCtx, taskId, {
    fileName: '办结报告.pdf',
    file: Readable.from([pdf]),
    isTruncated: () => false,
  });
  return { evidenceIds: [evidence.id], checklist: [...completionCheckValues] };
}
