/**
 * Organisation use cases: units, people, posts (A角/B角) and leaders' 分管. Each write checks the policy, stays
 * inside the caller's scope (404 otherwise), honours the record version and commits with its audit event.
 */
import { randomUUID } from 'node:crypto';
import type {
  Person,
  Post,
  Unit,
  createPersonBody,
  createPostBody,
  createUnitBody,
  updatePersonBody,
  updatePostBody,
  updateUnitBody,
} from '@luoshi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit-log.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../platform/context.js';
import { AppError, fieldError, forbidden, notFound, refuseDuplicate } from '../../platform/errors.js';
import type { Db } from '../../platform/db.js';
import { noteHandlerAbsence } from '../tasks/index.js';
import { canManageOrg, canMarkAbsence } from './org.policy.js';
import { presentPerson, presentPersonInList, presentPost, presentUnit } from './org.presenter.js';
import * as repo from './org.repository.js';

type CreateUnit = z.infer<typeof createUnitBody>;
type UpdateUnit = z.infer<typeof updateUnitBody>;
type CreatePerson = z.infer<typeof createPersonBody>;
type UpdatePerson = z.infer<typeof updatePersonBody>;
type CreatePost = z.infer<typeof createPostBody>;
type UpdatePost = z.infer<typeof updatePostBody>;

function requireManager(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!canManageOrg(actor)) throw forbidden();
  return actor;
}

export const UNIT_SEARCH_LIMIT = 50;
export const PERSON_LIST_LIMIT = 200;

// ── units ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** No parent: the root of the caller's scope. With a parent: its children. With q: matches in scope. */
export async function listUnits(deps: Deps, ctx: RequestContext, query: { parentId?: string; q?: string }): Promise<Unit[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  if (query.q) return (await repo.searchUnits(db, actor.scope, query.q, UNIT_SEARCH_LIMIT)).map(presentUnit);
  if (query.parentId) {
    if (!(await repo.findUnitInScope(db, actor.scope, query.parentId))) throw notFound();
    return (await repo.listChildUnits(db, actor.scope, query.parentId)).map(presentUnit);
  }
  const root = await repo.findUnitByPath(db, actor.scope.path);
  return root ? [presentUnit(root)] : [];
}

export async function getUnit(deps: Deps, ctx: RequestContext, id: string): Promise<Unit> {
  const row = await repo.findUnitInScope(deps.database.db, requireActor(ctx).scope, id);
  if (!row) throw notFound();
  return presentUnit(row);
}

export async function createUnit(deps: Deps, ctx: RequestContext, input: CreateUnit): Promise<Unit> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    const parent = await repo.findUnitInScope(tx, actor.scope, input.parentId);
    if (!parent) throw notFound();
    const divisionCode = input.divisionCode ?? parent.divisionCode;
    if (!(await repo.findDivision(tx, divisionCode))) throw fieldError('VALIDATION_FAILED', 'divisionCode', 'unknown division');
    const id = randomUUID();
    const now = ctx.clock.now();
    await refuseDuplicate(input.name, 'name', async () => {
      await repo.insertUnit(tx, {
        id,
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        divisionCode,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        sortOrder: input.sortOrder ?? parent.childCount,
        isSupervisionOffice: input.isSupervisionOffice ?? false,
        createdAt: now,
        updatedAt: now,
      });
    });
    const created = await repo.findUnitInScope(tx, actor.scope, id);
    if (!created) throw new Error('created unit not readable');
    const unit = presentUnit(created);
    await recordAudit(deps, tx, ctx, { eventType: 'unit.created', objectType: 'unit', objectId: id, after: unit });
    return unit;
  });
}

export async function updateUnit(deps: Deps, ctx: RequestContext, id: string, version: number, input: UpdateUnit): Promise<Unit> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findUnitInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    if (input.isDisabled === true && current.disabledAt === null) {
      if (current.path === actor.scope.path) throw forbidden();
      if ((await repo.countActiveMembers(tx, id)) > 0) throw new AppError('UNIT_HAS_CHILDREN');
    }
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { shortName: input.shortName } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      ...(input.isSupervisionOffice !== undefined ? { isSupervisionOffice: input.isSupervisionOffice } : {}),
      ...(input.isDisabled !== undefined ? { disabledAt: input.isDisabled ? (current.disabledAt ?? ctx.clock.now()) : null } : {}),
      updatedAt: ctx.clock.now(),
    };
    await refuseDuplicate(input.name ?? '', 'name', async () => {
      if (!(await repo.updateUnitVersioned(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    });
    const updated = await repo.findUnitInScope(tx, actor.scope, id);
    if (!updated) throw new Error('updated unit not readable');
    const unit = presentUnit(updated);
    await recordAudit(deps, tx, ctx, {
      eventType: 'unit.updated',
      objectType: 'unit',
      objectId: id,
      before: presentUnit(current),
      after: unit,
    });
    return unit;
  });
}

// ── people ────────────────────────────────────────────────────────────────────────────────────────────────────

export async function listPersons(
  deps: Deps,
  ctx: RequestContext,
  query: { unitId?: string; includeSubunits?: boolean; isLeader?: boolean; q?: string },
): Promise<Person[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await repo.findUnitInScope(db, actor.scope, query.unitId);
    if (!unit) throw notFound();
    if (query.includeSubunits) unitPath = unit.path;
  }
  const rows = await repo.listPersons(
    db,
    actor.scope,
    { unitId: query.unitId, unitPath, isLeader: query.isLeader, q: query.q },
    PERSON_LIST_LIMIT,
  );
  return rows.map((row) => presentPersonInList(row, canManageOrg(actor)));
}

export async function getPerson(deps: Deps, ctx: RequestContext, id: string): Promise<Person> {
  const row = await repo.findPersonInScope(deps.database.db, requireActor(ctx).scope, id);
  if (!row) throw notFound();
  return presentPerson(row);
}

export async function createPerson(deps: Deps, ctx: RequestContext, input: CreatePerson): Promise<Person> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    if (!(await repo.findUnitInScope(tx, actor.scope, input.unitId))) throw notFound();
    const id = randomUUID();
    const now = ctx.clock.now();
    await repo.insertPerson(tx, {
      id,
      unitId: input.unitId,
      name: input.name,
      title: input.title ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      isLeader: input.isLeader ?? false,
      oversightAreas: input.oversightAreas ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const created = await repo.findPersonInScope(tx, actor.scope, id);
    if (!created) throw new Error('created person not readable');
    const person = presentPerson(created);
    await recordAudit(deps, tx, ctx, { eventType: 'person.created', objectType: 'person', objectId: id, after: person });
    return person;
  });
}

export async function updatePerson(deps: Deps, ctx: RequestContext, id: string, version: number, input: UpdatePerson): Promise<Person> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findPersonInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    const { isDisabled, ...fields } = input;
    const patch = {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ...(isDisabled !== undefined ? { disabledAt: isDisabled ? (current.disabledAt ?? ctx.clock.now()) : null } : {}),
      updatedAt: ctx.clock.now(),
    };
    if (!(await repo.updatePersonVersioned(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    if (input.isLeader === false && current.overseenUnitIds.length) await repo.replaceOverseenUnits(tx, id, []);
    const updated = await repo.findPersonInScope(tx, actor.scope, id);
    if (!updated) throw new Error('updated person not readable');
    const person = presentPerson(updated);
    await recordAudit(deps, tx, ctx, {
      eventType: 'person.updated',
      objectType: 'person',
      objectId: id,
      before: presentPerson(current),
      after: person,
    });
    return person;
  });
}

/** Replaces a leader's 分管 units; every unit must be within the caller's scope. */
export async function setOverseenUnits(deps: Deps, ctx: RequestContext, id: string, unitIds: string[]): Promise<Person> {
  const actor = requireManager(ctx);
  const unique = [...new Set(unitIds)];
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findPersonInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    if (!current.isLeader) throw new AppError('PERSON_NOT_LEADER');
    if ((await repo.countUnitsInScope(tx, actor.scope, unique)) !== unique.length) throw notFound();
    await repo.replaceOverseenUnits(tx, id, unique);
    const updated = await repo.findPersonInScope(tx, actor.scope, id);
    if (!updated) throw new Error('person not readable');
    await recordAudit(deps, tx, ctx, {
      eventType: 'person.oversees_changed',
      objectType: 'person',
      objectId: id,
      before: { overseenUnitIds: current.overseenUnitIds },
      after: { overseenUnitIds: updated.overseenUnitIds },
    });
    return presentPerson(updated);
  });
}

// ── posts ─────────────────────────────────────────────────────────────────────────────────────────────────────

export async function listPosts(deps: Deps, ctx: RequestContext, unitId: string): Promise<Post[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  if (!(await repo.findUnitInScope(db, actor.scope, unitId))) throw notFound();
  return (await repo.listPosts(db, actor.scope, unitId)).map(presentPost);
}

async function assertHoldersInUnit(
  tx: Parameters<typeof repo.personsOfUnit>[0],
  unitId: string,
  holders: (string | null | undefined)[],
): Promise<void> {
  const ids = [...new Set(holders.filter((h): h is string => !!h))];
  if ((await repo.personsOfUnit(tx, unitId, ids)) !== ids.length) {
    throw fieldError('VALIDATION_FAILED', 'primaryHolderId', 'holders must be people of the post’s unit');
  }
}

export async function createPost(deps: Deps, ctx: RequestContext, input: CreatePost): Promise<Post> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    if (!(await repo.findUnitInScope(tx, actor.scope, input.unitId))) throw notFound();
    await assertHoldersInUnit(tx, input.unitId, [input.primaryHolderId, input.backupHolderId]);
    const id = randomUUID();
    const now = ctx.clock.now();
    await refuseDuplicate(input.name, 'name', async () => {
      await repo.insertPost(tx, {
        id,
        unitId: input.unitId,
        name: input.name,
        primaryHolderId: input.primaryHolderId ?? null,
        backupHolderId: input.backupHolderId ?? null,
        createdAt: now,
        updatedAt: now,
      });
    });
    const created = await repo.findPostInScope(tx, actor.scope, id);
    if (!created) throw new Error('created post not readable');
    const post = presentPost(created);
    await recordAudit(deps, tx, ctx, { eventType: 'post.created', objectType: 'post', objectId: id, after: post });
    return post;
  });
}

export async function updatePost(deps: Deps, ctx: RequestContext, id: string, version: number, input: UpdatePost): Promise<Post> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findPostInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    await assertHoldersInUnit(tx, current.unitId, [input.primaryHolderId, input.backupHolderId]);
    const patch = { ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), updatedAt: ctx.clock.now() };
    await refuseDuplicate(input.name ?? '', 'name', async () => {
      if (!(await repo.updatePostVersioned(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    });
    const updated = await repo.findPostInScope(tx, actor.scope, id);
    if (!updated) throw new Error('updated post not readable');
    const post = presentPost(updated);
    await recordAudit(deps, tx, ctx, {
      eventType: 'post.updated',
      objectType: 'post',
      objectId: id,
      before: presentPost(current),
      after: post,
    });
    return post;
  });
}

// ── absence (A角/B角) ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * Sets or clears a person's absence. While it lasts, the B角 of the person's posts sees and acts on the items the
 * person handles; deadlines keep running. Each open item the person handles gets the change on its 时间线 (who
 * is away, from when to when, which B角 stands in), so the item's record explains who acted on it and why.
 */
export async function setAbsence(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  absence: { from: string; until: string; reason: string } | null,
): Promise<Person> {
  const actor = requireActor(ctx);
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findPersonInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    const unit = await repo.findUnitInScope(tx, actor.scope, current.unitId);
    if (!unit || !canMarkAbsence(actor, unit.path)) throw forbidden();
    const patch = {
      absentFrom: absence?.from ?? null,
      absentUntil: absence?.until ?? null,
      absenceReason: absence?.reason ?? null,
      updatedAt: ctx.clock.now(),
    };
    if (!(await repo.updatePersonVersioned(tx, id, current.version, patch))) throw new AppError('VERSION_CONFLICT');
    const updated = await repo.findPersonInScope(tx, actor.scope, id);
    if (!updated) throw new Error('person not readable');
    const person = presentPerson(updated);
    await recordAudit(deps, tx, ctx, {
      eventType: absence ? 'person.absence_set' : 'person.absence_cleared',
      objectType: 'person',
      objectId: id,
      before: { absence: presentPerson(current).absence },
      after: { absence: person.absence },
    });
    if (absence || current.absentFrom) await noteOnHandledItems(deps, tx, ctx, actor, updated, absence);
    return person;
  });
}

/**
 * Puts the absence (or its end) on the 时间线 of every open item the person handles. The event types match the
 * audit labels (`person.absence_set` → 登记请假/出差, `person.absence_cleared` → 销假); the reason is the absence's.
 */
async function noteOnHandledItems(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  actor: Actor,
  person: { id: string; name: string },
  absence: { from: string; until: string; reason: string } | null,
): Promise<void> {
  const backup = await repo.backupOf(tx, person.id);
  await noteHandlerAbsence(deps, tx, ctx, actor.scope, person.id, {
    type: absence ? 'person_absence_set' : 'person_absence_cleared',
    reason: absence?.reason ?? null,
    data: {
      personId: person.id,
      personName: person.name,
      ...(absence ? { from: absence.from, until: absence.until } : {}),
      backupId: backup?.id ?? null,
      backupName: backup?.name ?? null,
    },
  });
}
