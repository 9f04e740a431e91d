/**
 * 专家库 (issue 15 item 5, D3): experts with masked contact; a draw with 回避 (same unit, declared conflict, drawn
 * more than K times this year, unavailable) that records its seed, pool and rule and re-runs to the same experts; a
 * draw asking for more than the pool holds is refused and leaves nothing; opinions kept per drawn expert.
 */
import type { ErrorBody, Expert, ExpertDraw } from '@luoshi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawFrom } from '../src/modules/meetings/experts.rules.js';
import { authHeaders, createTree, createUser, signIn, startTestEnv, type Session, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(async () => {
  await env.close();
});

type Method = 'GET' | 'POST' | 'PATCH';
const api = (session: Session) => (method: Method, url: string, payload?: object) =>
  env.app.inject({ method, url, headers: authHeaders(session), ...(payload ? { payload } : {}) });

describe('专家库', () => {
  it('draws with 回避, records seed and pool, re-runs to the same experts, and keeps opinions', async () => {
    const tree = await createTree(env.deps);
    const staff = api(await signIn(env, await createUser(env.deps, tree.root, ['meeting_staff'])));
    const auditor = api(await signIn(env, await createUser(env.deps, tree.root, ['auditor'])));
    const county = api(await signIn(env, await createUser(env.deps, tree.countyB1, ['meeting_staff'])));
    const add = async (name: string, extra: object = {}) => {
      const res = await staff('POST', '/api/experts', {
        ownerUnitId: tree.root,
        name,
        fields: ['教育'],
        title: '教授',
        affiliation: '某大学',
        phone: '13812345678',
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Expert>();
    };
    const sameUnit = await add('同单位专家', { affiliationUnitId: tree.department });
    const conflicted = await add('有利益冲突的专家', { conflictUnitIds: [tree.department], conflictNote: '曾参与方案编制' });
    const away = await add('出国专家');
    await staff('PATCH', `/api/experts/${away.id}`, { isAvailable: false });
    const eligible = [];
    for (const name of ['甲专家', '乙专家', '丙专家', '丁专家']) eligible.push(await add(name));
    await add('其他领域专家', { fields: ['交通'] });
    expect(eligible[0]?.phone).toBe('138****5678');

    const draw = (count: number, maxDrawsPerYear = 5) =>
      staff('POST', '/api/expert-draws', {
        ownerUnitId: tree.root,
        purpose: '义务教育薄弱环节改善方案专家论证',
        field: '教育',
        count,
        proposerUnitId: tree.department,
        maxDrawsPerYear,
      });
    // More than the pool holds after 回避: refused, nothing recorded.
    const tooMany = await draw(5);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json<ErrorBody>().error).toMatchObject({ code: 'EXPERT_POOL_TOO_SMALL', params: { available: 4, requested: 5 } });
    expect((await staff('GET', '/api/expert-draws')).json<ExpertDraw[]>()).toEqual([]);

    const first = (await draw(3, 1)).json<ExpertDraw>();
    expect(first.pool.sort()).toEqual(eligible.map((e) => e.id).sort());
    expect(Object.fromEntries(first.excluded.map((e) => [e.name, e.reason]))).toEqual({
      同单位专家: 'same_unit',
      有利益冲突的专家: 'conflict',
      出国专家: 'unavailable',
    });
    expect(first.drawn).toHaveLength(3);
    expect(first.drawn.map((d) => d.expertId)).toEqual(drawFrom(first.pool, first.seed, 3));
    expect(first.drawn[0]?.phone).toBe('13812345678');
    expect(first.rule).toBe('sha256-rank-v1');
    // Anyone with audit rights re-runs it from the record and gets the same experts.
    const verified = await auditor('POST', `/api/expert-draws/${first.id}/verify`);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ matches: true, recorded: first.drawn.map((d) => d.expertId) });
    expect((await auditor('GET', `/api/expert-draws/${first.id}`)).json<ExpertDraw>().drawn[0]?.phone).toBe('138****5678');
    // A tampered record no longer re-runs to the same experts.
    await env.ownerQuery(`update expert_draws set seed = 'altered' where id = $1`, [first.id]);
    expect((await auditor('POST', `/api/expert-draws/${first.id}/verify`)).json<{ matches: boolean }>().matches).toBe(false);

    // K = 1: the three drawn once this year are recused next time, so one remains.
    const second = (await draw(1, 1)).json<ExpertDraw>();
    expect(second.pool).toEqual(eligible.map((e) => e.id).filter((id) => !first.drawn.some((d) => d.expertId === id)));
    expect(second.excluded.filter((e) => e.reason === 'too_many_draws')).toHaveLength(3);

    // Opinions per drawn expert; not for someone who was not drawn.
    const drawnId = first.drawn[0]?.expertId ?? '';
    const opinion = await staff('POST', `/api/expert-draws/${first.id}/opinions`, {
      expertId: drawnId,
      opinion: '方案可行，建议分年度实施。',
    });
    expect(opinion.json<ExpertDraw>().drawn[0]?.opinion).toBe('方案可行，建议分年度实施。');
    const notDrawn = await staff('POST', `/api/expert-draws/${first.id}/opinions`, { expertId: sameUnit.id, opinion: '越权意见' });
    expect(notDrawn.json<ErrorBody>().error.code).toBe('EXPERT_NOT_DRAWN');
    expect((await auditor('POST', `/api/expert-draws/${first.id}/opinions`, { expertId: drawnId, opinion: 'x' })).statusCode).toBe(403);

    // Outside the scope: nothing to see.
    expect((await county('GET', '/api/experts')).json<Expert[]>()).toEqual([]);
    expect((await county('GET', `/api/expert-draws/${first.id}`)).statusCode).toBe(404);
    expect(
      (
        await county('POST', '/api/expert-draws', {
          ownerUnitId: tree.root,
          purpose: 'x',
          field: '教育',
          count: 1,
          proposerUnitId: tree.countyB1,
        })
      ).statusCode,
    ).toBe(404);
    expect(conflicted.conflictUnits[0]?.id).toBe(tree.department);
  });
});
