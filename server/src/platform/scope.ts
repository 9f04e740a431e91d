/**
 * Data scope as a type. A `Scope` is the subtree of the unit tree a caller may read and write (its root unit and
 * that unit's materialised path `/rootId/…/ownId/`). Every repository function that reads or writes org-scoped rows
 * takes one, so a query without a scope does not compile.
 *
 * A scope cannot be written as a literal: the brand below has no value outside this file. Only two places make one,
 * and ESLint keeps it so (`no-restricted-imports` in eslint.config.js):
 * - the access layer, from the signed-in session (`grantScope`, used when the request's actor is built);
 * - the system's own work — scheduled jobs, the CLI, seeding — which acts for the whole tree (`systemScope`).
 */
declare const scopeBrand: unique symbol;

export interface Scope {
  /** Root unit of the subtree. */
  readonly unitId: string;
  /** Its materialised path; a row is in scope when its unit's path starts with this. */
  readonly path: string;
  readonly [scopeBrand]: true;
}

/** The scope a signed-in account was granted (its `scope_unit_id` and that unit's path). Access layer only. */
export function grantScope(unitId: string, path: string): Scope {
  if (!path.startsWith('/') || !path.endsWith('/')) throw new Error(`not a unit path: ${path}`);
  return { unitId, path } as Scope;
}

/**
 * The whole unit tree, for work the system does on its own account (the daily sweep, recomputing lights, seeding,
 * the CLI). Every unit path starts with '/', so this matches every row.
 */
export function systemScope(): Scope {
  return { unitId: '', path: '/' } as Scope;
}

/** A scope that holds nothing (no unit path starts with '//'): the actor of a sign-in, who reads nothing yet. */
export function noScope(): Scope {
  return { unitId: '', path: '//' } as Scope;
}

/** True when the unit path lies inside the scope (for rows already read, e.g. a lead unit's path). */
export function inScope(scope: Scope, unitPath: string): boolean {
  return unitPath.startsWith(scope.path);
}
