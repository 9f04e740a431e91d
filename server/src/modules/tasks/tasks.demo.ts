/**
 * Demo 督办事项 so that a first start shows a living ledger: items from several sources at every stage, with
 * reports, a 催办 and a finished one. Built through the same use cases a clerk's clicks go through (numbering,
 * timeline, audit), each in its own transaction, right after the demo accounts are created.
 */
import type { CreateTaskBody, Role, TransitionBody } from '@luoshi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { posts, units, users } from '../../db/schema/index.js';
import type { Actor, Deps, RequestContext } from '../../platform/context.js';
import { submitProgressReport } from '../reports/reports.service.js';
import { createTask } from './tasks.service.js';
import { transitionTask } from './tasks.transitions.js';

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
    scopeUnitId: user.scopeUnitId,
    scopePath,
    unitId: user.scopeUnitId,
  };
}

/** Seeds the demo items (first demo start only). Acts as the demo 督查员 and as each lead unit's handler. */
export async function seedDemoTasks(deps: Deps, base: RequestContext): Promise<void> {
  const { db } = deps.database;
  const [supervisor] = await db.select().from(users).where(eq(users.username, 'ducha'));
  const [province] = await db.select().from(units).where(isNull(units.parentId));
  if (!supervisor || !province) return;
  const supervisorCtx: RequestContext = { ...base, actor: actorFor(supervisor, province.path, ['supervisor']) };
  const unitNamed = async (name: string) =>
    (
      await db
        .select()
        .from(units)
        .where(and(eq(units.name, name), eq(units.parentId, province.id)))
    )[0];
  for (const item of demoItems) {
    const lead = await unitNamed(item.body.lead);
    if (!lead) continue;
    const cooperating = (await Promise.all((item.body.cooperating ?? []).map(unitNamed))).flatMap((u) => (u ? [u.id] : []));
    const { lead: _lead, cooperating: _cooperating, ...body } = item.body;
    const task = await createTask(deps, supervisorCtx, { ...body, leadUnitId: lead.id, cooperatingUnitIds: cooperating });
    // The lead unit acts through a handler account of its own scope (not a login: a demo stand-in).
    const unitCtx: RequestContext = {
      ...base,
      actor: { ...actorFor(supervisor, lead.path, ['unit_handler']), displayName: `${lead.shortName ?? lead.name}承办人` },
    };
    const [handlerPost] = await db
      .select({ primaryHolderId: posts.primaryHolderId })
      .from(posts)
      .innerJoin(units, eq(units.id, posts.unitId))
      .where(and(eq(posts.name, '承办人'), eq(units.parentId, lead.id)));
    for (const step of item.steps) {
      if ('report' in step) {
        await submitProgressReport(deps, unitCtx, task.id, {
          periodLabel: '本期',
          done: step.report,
          percent: step.percent,
          attachmentIds: [],
        });
        continue;
      }
      const isSupervisorStep = ['assign', 'urge', 'approve_completion', 'send_back', 'evaluate', 'archive'].includes(step.action);
      const input = step.action === 'start' ? { ...step, handlerId: handlerPost?.primaryHolderId ?? undefined } : step;
      await transitionTask(deps, isSupervisorStep ? supervisorCtx : unitCtx, task.id, input);
    }
  }
}
