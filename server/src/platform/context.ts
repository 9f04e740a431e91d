/**
 * What every service call receives: who acts, within which scope, from which request, at what time.
 * Services never read globals for these, so tests can act as anyone at any instant.
 */
import type { Role } from '@luoshi/contracts';
import { AppError } from './errors.js';
import type { Clock } from './clock.js';
import type { Database } from './db.js';
import type { Env } from './env.js';
import type { Scope } from './scope.js';

export interface Actor {
  userId: string;
  username: string;
  /** The name people see (e.g. 王建华 or 省教育厅承办人), used on timelines. */
  displayName: string;
  /** The person (人员) the account belongs to, if linked: 承办人, A角/B角 and leaders are people. */
  personId: string | null;
  roles: Role[];
  /** The actor's data scope (root unit and its path), made by the access layer from the session. */
  scope: Scope;
  /** The unit the actor belongs to (for the audit record); the scope unit when no person is linked. */
  unitId: string;
}

export interface RequestMeta {
  id: string;
  ip: string | null;
  userAgent: string | null;
}

export interface RequestContext {
  actor: Actor | null;
  request: RequestMeta;
  clock: Clock;
}

/** The long-lived dependencies services share. */
export interface Deps {
  database: Database;
  env: Env;
  clock: Clock;
}

/** Context for work started by the system itself (CLI, seed, worker), not by a request. */
export function systemContext(clock: Clock, requestId = 'system'): RequestContext {
  return { actor: null, request: { id: requestId, ip: null, userAgent: 'luoshi-cli' }, clock };
}

/** The signed-in actor of a request; services call it first, so a missing actor is a 401, never a crash. */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
