/** HTTP for sign-in and the own account: schema → access → service → presenter. */
import { authRoutes } from '@luoshi/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { addRoute } from '../../platform/http/route.js';
import { sessionCookieName } from '../../platform/http/session-cookie.js';
import * as auth from './auth.service.js';

function requireAuth(request: FastifyRequest): auth.SessionWithUser {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['auth'];
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookieName(deps.env), token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.env.COOKIE_SECURE,
    });
  const rateLimit = { max: deps.env.SIGN_IN_RATE_PER_MINUTE, timeWindow: '1 minute' };

  addRoute(
    app,
    authRoutes.signIn,
    { config: { access: 'public', rateLimit }, tags, summary: '用户名密码登录 Sign in with username and password' },
    async (request, reply) => {
      const previous = request.cookies[sessionCookieName(deps.env)];
      const result = await auth.signIn(deps, request.ctx, request.body, previous);
      setCookie(reply, result.token);
      return auth.presentSession(deps, result.auth);
    },
  );

  addRoute(app, authRoutes.session, { config: { access: 'session' }, tags, summary: '当前会话 Current session' }, (request) =>
    auth.presentSession(deps, requireAuth(request)),
  );

  addRoute(
    app,
    authRoutes.verifyTotp,
    { config: { access: 'session', rateLimit }, tags, summary: '输入动态验证码 Second factor' },
    async (request) => auth.presentSession(deps, await auth.verifySecondFactor(deps, request.ctx, requireAuth(request), request.body.code)),
  );

  addRoute(
    app,
    authRoutes.startTotpEnrolment,
    { config: { access: 'session' }, tags, summary: '开始绑定双因素认证 Begin TOTP set-up' },
    async (request) => auth.beginTotpEnrolment(deps, requireAuth(request)),
  );

  addRoute(
    app,
    authRoutes.confirmTotpEnrolment,
    { config: { access: 'session' }, tags, summary: '确认绑定双因素认证 Confirm TOTP set-up' },
    async (request) =>
      auth.presentSession(deps, await auth.confirmTotpEnrolment(deps, request.ctx, requireAuth(request), request.body.code)),
  );

  addRoute(app, authRoutes.changePassword, { config: { access: 'session' }, tags, summary: '修改密码 Change password' }, async (request) =>
    auth.presentSession(deps, await auth.changePassword(deps, request.ctx, requireAuth(request), request.body)),
  );

  addRoute(app, authRoutes.signOut, { config: { access: 'session' }, tags, summary: '退出登录 Sign out' }, async (request, reply) => {
    await auth.signOut(deps, request.ctx, requireAuth(request));
    void reply.clearCookie(sessionCookieName(deps.env), { path: '/' });
    return { ok: true as const };
  });
}
