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
 *
 * The request's signed-in session (`request.auth`) is declared where it is resolved (app.ts): its shape belongs to
 * the auth module, and platform code imports no module.
 */
import type { Role } from '@luoshi/contracts';
import type { RequestContext } from '../context.js';

export type Access = 'public' | 'session' | 'active';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    roles?: readonly Role[];
    scope?: 'subtree' | 'none';
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
