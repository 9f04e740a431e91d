/**
 * Account administration: create, change roles and scope, disable (which ends every session at once), reset a
 * password (forcing a change at next sign-in) and unlock. The same `createAccount` serves the CLI and the seed.
 */
import type { Scope } from '../../platform/scope.js';
import { randomUUID } from 'node:crypto';
import type { Role, UserAccount, createUserBody, updateUserBody } from '@luoshi/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit-log.js';
import type { Actor, Deps, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldError, forbidden, notFound, refuseDuplicate } from '../../platform/errors.js';
import { hashPassword } from '../../platform/passwords.js';
import { assertPasswordAcceptable, clearThrottle, deleteSessionsOfUser, usernameKey } from '../auth/index.js';
import { findPersonInScope, findUnitInScope } from '../org/index.js';
import { canManageAccounts, isRoleSetAllowed } from './users.policy.js';
import { presentUser } from './users.presenter.js';
import * as repo from './users.repository.js';

type CreateUser = z.infer<typeof createUserBody>;
type UpdateUser = z.infer<typeof updateUserBody>;

export const USER_LIST_LIMIT = 200;

function requireAccountManager(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  if (!canManageAccounts(ctx.actor)) throw forbidden();
  return ctx.actor;
}

function assertRoles(roles: Role[]): void {
  if (!isRoleSetAllowed(roles))
    throw fieldError('ROLE_SEPARATION', 'roles', 'system, security and audit administrator roles are exclusive');
}

export interface AccountInput extends CreateUser {
  isDemo?: boolean;
  /** Demo accounts and CLI-created accounts may skip the forced change at first sign-in. */
  mustChangePassword?: boolean;
}

/**
 * Creates an account inside `tx`. `scope` limits where the scope unit and person may lie (the creating
 * administrator's scope; the whole tree for the CLI and seeding).
 */
export async function createAccount(
  deps: Deps,
  tx: Db,
  ctx: RequestContext,
  scope: Scope,
  input: AccountInput,
): Promise<repo.UserWithScope> {
  assertRoles(input.roles);
  assertPasswordAcceptable(input.initialPassword, input.username, 'initialPassword');
  if (!(await findUnitInScope(tx, scope, input.scopeUnitId))) throw notFound();
  if (input.personId && !(await findPersonInScope(tx, scope, input.personId))) throw notFound();
  const id = randomUUID();
  const now = ctx.clock.now();
  await refuseDuplicate(input.username, 'username', async () => {
    await repo.insertUser(tx, {
      id,
      username: input.username,
      usernameKey: usernameKey(input.username),
      displayName: input.displayName,
      personId: input.personId ?? null,
      scopeUnitId: input.scopeUnitId,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.initialPassword),
      passwordChangedAt: now,
      mustChangePassword: input.mustChangePassword ?? true,
      isDemo: input.isDemo ?? false,
      createdAt: now,
      updatedAt: now,
    });
  });
  const created = await repo.findUserInScope(tx, scope, id);
  if (!created) throw new Error('created user not readable');
  await recordAudit(deps, tx, ctx, { eventType: 'user.created', objectType: 'user', objectId: id, after: presentUser(created, now) });
  return created;
}

export async function listUsers(deps: Deps, ctx: RequestContext, query: { q?: string; scopeUnitId?: string }): Promise<UserAccount[]> {
  const actor = requireAccountManager(ctx);
  const { db } = deps.database;
  let scopeUnitPath: string | undefined;
  if (query.scopeUnitId) {
    const unit = await findUnitInScope(db, actor.scope, query.scopeUnitId);
    if (!unit) throw notFound();
    scopeUnitPath = unit.path;
  }
  const rows = await repo.listUsers(db, actor.scope, { q: query.q, scopeUnitPath }, USER_LIST_LIMIT);
  const now = ctx.clock.now();
  return rows.map((r) => presentUser(r, now));
}

export async function createUser(deps: Deps, ctx: RequestContext, input: CreateUser): Promise<UserAccount> {
  const actor = requireAccountManager(ctx);
  const row = await deps.database.db.transaction((tx) => createAccount(deps, tx, ctx, actor.scope, input));
  return presentUser(row, ctx.clock.now());
}

export async function updateUser(deps: Deps, ctx: RequestContext, id: string, version: number, input: UpdateUser): Promise<UserAccount> {
  const actor = requireAccountManager(ctx);
  const now = ctx.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findUserInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    if (current.version !== version) throw new AppError('VERSION_CONFLICT');
    if (input.roles) assertRoles(input.roles);
    if (input.isDisabled === true && id === actor.userId) throw new AppError('USER_CANNOT_DISABLE_SELF');
    if (input.scopeUnitId && !(await findUnitInScope(tx, actor.scope, input.scopeUnitId))) throw notFound();
    const patch = {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.scopeUnitId !== undefined ? { scopeUnitId: input.scopeUnitId } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
      ...(input.isDisabled !== undefined ? { disabledAt: input.isDisabled ? (current.disabledAt ?? now) : null } : {}),
      updatedAt: now,
    };
    if (!(await repo.updateUserVersioned(tx, id, version, patch))) throw new AppError('VERSION_CONFLICT');
    // Disabling, or changing what an account may see or do, ends its sessions so the change takes effect now.
    if (input.isDisabled === true || input.roles || input.scopeUnitId) await deleteSessionsOfUser(tx, id);
    const updated = await repo.findUserInScope(tx, actor.scope, id);
    if (!updated) throw new Error('updated user not readable');
    const eventType =
      input.isDisabled === true && !current.disabledAt
        ? 'user.disabled'
        : input.isDisabled === false && current.disabledAt
          ? 'user.enabled'
          : 'user.updated';
    await recordAudit(deps, tx, ctx, {
      eventType,
      objectType: 'user',
      objectId: id,
      before: presentUser(current, now),
      after: presentUser(updated, now),
    });
    return presentUser(updated, now);
  });
}

export async function resetPassword(deps: Deps, ctx: RequestContext, id: string, newPassword: string): Promise<UserAccount> {
  const actor = requireAccountManager(ctx);
  const now = ctx.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findUserInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    assertPasswordAcceptable(newPassword, current.username, 'newPassword');
    await repo.bumpUser(tx, id, {
      passwordHash: await hashPassword(newPassword),
      passwordChangedAt: now,
      mustChangePassword: true,
      updatedAt: now,
    });
    await deleteSessionsOfUser(tx, id);
    await recordAudit(deps, tx, ctx, { eventType: 'user.password_reset', objectType: 'user', objectId: id });
    const updated = await repo.findUserInScope(tx, actor.scope, id);
    if (!updated) throw new Error('user not readable');
    return presentUser(updated, now);
  });
}

export async function unlockUser(deps: Deps, ctx: RequestContext, id: string): Promise<UserAccount> {
  const actor = requireAccountManager(ctx);
  const now = ctx.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const current = await repo.findUserInScope(tx, actor.scope, id);
    if (!current) throw notFound();
    await clearThrottle(tx, current.usernameKey);
    await recordAudit(deps, tx, ctx, { eventType: 'user.unlocked', objectType: 'user', objectId: id });
    const updated = await repo.findUserInScope(tx, actor.scope, id);
    if (!updated) throw new Error('user not readable');
    return presentUser(updated, now);
  });
}
