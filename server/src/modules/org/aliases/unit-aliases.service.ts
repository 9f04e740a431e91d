/**
 * Use cases of unit aliases: the administrator's list / add / remove (system_admin, in scope, audited), the
 * import's remembering of a clerk's mapping, and the seeding of the standard short forms.
 */
import type { UnitAlias } from '@luoshi/contracts';
import { recordAudit } from '../../../platform/audit-log.js';
import { requireActor, type Actor, type Deps, type RequestContext } from '../../../platform/context.js';
import type { Db } from '../../../platform/db.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { canManageOrg } from '../org.policy.js';
import { findUnitInScope } from '../org.repository.js';
import departments from '../seed/provincial-departments.json' with { type: 'json' };
import * as repo from './unit-aliases.repository.js';
import { standardAliases } from './unit-aliases.rules.js';

function present(row: repo.UnitAliasRow): UnitAlias {
  return { unitId: row.unitId, alias: row.alias, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() };
}

export async function listUnitAliases(deps: Deps, ctx: RequestContext, unitId: string): Promise<UnitAlias[]> {
  const actor = requireActor(ctx);
  const { db } = deps.database;
  if (!(await findUnitInScope(db, actor.scope, unitId))) throw notFound();
  return (await repo.listAliasesOfUnit(db, unitId)).map(present);
}

function requireManager(ctx: RequestContext): Actor {
  const actor = requireActor(ctx);
  if (!canManageOrg(actor)) throw forbidden();
  return actor;
}

export async function addUnitAlias(deps: Deps, ctx: RequestContext, unitId: string, alias: string): Promise<UnitAlias> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    const unit = await findUnitInScope(tx, actor.scope, unitId);
    if (!unit) throw notFound();
    const taken = () => new AppError('UNIT_ALIAS_TAKEN', { alias }, [{ path: 'alias', code: 'duplicate', message: 'duplicate' }]);
    if (await repo.isUnitName(tx, alias)) throw taken();
    const [row] = await repo.insertAliases(tx, [{ unitId, alias, createdBy: actor.userId }]);
    if (!row) throw taken();
    await recordAudit(deps, tx, ctx, { eventType: 'unit.updated', objectType: 'unit', objectId: unitId, after: { aliasAdded: alias } });
    return present(row);
  });
}

export async function removeUnitAlias(deps: Deps, ctx: RequestContext, unitId: string, alias: string): Promise<UnitAlias[]> {
  const actor = requireManager(ctx);
  return deps.database.db.transaction(async (tx) => {
    if (!(await findUnitInScope(tx, actor.scope, unitId))) throw notFound();
    if (!(await repo.deleteAlias(tx, unitId, alias))) throw notFound();
    await recordAudit(deps, tx, ctx, { eventType: 'unit.updated', objectType: 'unit', objectId: unitId, before: { aliasRemoved: alias } });
    return (await repo.listAliasesOfUnit(tx, unitId)).map(present);
  });
}

/**
 * Remembers a clerk's picks made during an import (name → unit) as aliases, inside the import's transaction.
 * A name that is already some unit's name or alias is left alone. Answers the aliases written (for the audit).
 */
export async function rememberAliases(tx: Db, actor: Actor, picks: { alias: string; unitId: string }[]): Promise<string[]> {
  const rows: { unitId: string; alias: string; createdBy: string }[] = [];
  for (const pick of picks) {
    if (!(await repo.isUnitName(tx, pick.alias))) rows.push({ ...pick, createdBy: actor.userId });
  }
  return (await repo.insertAliases(tx, rows)).map((r) => r.alias);
}

const extraAliases = new Map(departments.map((d) => [d.name, 'aliases' in d ? (d.aliases as string[]) : []]));

/**
 * Seeds the standard short forms of all units (16 州市, 129 县市区, the provincial departments) when the table
 * is empty: on the first start, and on the first start after the table was added to an existing installation.
 */
export async function seedStandardAliases(db: Db): Promise<number> {
  if ((await repo.countAliases(db)) > 0) return 0;
  const all = await repo.listAllUnitsForAliases(db);
  const rows = standardAliases(all.map((u) => ({ ...u, extra: extraAliases.get(u.name) ?? [] })));
  return (
    await repo.insertAliases(
      db,
      rows.map((r) => ({ ...r, createdBy: null })),
    )
  ).length;
}
