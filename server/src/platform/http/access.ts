/**
 * Route-level access declarations. Every route says who may call it in its `config`; one hook enforces it, so a
 * route cannot forget authentication, CSRF or the role check.
 *
 * - `access: 'public'`  — no session needed (health, sign-in, OpenAPI).
 * - `access: 'session'` — any signed-in session, even one still at a sign-in step (TOTP, password change).
 * - `access: 'active'`  — (default) a fully signed-in session.
 * - `roles`             — at least one of these roles.
 * - `scope: 'subtree'`  — the route reads or writes org-scoped records; the route inventory test then demands an
 *                         out-of-scope → 404 probe for it.
 */
import type { Role } from '@luoshi/contracts';
import type { SessionWithUser } from '../../modules/auth/auth.service.js';
import type { RequestContext } from '../context.js';

export type Access = 'public' | 'session' | 'active';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    roles?: readonly Role[];
    scope?: 'subtree' | 'none';
  }
  interface FastifyRequest {
    auth: SessionWithUser | null;
    ctx: RequestContext;
  }
}
