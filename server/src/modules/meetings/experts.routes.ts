/** HTTP for the 专家库: experts, reproducible draws, their verification and the experts' opinions. */
import { expertRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as experts from './experts.service.js';

export function registerExpertRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['experts'];
  addRoute(app, expertRoutes.list, { tags, summary: '专家库（联系方式脱敏）Experts, contact masked' }, (request) =>
    experts.listExperts(deps, request.ctx, request.query.field),
  );
  addRoute(app, expertRoutes.create, { tags, summary: '新增专家 Add an expert' }, (request) =>
    experts.createExpert(deps, request.ctx, request.body),
  );
  addRoute(app, expertRoutes.update, { tags, summary: '修改专家（可用、利益冲突）Edit availability and conflicts' }, (request) =>
    experts.updateExpert(deps, request.ctx, request.params.id, request.body),
  );
  addRoute(app, expertRoutes.draws, { tags, summary: '专家抽取记录 Expert draws' }, (request) => experts.listDraws(deps, request.ctx));
  addRoute(app, expertRoutes.draw, { tags, summary: '随机抽取专家（回避，记录种子、候选池与规则）Draw experts' }, (request) =>
    experts.drawExperts(deps, request.ctx, request.body),
  );
  addRoute(app, expertRoutes.getDraw, { tags, summary: '一次抽取 One draw' }, (request) =>
    experts.getDraw(deps, request.ctx, request.params.id),
  );
  addRoute(app, expertRoutes.verify, { tags, summary: '复核抽取（按记录重新运行）Re-run a draw from its record' }, (request) =>
    experts.verifyDraw(deps, request.ctx, request.params.id),
  );
  addRoute(app, expertRoutes.recordOpinion, { tags, summary: '录入专家论证意见 Record an expert’s opinion' }, (request) =>
    experts.recordOpinion(deps, request.ctx, request.params.id, request.body),
  );
}
