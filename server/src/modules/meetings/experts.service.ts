/**
 * Use cases of the 专家库 (REQUIREMENTS D3). The library belongs to a government; its organisers (会务人员 and the
 * 督查室, as for meetings) add experts, draw reviewers and enter the experts' opinions (experts have no account).
 * A draw checks everything before writing: a pool smaller than the count after 回避 is 422 and leaves no record.
 * Whoever may read the library — and the audit roles — can re-run a recorded draw and compare.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  expertDrawRule,
  type Expert,
  type ExpertDraw,
  type RecusalReason,
  type createExpertBody,
  type drawExpertsBody,
  type drawVerification,
  type recordOpinionBody,
  type updateExpertBody,
} from '@luoshi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit-log.js';
import { todayInShanghai } from '../../platform/calendar/working-days.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import * as repo from './experts.repository.js';
import { drawFrom, eligiblePool, maskPhone } from './experts.rules.js';
import { canOrganise } from './meetings.policy.js';
import * as meetingsRepo from './meetings.repository.js';

type In<T extends z.ZodType> = z.output<T>;

const yearOf = (ctx: RequestContext) => Number(todayInShanghai(ctx.clock).slice(0, 4));

async function presentExperts(db: Db, rows: readonly repo.ExpertRow[], ctx: RequestContext): Promise<Expert[]> {
  const counts = await repo.drawCounts(db, [...new Set(rows.map((r) => r.ownerUnitId))], yearOf(ctx));
  const names = await repo.unitNames(db, [...new Set(rows.flatMap((r) => r.conflictUnitIds))]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    fields: r.fields,
    title: r.title,
    affiliation: r.affiliation,
    affiliationUnitId: r.affiliationUnitId,
    phone: maskPhone(r.phone),
    conflictUnits: r.conflictUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    conflictNote: r.conflictNote,
    isAvailable: r.isAvailable,
    drawsThisYear: counts.get(r.id) ?? 0,
  }));
}

/** The library's government, in scope and organised by the actor. */
async function libraryFor(db: Db, actor: Actor, ownerUnitId: string) {
  const unit = await meetingsRepo.findUnit(db, ownerUnitId);
  if (!unit || !inScope(actor.scope, unit.path)) throw notFound();
  if (!canOrganise(actor, unit.path)) throw forbidden();
  if (unit.kind !== 'government') throw new AppError('MEETING_NOT_A_GOVERNMENT');
  return unit;
}

export async function listExperts(deps: Deps, ctx: RequestContext, field: string | undefined): Promise<Expert[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const rows = (await repo.listExperts(db, actor.scope)).filter((r) => !field || r.fields.includes(field));
  return presentExperts(db, rows, ctx);
}

export async function createExpert(deps: Deps, ctx: RequestContext, input: In<typeof createExpertBody>): Promise<Expert> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    await libraryFor(tx, actor, input.ownerUnitId);
    const unitIds = [...new Set([...(input.affiliationUnitId ? [input.affiliationUnitId] : []), ...input.conflictUnitIds])];
    if ((await meetingsRepo.findUnits(tx, unitIds)).length !== unitIds.length) throw notFound();
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertExpert(tx, {
      id,
      ownerUnitId: input.ownerUnitId,
      name: input.name,
      fields: [...new Set(input.fields)],
      title: input.title ?? null,
      affiliation: input.affiliation,
      affiliationUnitId: input.affiliationUnitId ?? null,
      phone: input.phone ?? null,
      conflictUnitIds: [...new Set(input.conflictUnitIds)],
      conflictNote: input.conflictNote ?? null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const row = await repo.findExpert(tx, actor.scope, id);
    if (!row) throw new Error('expert not read back');
    const [expert] = await presentExperts(tx, [row], ctx);
    if (!expert) throw new Error('expert not presented');
    await recordAudit(deps, tx, ctx, { eventType: 'meeting.expert_created', objectType: 'expert', objectId: id, after: expert });
    return expert;
  });
}

export async function updateExpert(deps: Deps, ctx: RequestContext, id: string, input: In<typeof updateExpertBody>): Promise<Expert> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findExpert(tx, actor.scope, id);
    if (!row) throw notFound();
    await libraryFor(tx, actor, row.ownerUnitId);
    if (input.conflictUnitIds && (await meetingsRepo.findUnits(tx, input.conflictUnitIds)).length !== new Set(input.conflictUnitIds).size) {
      throw notFound();
    }
    await repo.updateExpert(tx, id, {
      ...(input.isAvailable !== undefined ? { isAvailable: input.isAvailable } : {}),
      ...(input.conflictUnitIds ? { conflictUnitIds: [...new Set(input.conflictUnitIds)] } : {}),
      ...(input.conflictNote !== undefined ? { conflictNote: input.conflictNote } : {}),
      updatedAt: ctx.clock.now(),
    });
    const after = await repo.findExpert(tx, actor.scope, id);
    const [expert] = await presentExperts(tx, after ? [after] : [], ctx);
    if (!expert) throw new Error('expert not presented');
    await recordAudit(deps, tx, ctx, { eventType: 'meeting.expert_updated', objectType: 'expert', objectId: id, after: expert });
    return expert;
  });
}

async function presentDraw(db: Db, row: repo.DrawRow, showContact: boolean): Promise<ExpertDraw> {
  const people = new Map((await repo.expertsByIds(db, [...row.drawn, ...row.excluded.map((e) => e.expertId)])).map((e) => [e.id, e]));
  const opinions = new Map((await repo.opinionsOf(db, [row.id])).map((o) => [o.expertId, o]));
  const names = await repo.unitNames(db, [row.proposerUnitId]);
  return {
    id: row.id,
    purpose: row.purpose,
    field: row.field,
    requested: row.requested,
    proposerUnitId: row.proposerUnitId,
    proposerUnitName: names.get(row.proposerUnitId) ?? '',
    maxDrawsPerYear: row.maxDrawsPerYear,
    year: row.year,
    seed: row.seed,
    rule: row.rule,
    pool: row.pool,
    excluded: row.excluded.map((e) => ({
      expertId: e.expertId,
      name: people.get(e.expertId)?.name ?? '',
      reason: e.reason as RecusalReason,
    })),
    drawn: row.drawn.map((id) => {
      const person = people.get(id);
      const opinion = opinions.get(id);
      return {
        expertId: id,
        name: person?.name ?? '',
        title: person?.title ?? null,
        affiliation: person?.affiliation ?? '',
        phone: showContact ? (person?.phone ?? null) : maskPhone(person?.phone ?? null),
        opinion: opinion?.opinion ?? null,
        opinionAt: opinion?.enteredAt.toISOString() ?? null,
      };
    }),
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  };
}

/** Whether the actor organises the library of the draw (and so sees the drawn experts' whole contact). */
async function organisesDraw(db: Db, actor: Actor, row: repo.DrawRow): Promise<boolean> {
  const unit = await meetingsRepo.findUnit(db, row.ownerUnitId);
  return !!unit && canOrganise(actor, unit.path);
}

/** 抽取专家: the pool after 回避 (recorded), a fresh seed (recorded), the rule's first N. */
export async function drawExperts(deps: Deps, ctx: RequestContext, input: In<typeof drawExpertsBody>): Promise<ExpertDraw> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    await libraryFor(tx, actor, input.ownerUnitId);
    if ((await meetingsRepo.findUnits(tx, [input.proposerUnitId])).length !== 1) throw notFound();
    await repo.lockLibrary(tx, input.ownerUnitId);
    const year = yearOf(ctx);
    const counts = await repo.drawCounts(tx, [input.ownerUnitId], year);
    const { pool, excluded } = eligiblePool(
      (await repo.expertsOf(tx, input.ownerUnitId)).map((e) => ({ ...e, drawsThisYear: counts.get(e.id) ?? 0 })),
      { field: input.field, proposerUnitId: input.proposerUnitId, maxDrawsPerYear: input.maxDrawsPerYear },
    );
    if (pool.length < input.count) {
      throw new AppError('EXPERT_POOL_TOO_SMALL', { field: input.field, available: pool.length, requested: input.count });
    }
    const seed = randomBytes(16).toString('hex');
    const id = randomUUID();
    await repo.insertDraw(tx, {
      id,
      ownerUnitId: input.ownerUnitId,
      purpose: input.purpose,
      field: input.field,
      requested: input.count,
      proposerUnitId: input.proposerUnitId,
      maxDrawsPerYear: input.maxDrawsPerYear,
      year,
      seed,
      rule: expertDrawRule,
      pool,
      excluded,
      drawn: drawFrom(pool, seed, input.count),
      createdBy: actor.userId,
      createdByName: actor.displayName,
      createdAt: ctx.clock.now(),
    });
    const row = await repo.findDraw(tx, actor.scope, id);
    if (!row) throw new Error('draw not read back');
    const draw = await presentDraw(tx, row, true);
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.experts_drawn',
      objectType: 'expert_draw',
      objectId: id,
      after: { ...draw, drawn: row.drawn },
    });
    return draw;
  });
}

export async function listDraws(deps: Deps, ctx: RequestContext): Promise<ExpertDraw[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const rows = await repo.listDraws(db, actor.scope);
  return Promise.all(rows.map(async (row) => presentDraw(db, row, await organisesDraw(db, actor, row))));
}

export async function getDraw(deps: Deps, ctx: RequestContext, id: string): Promise<ExpertDraw> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  const row = await repo.findDraw(db, actor.scope, id);
  if (!row) throw notFound();
  return presentDraw(db, row, await organisesDraw(db, actor, row));
}

/** Re-runs the recorded rule on the recorded seed and pool: the same experts, or the record was altered. */
export async function verifyDraw(deps: Deps, ctx: RequestContext, id: string): Promise<z.output<typeof drawVerification>> {
  const actor = requireActor(ctx);
  const row = await repo.findDraw(deps.database.db, actor.scope, id);
  if (!row) throw notFound();
  const rerun = drawFrom(row.pool, row.seed, row.requested);
  return { matches: rerun.length === row.drawn.length && rerun.every((e, i) => e === row.drawn[i]), recorded: row.drawn, rerun };
}

/** 论证意见 of a drawn expert, entered by staff (experts have no account). */
export async function recordOpinion(
  deps: Deps,
  ctx: RequestContext,
  drawId: string,
  input: In<typeof recordOpinionBody>,
): Promise<ExpertDraw> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.findDraw(tx, actor.scope, drawId);
    if (!row) throw notFound();
    if (!(await organisesDraw(tx, actor, row))) throw forbidden();
    if (!row.drawn.includes(input.expertId)) throw new AppError('EXPERT_NOT_DRAWN');
    await repo.upsertOpinion(tx, {
      drawId,
      expertId: input.expertId,
      opinion: input.opinion,
      enteredBy: actor.userId,
      enteredAt: ctx.clock.now(),
    });
    await recordAudit(deps, tx, ctx, {
      eventType: 'meeting.expert_opinion_recorded',
      objectType: 'expert_draw',
      objectId: drawId,
      after: { expertId: input.expertId, opinion: input.opinion },
    });
    return presentDraw(tx, row, true);
  });
}
